import { redact } from './redact'

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
  /**
   * System code of a failed connection (`ECONNREFUSED`, `ENOTFOUND`,
   * `EAI_AGAIN`, `ECONNRESET`...), for `network` errors.
   */
  networkCode?: string
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
  declare readonly code: HighLevelErrorCode
  declare readonly operation?: string
  declare readonly status?: number
  declare readonly body?: unknown
  declare readonly method?: string
  declare readonly url?: string
  declare readonly headers?: Record<string, string>
  declare readonly networkCode?: string
  /**
   * Id of the contact that already exists, when a create or update is
   * refused as a duplicate (HighLevel puts it in the 400 body's `meta`).
   */
  declare readonly existingContactId?: string

  constructor(message: string, { cause, ...details }: HighLevelErrorOptions) {
    // Redacted once here, so message, stack, properties, toJSON and
    // inspect all agree.
    super(`[highlevel-fetch] ${redact(message)}`, { cause: copyCause(cause) })
    Object.assign(this, redact(details), { name: 'HighLevelError' })
    const meta = (details.body as { meta?: { contactId?: unknown } })?.meta
    if (typeof meta?.contactId === 'string') {
      Object.assign(this, { existingContactId: meta.contactId })
    }
    Object.defineProperty(this, marker, { value: true })
  }

  toJSON(): Record<string, unknown> {
    const cause = this.cause as Error | undefined
    return {
      ...(this as object),
      message: this.message,
      cause: cause && { name: cause.name, message: cause.message },
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

/**
 * A redacted copy of `cause`: a custom `fetch` may put the request, token
 * included, in the message of what it throws. The copy keeps the type
 * (`instanceof TypeError` holds) and the fields that tell failures apart
 * (`code`, `errno`, `syscall`, `hostname`, and the nested `cause` in which
 * undici puts them).
 */
function copyCause(cause: unknown, depth = 0): unknown {
  if (isHighLevelError(cause)) return cause
  if (!(cause instanceof Error) || depth > 2) return redact(cause)
  const copy = redact({
    ...cause,
    // Own copies of what a prototype may only read from the original
    // (DOMException's getters throw on any other object).
    ...('code' in cause && { code: cause.code }),
    name: cause.name,
    message: cause.message,
    stack: cause.stack,
  }) as object
  return Object.setPrototypeOf(
    Object.assign(
      copy,
      cause.cause && { cause: copyCause(cause.cause, depth + 1) },
    ),
    Object.getPrototypeOf(cause),
  )
}
