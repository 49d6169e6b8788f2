import { createClient } from '../../src/client/create-client'
import type { Operation } from '../../src/core/operation'
import type { CallArguments } from './call-arguments'

/** A generated function with its metadata, as a service module exports it. */
export interface GeneratedOperation {
  name: string
  operation: Operation
  fn: (...args: unknown[]) => Promise<unknown>
}

/** What one call sent, what Prism answered, and what the function gave. */
export interface CallRecord {
  sent?: {
    method: string
    url: string
    headers: Record<string, string>
    body?: string
  }
  status?: number
  /** Prism's `sl-violations` header, parsed. */
  violations?: unknown
  /** The response body as received. */
  responseText?: string
  returned?: unknown
  error?: unknown
}

const TOKEN = 'conformance-private-integration-token'

/**
 * Calls a generated function against Prism the way a user would, with a
 * `fetch` that keeps a copy of the request and the response.
 */
export async function callPrism(
  baseURL: string,
  generated: GeneratedOperation,
  args: CallArguments,
): Promise<CallRecord> {
  const record: CallRecord = {}
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    const headers = Object.fromEntries(request.headers)
    // The token never goes into a test report, even a fake one.
    if (headers.authorization) headers.authorization = 'Bearer <token>'
    record.sent = {
      method: request.method,
      url: request.url,
      headers,
      body: describeBody(init?.body),
    }
    const response = await globalThis.fetch(input, init)
    record.status = response.status
    const violations = response.headers.get('sl-violations')
    if (violations) record.violations = parseJson(violations)
    record.responseText = await response.clone().text()
    return response
  }
  const client = createClient({
    baseURL,
    privateIntegrationToken: TOKEN,
    fetch,
  })

  const { operation } = generated
  const callArguments: unknown[] = [client]
  if (Object.keys(operation.params ?? {}).length) {
    callArguments.push(args.params ?? {})
  }
  if (operation.body) callArguments.push(args.body)
  try {
    record.returned = await generated.fn(...callArguments)
  } catch (error) {
    record.error = error
  }
  return record
}

function describeBody(body: BodyInit | null | undefined): string | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body instanceof FormData) {
    const fields = [...body.entries()].map(([key, value]) =>
      typeof value === 'string'
        ? `${key}=${value}`
        : `${key}=<file ${value.size} B>`,
    )
    return `multipart: ${fields.join('&')}`
  }
  return `<${Object.prototype.toString.call(body)}>`
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
