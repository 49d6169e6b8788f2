import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createClient,
  createContact,
  getConfig,
  getContact,
  getContacts,
  writeSession,
  type ClientConfig,
} from '../../src/index'
import { redact } from '../../src/core/redact'
import {
  startScriptedServer,
  type Reply,
  type ScriptedServer,
} from '../pipeline/scripted-server'

const PRIVATE_TOKEN = 'pit-9f8e7d6c-private-token'
const ACCESS_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.access-token-body.sig'
const REFRESH_TOKEN = 'refresh-4b3a2918-token'
const CLIENT_SECRET = 'client-secret-5e6f7a8b'
const SECRETS = [PRIVATE_TOKEN, ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET]

// The server echoes every secret it can in its error bodies: the worst a
// misbehaving API or proxy could do.
const echo = (status: number, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body: {
    message: `denied for Bearer ${PRIVATE_TOKEN}`,
    authorization: `Bearer ${ACCESS_TOKEN}`,
    refresh_token: REFRESH_TOKEN,
    client_secret: CLIENT_SECRET,
    detail: `token=${PRIVATE_TOKEN}&client_secret=${CLIENT_SECRET}`,
  },
})

let server: ScriptedServer
let reply: (url: string) => Reply = () => ({})
beforeAll(async () => {
  server = await startScriptedServer((request) => reply(request.url))
})
afterAll(() => server.close())

const lines: string[] = []
const capture = {
  debug: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
  info: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
  warn: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
  error: (...args: unknown[]) => void lines.push(JSON.stringify(args)),
}

function client(extra: Partial<ClientConfig> = {}) {
  return createClient({
    privateIntegrationToken: PRIVATE_TOKEN,
    baseURL: server.url,
    logger: capture,
    logLevel: 'debug',
    retry: { limit: 1, delay: 1 },
    headers: { Authorization: `Bearer ${PRIVATE_TOKEN}` },
    ...extra,
  })
}

/** Every way an error, and each cause under it, can be turned into text. */
function serialise(error: unknown, depth = 0): string {
  const value = error as Error
  const texts = [
    value.message,
    String(value.stack),
    JSON.stringify(value),
    inspect(value, { depth: 8 }),
    String(value),
  ]
  if (value.cause !== undefined && depth < 4) {
    texts.push(serialise(value.cause, depth + 1))
  }
  return texts.join('\n')
}

function expectNoSecret(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret)
}

const failures: [string, () => Promise<unknown>][] = [
  ...[400, 401, 403, 404, 409, 422, 500, 503].map(
    (status): [string, () => Promise<unknown>] => [
      `${status} echoing secrets`,
      () => {
        reply = () => echo(status)
        return getContact(client(), { contactId: 'c1' })
      },
    ],
  ),
  [
    '429 rate limited, retried',
    () => {
      reply = () => echo(429, { 'retry-after': '0' })
      return getContacts(client(), { locationId: 'loc_1' })
    },
  ],
  [
    '429 daily limit',
    () => {
      reply = () => echo(429, { 'x-ratelimit-daily-remaining': '0' })
      return getContacts(client(), { locationId: 'loc_1' })
    },
  ],
  [
    'POST create failing',
    () => {
      reply = () => echo(503)
      return createContact(client(), { locationId: 'loc_1', firstName: 'A' })
    },
  ],
  [
    'body that is not JSON',
    () => {
      reply = () => ({ body: `<html>${PRIVATE_TOKEN}</html>` })
      return getContact(client(), { contactId: 'c1' })
    },
  ],
  [
    'timeout',
    () => {
      reply = () => ({ delay: 300, body: {} })
      return getContact(client({ timeout: 30 }), { contactId: 'c1' })
    },
  ],
  [
    'abort',
    () => {
      reply = () => ({ delay: 300, body: {} })
      return getContact(
        client(),
        { contactId: 'c1' },
        { signal: AbortSignal.abort() },
      )
    },
  ],
  [
    'connection refused',
    async () => {
      const closed = await startScriptedServer(() => ({}))
      await closed.close()
      return getContact(client({ baseURL: closed.url }), { contactId: 'c1' })
    },
  ],
  [
    'DNS failure (a host that does not exist)',
    // `.invalid` never resolves (RFC 6761): the lookup fails locally.
    () =>
      getContact(client({ baseURL: 'http://does-not-exist.invalid' }), {
        contactId: 'c1',
      }),
  ],
  [
    'custom fetch throwing an error that quotes the token',
    () =>
      getContact(
        client({
          fetch: async (url) => {
            throw new TypeError(
              `fetch ${url} failed for Bearer ${PRIVATE_TOKEN}`,
              {
                cause: Object.assign(
                  new Error(`connect ECONNRESET ?access_token=${ACCESS_TOKEN}`),
                  { code: 'ECONNRESET', token: PRIVATE_TOKEN },
                ),
              },
            )
          },
        }),
        { contactId: 'c1' },
      ),
  ],
  [
    'OAuth session whose refresh is refused',
    async () => {
      reply = (url) => (url.startsWith('/oauth/token') ? echo(400) : echo(401))
      const oauth = client({
        privateIntegrationToken: undefined,
        headers: {},
        clientId: 'app1-suffix',
        clientSecret: CLIENT_SECRET,
      })
      await writeSession(oauth, 'loc_oauth', {
        access_token: ACCESS_TOKEN,
        refresh_token: REFRESH_TOKEN,
        expire_at: Date.now() + 3_600_000,
        userType: 'Location',
        locationId: 'loc_oauth',
      })
      return getContacts(oauth, { locationId: 'loc_oauth' })
    },
  ],
]

describe('no secret in any log line or serialised error', () => {
  it.each(failures)('%s', async (_, run) => {
    lines.length = 0
    const error = await run().then(
      () => {
        throw new Error('expected the call to fail')
      },
      (error: unknown) => error,
    )
    expectNoSecret(serialise(error))
    expectNoSecret(lines.join('\n'))
    expect(lines.join('\n')).not.toMatch(/Bearer (?!\[redacted\])\S/)
  })

  it('debug lines name method, URL, status, duration and attempt', async () => {
    lines.length = 0
    reply = () => ({ status: 503, body: {} })
    await getContact(client(), { contactId: 'c1' }).catch(() => undefined)
    const text = lines.join('\n')
    expect(text).toMatch(
      /getContact: GET http:\/\/127\.0\.0\.1:\d+\/contacts\/c1 → 503 in \d+ ms/,
    )
    expect(text).toContain('"attempt":2')
    expect(text).toMatch(/retrying GET .* after 503 \(retry 1 of 1\)/)
  })

  it.each([
    `Authorization: Bearer ${ACCESS_TOKEN}`,
    `{"Authorization":"Bearer ${ACCESS_TOKEN}"}`,
    `authorization=Basic ${ACCESS_TOKEN}`,
  ])('masks a token quoted with its scheme: %s', (text) => {
    expectNoSecret(redact(text) as string)
  })

  it('getConfig output holds no secret', () => {
    expectNoSecret(
      inspect(
        getConfig(client({ clientId: 'app1-x', clientSecret: CLIENT_SECRET })),
      ),
    )
  })
})

describe('below the active level nothing is logged', () => {
  it('at the default level a retried failure logs nothing', async () => {
    const calls: string[] = []
    const spy = {
      debug: () => void calls.push('debug'),
      info: () => void calls.push('info'),
      warn: () => void calls.push('warn'),
      error: () => void calls.push('error'),
    }
    reply = () => ({ status: 503, body: {} })
    await getContact(
      createClient({
        privateIntegrationToken: PRIVATE_TOKEN,
        baseURL: server.url,
        logger: spy,
        retry: { limit: 2, delay: 1 },
      }),
      { contactId: 'c1' },
    ).catch(() => undefined)
    expect(calls).toEqual([])
  })
})
