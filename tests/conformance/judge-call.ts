import { isDeepStrictEqual } from 'node:util'
import { isHighLevelError } from '../../src/core/error'
import type { CallArguments } from './call-arguments'
import type { CallRecord } from './call-prism'

/**
 * Why a call does not pass, or undefined when it does: Prism reported no
 * request violation, answered 2xx, and the function returned the parsed
 * body (undefined for an empty one).
 */
export function judgeCall(
  record: CallRecord,
  args: CallArguments | undefined,
): string | undefined {
  const problems: string[] = []
  const violations = findRequestViolations(record)
  if (violations.length) {
    problems.push(
      `Prism reported request violations: ${JSON.stringify(violations)}`,
    )
  }
  if (record.error !== undefined) {
    problems.push(`the function threw: ${describeError(record.error)}`)
  } else if (record.status === undefined) {
    problems.push('the function returned without sending a request')
  } else if (record.status < 200 || record.status > 299) {
    problems.push(`the function returned on status ${record.status}`)
  } else if (
    !isDeepStrictEqual(record.returned, parseBody(record.responseText))
  ) {
    problems.push(
      `the function returned ${preview(record.returned)} instead of the ` +
        `parsed body ${preview(record.responseText)}`,
    )
  }
  if (problems.length === 0) return undefined

  return [
    ...problems,
    `sent: ${record.sent ? `${record.sent.method} ${record.sent.url}` : 'nothing'}`,
    `headers: ${JSON.stringify(record.sent?.headers ?? {})}`,
    `body: ${preview(record.sent?.body)}`,
    `arguments: ${preview({ params: args?.params, body: args?.body })}`,
    `Prism answered ${record.status}: ${preview(record.responseText)}`,
  ].join('\n')
}

/**
 * Violations of the request only. Prism also reports where its own answer
 * (an example from the file) breaks the file's response schema; that says
 * nothing about the request we sent.
 */
export function findRequestViolations(record: CallRecord): unknown[] {
  if (record.violations === undefined) return []
  if (!Array.isArray(record.violations)) return [record.violations]
  return record.violations.filter(
    (violation) =>
      (violation as { location?: string[] }).location?.[0] !== 'response',
  )
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function describeError(error: unknown): string {
  if (isHighLevelError(error)) return `${error.code}: ${error.message}`
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error)
}

function preview(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Blob
        ? '<Blob>'
        : JSON.stringify(value, (_key, item) =>
            item instanceof Blob ? '<Blob>' : item,
          )
  return text === undefined
    ? 'undefined'
    : text.length > 600
      ? `${text.slice(0, 600)}…`
      : text
}
