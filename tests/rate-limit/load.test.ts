import { afterEach, expect, it } from 'vitest'
import { createClient, getContacts } from '../../src/index'
import { createRateLimiter } from '../../src/rate-limit/index'
import { startScriptedServer } from '../pipeline/scripted-server'
import { startRateLimitServer, type RateLimitServer } from './rate-limit-server'

let server: RateLimitServer | undefined
afterEach(() => server?.close())

// The real window is 100 requests per 10 s, which would make this test
// last 90 s. The server announces a 100-per-500-ms window in its headers
// instead, and the limiter has to learn it from them: it starts from the
// documented 10 s figure, so a limiter that ignored the headers would take
// minutes, and one that misread them would hit 429s.
it('1,000 calls for one location finish with zero 429s (window scaled to 500 ms, learnt from headers)', async () => {
  server = await startRateLimitServer(100, 500)
  const client = createClient({
    privateIntegrationToken: 'pit-load',
    baseURL: server.url,
    rateLimiter: createRateLimiter(),
    retry: 0,
    logLevel: 'silent',
  })

  const started = Date.now()
  const results = await Promise.allSettled(
    Array.from({ length: 1000 }, () =>
      getContacts(client, { locationId: 'loc_load', limit: 1 }),
    ),
  )
  const seconds = (Date.now() - started) / 1000

  expect(results.filter((result) => result.status === 'rejected')).toEqual([])
  expect(server.refused).toBe(0)
  expect(server.requests).toHaveLength(1000)
  expect(server.busiest).toBeLessThanOrEqual(100)
  expect(client.rateLimits.get('loc_load')).toMatchObject({
    max: 100,
    interval: 500,
  })
  console.log(`load: 1000 calls, ${server.refused} 429s, ${seconds} s`)
}, 60_000)

it('the same server refuses a burst sent without the limiter', async () => {
  server = await startRateLimitServer(100, 500)
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
  expect(server.refused).toBeGreaterThan(0)
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
