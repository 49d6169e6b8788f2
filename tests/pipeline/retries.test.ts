import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest'
import {
  createClient,
  createContact,
  getContact,
  type ClientConfig,
} from '../../src/index'
import {
  startScriptedServer,
  useScriptedServer,
  type Reply,
} from './scripted-server'
import { failure } from '../errors/failure'

const server = useScriptedServer()
afterEach(() => {
  vi.useRealTimers()
})

function client(extra: Partial<ClientConfig> = {}) {
  return createClient({
    privateIntegrationToken: 'pit-retry',
    baseURL: server.url,
    logLevel: 'silent',
    retry: { limit: 3, delay: 5 },
    ...extra,
  })
}

const down: Reply = { status: 503, body: { message: 'down' } }
const ok: Reply = { status: 200, body: { contact: { id: 'c1' } } }

/** Lets pending I/O callbacks and promise jobs run (setImmediate is real). */
const settle = () => new Promise((done) => setImmediate(done))

describe('which failures are retried', () => {
  it('retries a GET that answered 503 until it succeeds', async () => {
    server.replies = [down, down, ok]
    await expect(getContact(client(), { contactId: 'c1' })).resolves.toEqual({
      contact: { id: 'c1' },
    })
    expect(server.requests).toHaveLength(3)
  })

  it('gives up after the retry limit with code server', async () => {
    server.replies = [down]
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.code).toBe('server')
    expect(server.requests).toHaveLength(4)
  })

  it.each([408, 429, 500, 502, 504])('retries %i', async (status) => {
    server.replies = [{ status, body: {} }, ok]
    await getContact(client(), { contactId: 'c1' })
    expect(server.requests).toHaveLength(2)
  })

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    server.replies = [{ status, body: {} }, ok]
    await failure(getContact(client(), { contactId: 'c1' }))
    expect(server.requests).toHaveLength(1)
  })

  it('retries a network error on GET', async () => {
    const closed = await startScriptedServer(() => ({}))
    await closed.close()
    let attempts = 0
    const error = await failure(
      getContact(
        client({ baseURL: closed.url }),
        { contactId: 'c1' },
        { onRequestError: () => void attempts++ },
      ),
    )
    expect(error.code).toBe('network')
    expect(attempts).toBe(4)
  })

  it('never retries a POST create by default', async () => {
    server.replies = [down, ok]
    await failure(
      createContact(client(), { locationId: 'loc_1', firstName: 'A' }),
    )
    expect(server.requests).toHaveLength(1)
  })

  it('retries a POST the caller marks idempotent', async () => {
    server.replies = [down, ok]
    await createContact(
      client(),
      { locationId: 'loc_1', firstName: 'A' },
      { retry: { idempotent: true } },
    )
    expect(server.requests).toHaveLength(2)
  })

  it('`retry: 0` on the client turns retrying off', async () => {
    server.replies = [down, ok]
    await failure(getContact(client({ retry: 0 }), { contactId: 'c1' }))
    expect(server.requests).toHaveLength(1)
  })

  it('a per-call retry overrides the client default', async () => {
    server.replies = [down, ok]
    await failure(getContact(client(), { contactId: 'c1' }, { retry: 0 }))
    expect(server.requests).toHaveLength(1)
  })

  it('throws daily_limit at once for a 429 with no daily allowance left', async () => {
    server.replies = [
      {
        status: 429,
        headers: { 'x-ratelimit-daily-remaining': '0', 'retry-after': '0' },
        body: { message: 'Too many' },
      },
      ok,
    ]
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.code).toBe('daily_limit')
    expect(server.requests).toHaveLength(1)
  })
})

describe('how long a retry waits', () => {
  it('waits Retry-After: 2 for at least 2 seconds (fake timers)', async () => {
    server.replies = [
      { status: 429, headers: { 'retry-after': '2' }, body: {} },
      ok,
    ]
    let failed = false
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const call = getContact(
      client(),
      { contactId: 'c1' },
      { onResponseError: () => void (failed = true) },
    )
    while (!failed) await settle()
    await settle()

    await vi.advanceTimersByTimeAsync(1999)
    for (let i = 0; i < 20; i++) await settle()
    expect(server.requests).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(1)
    await expect(call).resolves.toEqual({ contact: { id: 'c1' } })
    expect(server.requests).toHaveLength(2)
  })

  function waitsLogged(reply: Reply, extra: Partial<ClientConfig> = {}) {
    const lines: string[] = []
    server.replies = [reply, ok]
    return getContact(
      client({
        logLevel: 'info',
        logger: { info: (line: string) => lines.push(line) },
        ...extra,
      }),
      { contactId: 'c1' },
    ).then(() => lines.map((line) => Number(/ in (\d+) ms/.exec(line)?.[1])))
  }

  it('reads a Retry-After HTTP date', async () => {
    const date = new Date(Date.now() + 1000).toUTCString()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const waits = waitsLogged({
      status: 503,
      headers: { 'retry-after': date },
      body: {},
    })
    while (server.requests.length < 1) await settle()
    await vi.advanceTimersByTimeAsync(1000)
    const [wait] = await waits
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(1000)
  })

  it('waits one rate-limit interval after a 429 without Retry-After', async () => {
    const waits = waitsLogged({
      status: 429,
      headers: { 'x-ratelimit-interval-milliseconds': '40' },
      body: {},
    })
    await expect(waits).resolves.toEqual([40])
  })

  it('backs off within the jitter ceiling otherwise', async () => {
    const waits = waitsLogged(down, { retry: { delay: 30 } })
    const [wait] = await waits
    expect(wait).toBeGreaterThanOrEqual(0)
    expect(wait).toBeLessThanOrEqual(30)
  })

  it('throws at once when Retry-After asks for more than maxDelay', async () => {
    server.replies = [
      { status: 503, headers: { 'retry-after': '3600' }, body: {} },
      ok,
    ]
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.code).toBe('server')
    expect(server.requests).toHaveLength(1)
  })

  it('an abort during the backoff wait rejects at once with aborted', async () => {
    server.replies = [
      { status: 503, headers: { 'retry-after': '20' }, body: {} },
      ok,
    ]
    const controller = new AbortController()
    const call = getContact(
      client(),
      { contactId: 'c1' },
      {
        signal: controller.signal,
        // Abort once the wait has begun (after this hook returns).
        onResponseError: () => void setTimeout(() => controller.abort(), 20),
      },
    )
    const started = Date.now()
    const error = await failure(call)
    expect(error.code).toBe('aborted')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(server.requests).toHaveLength(1)
  })

  it('the client timeout covers the waits between retries', async () => {
    server.replies = [
      { status: 503, headers: { 'retry-after': '20' }, body: {} },
      ok,
    ]
    const error = await failure(
      getContact(client({ timeout: 100 }), { contactId: 'c1' }),
    )
    expect(error.code).toBe('timeout')
  })
})
