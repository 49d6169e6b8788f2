import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, getContact, type ClientConfig } from '../../src/index'
import { getRetryDelay } from '../../src/core/retry'
import { useScriptedServer, type Reply } from './scripted-server'

const server = useScriptedServer()
afterEach(() => {
  vi.restoreAllMocks()
})

const down: Reply = { status: 503, body: { message: 'down' } }
const ok: Reply = { status: 200, body: { contact: { id: 'c1' } } }

/**
 * Runs `getContact` against `replies` and returns the wait of each retry,
 * in ms, as the info log line reports it (rounded).
 */
async function waitsOf(
  replies: Reply[],
  retry: ClientConfig['retry'],
): Promise<number[]> {
  const lines: string[] = []
  server.replies = replies
  await getContact(
    createClient({
      privateIntegrationToken: 'pit-backoff',
      baseURL: server.url,
      logLevel: 'info',
      logger: { info: (line: string) => void lines.push(line) },
      retry,
    }),
    { contactId: 'c1' },
  ).catch(() => undefined)
  return lines.map((line) => Number(/ in (\d+) ms/.exec(line)?.[1]))
}

describe('exponential backoff with full jitter', () => {
  it('the ceiling doubles with each retry', async () => {
    // Full jitter waits random() × ceiling: near 1, the wait is the ceiling.
    vi.spyOn(Math, 'random').mockReturnValue(0.9999)
    const waits = await waitsOf([down], { limit: 4, delay: 4 })
    expect(waits).toEqual([4, 8, 16, 32])
  })

  it('the ceiling stops at maxDelay', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.9999)
    const waits = await waitsOf([down], { limit: 4, delay: 4, maxDelay: 10 })
    expect(waits).toEqual([4, 8, 10, 10])
  })

  it('the wait is a random share of the ceiling', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.25)
    const waits = await waitsOf([down], { limit: 3, delay: 8 })
    expect(waits).toEqual([2, 4, 8])
  })

  it('stays between 0 and min(maxDelay, delay × 2^(retry − 1)) with a real random', () => {
    const retry = { delay: 100, maxDelay: 1000 }
    const response = new Response(null, { status: 503 })
    for (let retryNumber = 1; retryNumber <= 6; retryNumber++) {
      const ceiling = Math.min(1000, 100 * 2 ** (retryNumber - 1))
      const waits = Array.from({ length: 200 }, () =>
        getRetryDelay(retry, retryNumber, response)!,
      )
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...waits)).toBeLessThanOrEqual(ceiling)
      // 200 draws all under half the ceiling: odds 2^-200.
      expect(Math.max(...waits)).toBeGreaterThan(ceiling / 2)
    }
  })
})

describe('a Retry-After that is neither seconds nor a date is ignored', () => {
  it('a 429 then waits the rate-limit interval', async () => {
    const waits = await waitsOf(
      [
        {
          status: 429,
          headers: {
            'retry-after': 'soon',
            'x-ratelimit-interval-milliseconds': '40',
          },
          body: {},
        },
        ok,
      ],
      { limit: 1, delay: 4 },
    )
    expect(waits).toEqual([40])
  })

  it('a 503 then backs off', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const waits = await waitsOf(
      [{ status: 503, headers: { 'retry-after': 'soon' }, body: {} }, ok],
      { limit: 1, delay: 30 },
    )
    expect(waits).toEqual([15])
  })
})
