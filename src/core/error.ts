/** Stable error codes: branch on these, never on messages. */
export type HighLevelErrorCode =
  | 'invalid_config'
  | 'invalid_input'
  | 'invalid_response'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'daily_limit'
  | 'server'
  | 'http'
  | 'timeout'
  | 'aborted'
  | 'network'
  /** No usable OAuth session: the app must be installed (authorised) again. */
  | 'reauthorize'
  /** The location is not active; its stored session is kept. */
  | 'location_inactive'
  /** A token request failed but may succeed later; the session is kept. */
  | 'refresh_failed'

export interface HighLevelErrorOptions {
  code: HighLevelErrorCode
  /** The operation's function name, when the error comes from one. */
  operation?: string
  status?: number
  /** Parsed response body (JSON when it parses, else text). */
  body?: unknown
  method?: string
  /** Request URL; it never holds a token. */
  url?: string
  /** Response headers, lower-cased names. */
  headers?: Record<string, string>
  cause?: unknown
}

const marker = Symbol.for('highlevel-fetch.error')

/**
 * The one error type of the package. Every failure, from bad input to a
 * non-2xx response, is a `HighLevelError` with a stable `code`.
 *
 * @example
 * try {
 *   await getContact(client, { contactId })
 * } catch (error) {
 *   if (error instanceof HighLevelError && error.code === 'not_found') return
 *   throw error
 * }
 */
export class HighLevelError extends Error {
  override name = 'HighLevelError'
  readonly code: HighLevelErrorCode
  readonly operation?: string
  readonly status?: number
  readonly body?: unknown
  readonly method?: string
  readonly url?: string
  readonly headers?: Record<string, string>

  constructor(message: string, options: HighLevelErrorOptions) {
    super(`[highlevel-fetch] ${message}`, { cause: options.cause })
    this.code = options.code
    this.operation = options.operation
    this.status = options.status
    this.body = options.body
    this.method = options.method
    this.url = options.url
    this.headers = options.headers
    Object.defineProperty(this, marker, { value: true })
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      operation: this.operation,
      status: this.status,
      method: this.method,
      url: this.url,
      body: this.body,
    }
  }
}

/**
 * Tells a `HighLevelError` apart even when it comes from another copy of
 * the package (two bundles, or ESM next to CJS), where `instanceof` fails.
 *
 * @example
 * if (isHighLevelError(error) && error.status === 404) return undefined
 */
export function isHighLevelError(error: unknown): error is HighLevelError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[marker] === true
  )
}
