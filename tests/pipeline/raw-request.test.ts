import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import {
  createClient,
  getContact,
  HighLevelError,
  request,
  withResponse,
} from '../../src/index'
import { useScriptedServer } from './scripted-server'

const server = useScriptedServer()
beforeEach(() => {
  server.replies = [
    { headers: { 'x-ratelimit-remaining': '42' }, body: { ok: true } },
  ]
})

const client = () =>
  createClient({
    privateIntegrationToken: 'pit-raw',
    baseURL: server.url,
    logLevel: 'silent',
    retry: { limit: 2, delay: 1 },
  })

it('sends method, path, query, JSON body, version and headers with the token', async () => {
  const data = await request(client(), {
    method: 'POST',
    path: '/custom/thing',
    query: { locationId: 'loc_1', tags: ['a', 'b'] },
    body: { name: 'x' },
    version: '2021-07-28',
    headers: { 'x-extra': '1' },
  })
  expect(data).toEqual({ ok: true })
  const [seen] = server.requests
  expect(seen!.method).toBe('POST')
  expect(seen!.url).toBe('/custom/thing?locationId=loc_1&tags=a&tags=b')
  expect(JSON.parse(seen!.body)).toEqual({ name: 'x' })
  expect(seen!.headers.version).toBe('2021-07-28')
  expect(seen!.headers['x-extra']).toBe('1')
  expect(seen!.headers.authorization).toBe('Bearer pit-raw')
  expect(seen!.headers['content-type']).toBe('application/json')
})

it('keeps a query written in the path', async () => {
  await request(client(), {
    method: 'GET',
    path: '/things?a=1',
    query: { b: 2 },
  })
  expect(server.requests[0]!.url).toBe('/things?a=1&b=2')
})

it('goes through the same retries and errors as the generated functions', async () => {
  server.replies = [
    { status: 503, body: {} },
    { status: 404, body: { message: 'gone' } },
  ]
  const error = await request(client(), {
    method: 'GET',
    path: '/things',
  }).catch((error: unknown) => error)
  expect(error).toBeInstanceOf(HighLevelError)
  expect((error as HighLevelError).code).toBe('not_found')
  expect(server.requests).toHaveLength(2)
})

it('refuses a path that is not under the base URL, before sending', () => {
  expect(() =>
    request(client(), { method: 'GET', path: 'https://elsewhere.example/x' }),
  ).toThrow(/path must start with "\/"/)
  expect(server.requests).toHaveLength(0)
})

it('withResponse returns status and headers along with the body', async () => {
  const { data, status, headers } = await withResponse((options) =>
    getContact(client(), { contactId: 'c1' }, options),
  )
  expect(data).toEqual({ ok: true })
  expect(status).toBe(200)
  expect(headers.get('x-ratelimit-remaining')).toBe('42')
})

it('sends Version 2021-07-28 when the call names none, as operations do', async () => {
  await request(client(), { method: 'GET', path: '/custom/thing' })
  await request(client(), {
    method: 'GET',
    path: '/custom/thing',
    version: '2021-04-15',
  })

  expect(server.requests.map((seen) => seen.headers.version)).toEqual([
    '2021-07-28',
    '2021-04-15',
  ])
})

it('withResponse says to pass the options on when the call drops them', async () => {
  const call = withResponse(() => getContact(client(), { contactId: 'c1' }))

  await expect(call).rejects.toMatchObject({
    code: 'invalid_input',
    message: expect.stringContaining(
      "pass them as the operation's last argument",
    ),
  })
})
