import { describe, expect, it } from 'vitest'
import {
  createClient,
  createContact,
  deleteContact,
  updateContact,
  updateRedirectById,
} from '../../src/index'
import { isRetryable } from '../../src/core/retry'
import { useScriptedServer, type Reply } from './scripted-server'

const server = useScriptedServer()

const client = () =>
  createClient({
    privateIntegrationToken: 'pit-methods',
    baseURL: server.url,
    logLevel: 'silent',
    retry: { limit: 2, delay: 1 },
  })

const down: Reply = { status: 503, body: { message: 'down' } }
const ok: Reply = { status: 200, body: { contact: { id: 'c1' } } }

const redirect = {
  target: 'https://example.test',
  action: 'url',
  locationId: 'loc_1',
} as const

/** The methods the server saw, in order. */
const methods = () => server.requests.map((request) => request.method)

describe('a 503 is retried on PUT and DELETE', () => {
  it('PUT (updateContact)', async () => {
    server.replies = [down, ok]
    await updateContact(client(), { contactId: 'c1' }, { firstName: 'A' })
    expect(methods()).toEqual(['PUT', 'PUT'])
  })

  it('DELETE (deleteContact)', async () => {
    server.replies = [down, ok]
    await deleteContact(client(), { contactId: 'c1' })
    expect(methods()).toEqual(['DELETE', 'DELETE'])
  })
})

describe('a 503 is not retried on POST and PATCH unless the call opts in', () => {
  it('POST (createContact) gets one attempt', async () => {
    server.replies = [down, ok]
    await expect(
      createContact(client(), { locationId: 'loc_1', firstName: 'A' }),
    ).rejects.toMatchObject({ code: 'server', status: 503 })
    expect(methods()).toEqual(['POST'])
  })

  it('PATCH (updateRedirectById) gets one attempt', async () => {
    server.replies = [down, ok]
    await expect(
      updateRedirectById(client(), { id: 'r1' }, redirect),
    ).rejects.toMatchObject({ code: 'server', status: 503 })
    expect(methods()).toEqual(['PATCH'])
  })

  it('PATCH with `idempotent: true` is retried', async () => {
    server.replies = [down, ok]
    await updateRedirectById(client(), { id: 'r1' }, redirect, {
      retry: { idempotent: true },
    })
    expect(methods()).toEqual(['PATCH', 'PATCH'])
  })
})

describe('the repeatable methods are exactly GET, HEAD, PUT and DELETE', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['PUT', true],
    ['DELETE', true],
    ['POST', false],
    ['PATCH', false],
    ['OPTIONS', false],
  ])('%s: %s', (method, retried) => {
    expect(isRetryable({}, method, 503)).toBe(retried)
    expect(isRetryable({}, method, undefined)).toBe(retried)
    expect(isRetryable({ idempotent: true }, method, 503)).toBe(true)
  })
})
