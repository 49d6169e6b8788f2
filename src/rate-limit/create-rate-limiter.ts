import type { RateLimiter, RateLimitInfo } from '../core/rate-limits'
import { sleep } from '../core/retry'

export interface RateLimiterOptions {
  /** Requests allowed per interval until a response says otherwise; 100. */
  max?: number
  /** Burst window in ms until a response says otherwise; 10,000. */
  interval?: number
}

/** What the limiter knows about one location or company. */
interface Window {
  max: number
  interval: number
  /** Requests sent whose response has not arrived yet. */
  inFlight: number
  /** When recent responses arrived, oldest first. */
  finished: number[]
  /** The end of the queue of callers waiting for a slot. */
  queue: Promise<unknown>
}

/**
 * Paces requests per location or company so they stay under HighLevel's
 * burst limit (100 requests per 10 seconds per app and resource) instead
 * of running into 429s. It starts from those documented figures and
 * follows the `X-RateLimit-Max`, `-Interval-Milliseconds` and `-Remaining`
 * headers of each response, so a lower limit, or requests other processes
 * made, slow it down too.
 *
 * A request holds a slot from when it is sent until one interval after its
 * response arrived: the server counted it somewhere in between, so no
 * window the server can measure holds more than `max` of them.
 *
 * @see https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md
 * @example
 * const client = createClient({ privateIntegrationToken, rateLimiter: createRateLimiter() })
 */
export function createRateLimiter(
  options: RateLimiterOptions = {},
): RateLimiter {
  const windows = new Map<string, Window>()
  const windowOf = (resource: string) => {
    let window = windows.get(resource)
    if (!window) {
      window = {
        max: options.max ?? 100,
        interval: options.interval ?? 10_000,
        inFlight: 0,
        finished: [],
        queue: Promise.resolve(),
      }
      windows.set(resource, window)
    }
    return window
  }

  return {
    async acquire(resource, signal) {
      const window = windowOf(resource)
      // One caller at a time checks for a slot, in arrival order.
      const turn = window.queue.then(() => takeSlot(window, signal))
      window.queue = turn.catch(() => undefined)
      // An aborted caller leaves at once; its turn then takes no slot.
      await (signal ? Promise.race([turn, whenAborted(signal)]) : turn)
      let released = false
      return () => {
        if (released) return
        released = true
        window.inFlight--
        window.finished.push(Date.now())
      }
    },

    update(resource, info: RateLimitInfo) {
      const window = windowOf(resource)
      if (info.max! > 0) window.max = info.max!
      if (info.interval! > 0) window.interval = info.interval!
      if (info.remaining === undefined) return
      // Requests this limiter did not send (other processes) count too.
      const used = window.max - info.remaining
      const now = Date.now()
      while (window.inFlight + window.finished.length < used) {
        window.finished.push(now)
      }
    },
  }
}

async function takeSlot(window: Window, signal?: AbortSignal): Promise<void> {
  for (;;) {
    signal?.throwIfAborted()
    const now = Date.now()
    const { finished } = window
    while (finished.length && finished[0]! <= now - window.interval) {
      finished.shift()
    }
    if (window.inFlight + finished.length < window.max) {
      window.inFlight++
      return
    }
    // Every slot is taken: wait for the oldest finished one to age out, or
    // poll briefly while all of them are still in flight.
    await sleep(
      finished.length ? finished[0]! + window.interval - now : 10,
      signal,
    )
  }
}

function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), {
      once: true,
    })
  })
}
