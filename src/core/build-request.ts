import { HighLevelError } from './error'
import { formatValue } from './format-value'
import type { Operation } from './operation'

/** The parts of a request that come from an operation's arguments. */
export interface BuiltRequest {
  /** Path with parameters filled in, plus the query string. */
  path: string
  headers: Record<string, string>
  body?: BodyInit
  contentType?: string
}

/**
 * Checks the caller's params against the operation and places each one in
 * the path, query or headers. Throws before anything is sent when a
 * required parameter is missing or a key is not one the operation declares.
 */
export function buildRequest(
  operation: Operation,
  params: Record<string, unknown> | undefined,
  body: unknown,
): BuiltRequest {
  const specs = operation.params ?? {}
  const fail = (message: string): never => {
    throw new HighLevelError(`${operation.id}: ${message}`, {
      code: 'invalid_input',
      operation: operation.id,
    })
  }

  if (params !== undefined && (typeof params !== 'object' || params === null)) {
    fail('params must be an object')
  }
  for (const key of Object.keys(params ?? {})) {
    if (!Object.hasOwn(specs, key)) {
      const accepted = Object.keys(specs)
      fail(
        `unknown parameter "${key}"; ` +
          (accepted.length
            ? `accepted: ${accepted.join(', ')}`
            : 'this operation takes no parameters') +
          // The likely mistake: a session hint where options belong.
          (/^(location|company)Id$/.test(key)
            ? `; to choose the OAuth session, pass options.${key}`
            : ''),
      )
    }
  }

  let path = operation.path
  const query = new URLSearchParams()
  const headers: Record<string, string> = {}
  for (const [key, spec] of Object.entries(specs)) {
    const value = params?.[key]
    if (value === undefined || value === null) {
      if (spec.required) fail(`${key} is required`)
      continue
    }
    const wireName = spec.name ?? key
    if (spec.in === 'path') {
      const text = formatValue(value)
      // URL parsing resolves `..` and `.`, even percent-encoded: the call
      // would reach another endpoint.
      if (/^\.{0,2}$/.test(text)) fail(`${key} must not be "${text}"`)
      path = path.replace(`{${wireName}}`, encodeURIComponent(text))
    } else if (spec.in === 'header') {
      headers[wireName] = formatValue(value)
    } else if (Array.isArray(value)) {
      if (spec.explode === false) {
        query.append(wireName, value.map(formatValue).join(','))
      } else {
        for (const item of value) query.append(wireName, formatValue(item))
      }
    } else {
      query.append(wireName, formatValue(value))
    }
  }

  const search = query.toString()
  const built: BuiltRequest = {
    path: search ? `${path}?${search}` : path,
    headers,
  }
  if (body === undefined || body === null) {
    if (operation.bodyRequired) fail('a request body is required')
    return built
  }
  if (!operation.body) fail('this operation takes no request body')
  return {
    ...built,
    ...(operation.encode?.(body, fail) ?? {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      contentType: 'application/json',
    }),
  }
}
