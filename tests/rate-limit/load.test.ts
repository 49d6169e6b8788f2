import { afterEach, expect, it, vi } from 'vitest'
import { createClient, getContacts } from '../../src/index'
import { createRateLimiter } from '../../src/rate-limit/index'
import { startScriptedServer } from '../pipeline/scripted-server'
import { startRateLimitServer, type RateLimitServer } from './rate-limit-server'

let server: RateLimitServer | undefined
afterEach(async () => {
  vi.useRealTimers()
  await server?.close()
  server = undefined
})

/** Lets pending I/O callbacks and promise jobs run (setImmediate is real). */
const settle = () => new Promise((done) => setImmediate(done))

// HighLevel's real window, 100 requests per 10 s, on fake time: the server
// and the limiter both read the faked Date.now, so 90 s of pacing takes a
// few seconds. The HTTP exchanges themselves are real.
it('1,000 calls for one location against a server enforcing 100 per 10 s finish with zero 429s', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  server = await startRateLimitServer(100, 10_000)
  const client = createClient({
    privateIntegrationToken: 'pit-load',
    baseURL: server.url,
    rateLimiter: createRateLimiter(),
    retry: 0,
    logLevel: 'silent',
  })

  const started = Date.now()
  let settled = 0
  const results = Promise.allSettled(
    Array.from({ length: 1000 }, () =>
      getContacts(client, { locationId: 'loc_load', limit: 1 }).finally(
        () => settled++,
      ),
    ),
  )
  while (settled < 1000) {
    await vi.advanceTimersByTimeAsync(100)
    await settle()
  }
  const seconds = (Date.now() - started) / 1000

  const outcomes = await results
  expect(
    outcomes.filter((result) => result.status === 'fulfilled'),
  ).toHaveLength(1000)
  expect(server.refused).toBe(0)
  expect(server.requests).toHaveLength(1000)
  expect(server.busiest).toBeLessThanOrEqual(100)
  // Ten windows' worth of calls cannot finish in less than nine windows.
  expect(seconds).toBeGreaterThanOrEqual(90)
  console.log(
    `load: 1000 calls, ${server.refused} 429s, ${seconds} s of fake time`,
  )
}, 30_000)

it('the same server refuses a burst sent without the limiter', async () => {
  server = await startRateLimitServer(100, 10_000)
  const client = createClient({
    privateIntegrationToken: 'pit-load',
    baseURL: server.url,
    retry: 0,
    logLevel: 'silent',
  })
  await Promise.allSettled(
    Array.from({ length: 150 }, () =>
      getContacts(client, { locationId: 'loc_burst', limit: 1 }),
    ),
  )
  expect(server.refused).toBe(50)
})

it('paces each location on its own', async () => {
  // No rate-limit headers here, so the limiter keeps its own figures:
  // 2 per minute. Sharing a window across locations would stall the third
  // call for a minute, far past this test's timeout.
  const plain = await startScriptedServer(() => ({ body: { contacts: [] } }))
  const client = createClient({
    privateIntegrationToken: 'pit-load',
    baseURL: plain.url,
    rateLimiter: createRateLimiter({ max: 2, interval: 60_000 }),
    logLevel: 'silent',
  })
  await Promise.all(
    ['loc_a', 'loc_b', 'loc_c'].flatMap((locationId) => [
      getContacts(client, { locationId }),
      getContacts(client, { locationId }),
    ]),
  )
  expect(plain.requests).toHaveLength(6)
  await plain.close()
}, 5_000)

it('a caller waiting for a slot leaves at once when its signal aborts', async () => {
  const plain = await startScriptedServer(() => ({ body: { contacts: [] } }))
  const client = createClient({
    privateIntegrationToken: 'pit-load',
    baseURL: plain.url,
    rateLimiter: createRateLimiter({ max: 1, interval: 60_000 }),
    logLevel: 'silent',
  })
  await getContacts(client, { locationId: 'loc_1' })
  const controller = new AbortController()
  const waiting = getContacts(
    client,
    { locationId: 'loc_1' },
    { signal: controller.signal },
  )
  setTimeout(() => controller.abort(), 20)
  await expect(waiting).rejects.toMatchObject({ code: 'aborted' })
  expect(plain.requests).toHaveLength(1)
  await plain.close()
}, 5_000)
