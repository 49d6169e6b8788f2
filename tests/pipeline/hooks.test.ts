import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import {
  createClient,
  getContact,
  getContacts,
  type Hook,
  type HookContext,
} from '../../src/index'
import { startScriptedServer, useScriptedServer } from './scripted-server'

const server = useScriptedServer()
beforeEach(() => {
  server.replies = [{ body: { contact: { id: 'c1' } } }]
})

const client = (hooks: Parameters<typeof createClient>[0] = {}) =>
  createClient({
    privateIntegrationToken: 'pit-hooks',
    baseURL: server.url,
    logLevel: 'silent',
    retry: { limit: 1, delay: 1 },
    ...hooks,
  })

it('client onRequest can set a header on every call', async () => {
  await getContact(
    client({
      onRequest: ({ options }) => options.headers.set('x-tenant', 't1'),
    }),
    { contactId: 'c1' },
  )
  expect(server.requests[0]!.headers['x-tenant']).toBe('t1')
})

it('per-call onRequest can change the query, after the client hooks', async () => {
  const order: string[] = []
  await getContacts(
    client({ onRequest: () => void order.push('client') }),
    { locationId: 'loc_1', limit: 10 },
    {
      onRequest: ({ options }) => {
        order.push('call')
        options.query = { limit: 5, query: 'ann' }
      },
    },
  )
  expect(order).toEqual(['client', 'call'])
  expect(server.requests[0]!.url).toBe(
    '/contacts/?locationId=loc_1&limit=5&query=ann',
  )
})

it('a list of hooks runs in order', async () => {
  const order: number[] = []
  await getContact(
    client({ onRequest: [() => void order.push(1), () => void order.push(2)] }),
    { contactId: 'c1' },
  )
  expect(order).toEqual([1, 2])
})

it('onResponse sees the status and the parsed body in _data', async () => {
  let seen: HookContext | undefined
  await getContact(
    client(),
    { contactId: 'c1' },
    { onResponse: (context) => void (seen = context) },
  )
  expect(seen?.response?.status).toBe(200)
  expect(seen?.response?._data).toEqual({ contact: { id: 'c1' } })
  expect(seen?.operation).toBe('getContact')
  expect(seen?.definition?.path).toBe('/contacts/{contactId}')
})

it('onResponseError runs on every failed attempt, with the error', async () => {
  server.replies = [{ status: 503, body: { message: 'down' } }]
  const codes: (string | undefined)[] = []
  await getContact(
    client({
      onResponseError: ({ error, attempt }) =>
        void codes.push(`${attempt}:${(error as { code?: string }).code}`),
    }),
    { contactId: 'c1' },
  ).catch(() => undefined)
  expect(codes).toEqual(['1:server', '2:server'])
})

it('onRequestError runs when fetch fails', async () => {
  const closed = await startScriptedServer(() => ({}))
  await closed.close()
  const errors: string[] = []
  await getContact(
    createClient({
      privateIntegrationToken: 'pit-hooks',
      baseURL: closed.url,
      retry: 0,
      logLevel: 'silent',
      onRequestError: ({ error }) =>
        void errors.push(String((error as { code?: string }).code)),
    }),
    { contactId: 'c1' },
  ).catch(() => undefined)
  expect(errors).toEqual(['network'])
})

it('a hook that throws ends the call with its error, before sending', async () => {
  const refuse: Hook = () => {
    throw new Error('not today')
  }
  await expect(
    getContact(client({ onRequest: refuse }), { contactId: 'c1' }),
  ).rejects.toThrow('not today')
  expect(server.requests).toHaveLength(0)
})

it('removing an interceptor: hooks are read per call from the array given', async () => {
  const onRequest: Hook[] = []
  const tag: Hook = ({ options }) => options.headers.set('x-tag', 'on')
  const one = client({ onRequest })
  onRequest.push(tag)
  await getContact(one, { contactId: 'c1' })
  onRequest.splice(onRequest.indexOf(tag), 1)
  await getContact(one, { contactId: 'c1' })
  expect(server.requests.map((request) => request.headers['x-tag'])).toEqual([
    'on',
    undefined,
  ])
})

it('onResponse may replace the parsed body the call returns', async () => {
  const result = await getContact(
    client(),
    { contactId: 'c1' },
    {
      onResponse: ({ response }) => {
        response!._data = { replaced: true }
      },
    },
  )
  expect(result).toEqual({ replaced: true })
})
