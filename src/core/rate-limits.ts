/**
 * The latest rate-limit figures HighLevel reported for one resource
 * (location or company). Every figure is optional: a response may lack
 * the headers.
 *
 * @see https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md (rate limits)
 */
export interface RateLimitInfo {
  /** `X-RateLimit-Max`: requests allowed per interval (100). */
  max?: number
  /** `X-RateLimit-Remaining`: requests left in the current interval. */
  remaining?: number
  /** `X-RateLimit-Interval-Milliseconds`: the burst window (10,000). */
  interval?: number
  /** `X-RateLimit-Limit-Daily`: requests allowed per day (200,000). */
  dailyLimit?: number
  /** `X-RateLimit-Daily-Remaining`: requests left today. */
  dailyRemaining?: number
  /** When these figures were read, in ms since the epoch. */
  updatedAt: number
}

/**
 * Paces requests per resource. `createRateLimiter()` returns one; pass it
 * as the `rateLimiter` option of `createClient`.
 */
export interface RateLimiter {
  /**
   * Waits until a request for `resource` may start; resolves to a function
   * to call once its response has arrived (or it failed).
   */
  acquire(resource: string, signal?: AbortSignal): Promise<() => void>
  /** Learns the real limits from a response's headers. */
  update(resource: string, info: RateLimitInfo): void
}

/** Reads the `X-RateLimit-*` headers; `undefined` when there are none. */
export function readRateLimits(headers: Headers): RateLimitInfo | undefined {
  let info: RateLimitInfo | undefined
  for (const [key, name] of Object.entries(HEADER_NAMES)) {
    const value = headers.get(`x-ratelimit-${name}`)
    if (value) (info ??= { updatedAt: Date.now() })[key as 'max'] = +value
  }
  return info
}

const HEADER_NAMES = {
  max: 'max',
  remaining: 'remaining',
  interval: 'interval-milliseconds',
  dailyLimit: 'limit-daily',
  dailyRemaining: 'daily-remaining',
}
