import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { readRateLimits } from '../../src/core/rate-limits'
import { createRateLimiter } from '../../src/rate-limit/index'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

/** The figures a response with these `X-RateLimit-*` headers reports. */
const figures = (headers: Record<string, string>) =>
  readRateLimits(
    new Headers(
      Object.entries(headers).map(([name, value]): [string, string] => [
        `x-ratelimit-${name}`,
        value,
      ]),
    ),
  )!

/** Sends one request through the limiter: acquire, answer, release. */
async function send(
  limiter: ReturnType<typeof createRateLimiter>,
  headers: Record<string, string> = {},
) {
  const release = await limiter.acquire('loc_1')
  release()
  if (Object.keys(headers).length) limiter.update('loc_1', figures(headers))
}

/** Starts an acquire and reports whether it has been granted yet. */
function pending(limiter: ReturnType<typeof createRateLimiter>) {
  const state = { granted: false }
  void limiter.acquire('loc_1').then((release) => {
    state.granted = true
    release()
  })
  return state
}

it('after X-RateLimit-Remaining: 0 it waits one interval before the next request', async () => {
  const limiter = createRateLimiter()
  await send(limiter, {
    max: '100',
    remaining: '0',
    'interval-milliseconds': '10000',
  })

  const next = pending(limiter)
  await vi.advanceTimersByTimeAsync(9_999)
  expect(next.granted).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(next.granted).toBe(true)
})

it('counts requests other processes made: Remaining below its own count', async () => {
  const limiter = createRateLimiter()
  // One request of ours, yet 98 left of 100: someone else sent one.
  await send(limiter, { max: '100', remaining: '98' })
  for (let sent = 2; sent < 100; sent++) await send(limiter)

  const next = pending(limiter)
  await vi.advanceTimersByTimeAsync(0)
  expect(next.granted).toBe(false)
  await vi.advanceTimersByTimeAsync(10_000)
  expect(next.granted).toBe(true)
})

it('paces to a lower X-RateLimit-Max', async () => {
  const limiter = createRateLimiter()
  // No Remaining header: only the lower Max can hold the fourth back.
  await send(limiter, { max: '3', 'interval-milliseconds': '10000' })
  await send(limiter)
  await send(limiter)

  // 3 sent in this window: the fourth waits for the first to age out.
  const fourth = pending(limiter)
  await vi.advanceTimersByTimeAsync(9_999)
  expect(fourth.granted).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(fourth.granted).toBe(true)
})

it('follows X-RateLimit-Interval-Milliseconds', async () => {
  const limiter = createRateLimiter({ max: 1 })
  await send(limiter, { 'interval-milliseconds': '500' })

  const next = pending(limiter)
  await vi.advanceTimersByTimeAsync(499)
  expect(next.granted).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(next.granted).toBe(true)
})

it('without headers it keeps its own figures', async () => {
  const limiter = createRateLimiter({ max: 2, interval: 1_000 })
  await send(limiter)
  await send(limiter)

  const third = pending(limiter)
  await vi.advanceTimersByTimeAsync(999)
  expect(third.granted).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(third.granted).toBe(true)
})
