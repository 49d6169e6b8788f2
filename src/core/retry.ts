/** How failed attempts are retried; see docs/retries-and-rate-limits.md. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` turns retrying off. Default 2. */
  limit?: number
  /**
   * Retry POST and PATCH calls too. Only for calls that are safe to repeat:
   * a create that reached the server before the connection failed would
   * be made twice.
   */
  idempotent?: boolean
  /** Ceiling of the first backoff wait, doubled each retry. Default 300 ms. */
  delay?: number
  /**
   * Longest wait before a retry. A `Retry-After` (or a 429's interval)
   * asking for more ends the call at once instead. Default 30,000 ms.
   */
  maxDelay?: number
}

/** A number is the retry `limit`; `0` turns retrying off. */
export type RetryOption = number | RetryOptions

export function toRetryOptions(option: RetryOption | undefined): RetryOptions {
  return typeof option === 'number' ? { limit: option } : { ...option }
}

// The idempotent methods (RFC 9110) that HighLevel's operations use.
const REPEATABLE_METHOD = /^(GET|HEAD|PUT|DELETE)$/

/** Network errors, 408, 429 and 5xx, on methods that are safe to repeat. */
export function isRetryable(
  retry: RetryOptions,
  method: string,
  status: number | undefined,
): boolean {
  return (
    (retry.idempotent || REPEATABLE_METHOD.test(method)) &&
    (status === undefined || status === 408 || status === 429 || status >= 500)
  )
}

/**
 * Milliseconds to wait before retry number `retryNumber` (1-based), or
 * `undefined` when the server asks for a longer wait than `maxDelay`.
 * `Retry-After` (seconds or an HTTP date; any other value is ignored) wins;
 * a 429 without it waits one rate-limit interval; anything else backs off
 * exponentially with full jitter.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function getRetryDelay(
  retry: RetryOptions,
  retryNumber: number,
  response?: Response,
): number | undefined {
  const maxDelay = retry.maxDelay ?? 30_000
  const retryAfter = response?.headers.get('retry-after') ?? ''
  const interval = Number(
    response?.headers.get('x-ratelimit-interval-milliseconds'),
  )
  let wait = /^\d+$/.test(retryAfter)
    ? Number(retryAfter) * 1000
    : Date.parse(retryAfter) - Date.now()
  // NaN: no Retry-After, or one that is neither seconds nor a date.
  if (!isNaN(wait)) {
    wait = Math.max(0, wait)
  } else if (response?.status === 429 && interval > 0) {
    wait = interval
  } else {
    const ceiling = (retry.delay ?? 300) * 2 ** (retryNumber - 1)
    wait = Math.random() * Math.min(maxDelay, ceiling)
  }
  return wait > maxDelay ? undefined : wait
}

/** Resolves after `ms`, or rejects with the signal's reason on abort. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort)
      resolve()
    }, ms)
    if (signal?.aborted) abort()
    signal?.addEventListener('abort', abort, { once: true })
  })
}
