import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createClient,
  createContact,
  getContact,
  type HighLevelErrorCode,
} from '../../src/index'
import {
  startScriptedServer,
  type Reply,
  type ScriptedServer,
} from '../pipeline/scripted-server'
import { failure } from './failure'

const TOKEN = 'pit-error-codes-secret'
let server: ScriptedServer
let reply: Reply = {}

beforeAll(async () => {
  server = await startScriptedServer(() => reply)
})
afterAll(() => server.close())

function client(extra: Parameters<typeof createClient>[0] = {}) {
  return createClient({
    privateIntegrationToken: TOKEN,
    baseURL: server.url,
    retry: 0,
    logLevel: 'silent',
    ...extra,
  })
}

describe('a non-2xx answer becomes a HighLevelError with a stable code', () => {
  const cases: [number, HighLevelErrorCode][] = [
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'timeout'],
    [409, 'conflict'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
  ]
  it.each(cases)('%i is %s', async (status, code) => {
    reply = {
      status,
      body: { statusCode: status, message: `answer ${status}` },
    }
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
  })
})

describe('the error carries what a caller needs to act on it', () => {
  it('has the parsed body, method, URL and response headers', async () => {
    reply = {
      status: 404,
      headers: { 'x-trace': 'trace-1' },
      body: { statusCode: 404, message: 'Contact not found' },
    }
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.body).toEqual({
      statusCode: 404,
      message: 'Contact not found',
    })
    expect(error.method).toBe('GET')
    expect(error.url).toBe(`${server.url}/contacts/c1`)
    expect(error.headers?.['x-trace']).toBe('trace-1')
    expect(error.operation).toBe('getContact')
    expect(error.message).toContain('Contact not found')
  })

  it('a 429 whose daily allowance is spent is daily_limit', async () => {
    reply = {
      status: 429,
      headers: { 'x-ratelimit-daily-remaining': '0' },
      body: { message: 'Too many requests' },
    }
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.code).toBe('daily_limit')
  })

  it('a duplicate-contact 400 exposes the existing contact id', async () => {
    reply = {
      status: 400,
      body: {
        statusCode: 400,
        message: 'This location does not allow duplicated contacts.',
        meta: { contactId: 'existing-42', matchingField: 'email' },
      },
    }
    const error = await failure(
      createContact(client(), { locationId: 'loc_1', email: 'a@b.c' }),
    )
    expect(error.code).toBe('validation')
    expect(error.existingContactId).toBe('existing-42')
  })

  it('a 2xx body that is not JSON is invalid_response', async () => {
    reply = {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>',
    }
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    expect(error.code).toBe('invalid_response')
  })
})

describe('failures without a response are told apart', () => {
  it('the client timeout is timeout', async () => {
    reply = { delay: 500, body: {} }
    const error = await failure(
      getContact(client({ timeout: 50 }), { contactId: 'c1' }),
    )
    expect(error.code).toBe('timeout')
  })

  it("the caller's abort is aborted", async () => {
    reply = { delay: 500, body: {} }
    const controller = new AbortController()
    const call = getContact(
      client(),
      { contactId: 'c1' },
      { signal: controller.signal },
    )
    setTimeout(() => controller.abort(), 30)
    const error = await failure(call)
    expect(error.code).toBe('aborted')
  })

  it('a refused connection is network with ECONNREFUSED', async () => {
    const closed = await startScriptedServer(() => ({}))
    await closed.close()
    const error = await failure(
      getContact(client({ baseURL: closed.url }), { contactId: 'c1' }),
    )
    expect(error.code).toBe('network')
    expect(error.networkCode).toBe('ECONNREFUSED')
  })

  it('a host that does not resolve is network with a DNS code', async () => {
    // `.invalid` never resolves (RFC 6761).
    const error = await failure(
      getContact(client({ baseURL: 'http://api.example.invalid' }), {
        contactId: 'c1',
      }),
    )
    expect(error.code).toBe('network')
    expect(error.networkCode).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/)
  })

  it("a request fetch refuses itself is network, with fetch's reason", async () => {
    // Port 1 is on the Fetch standard's list of bad ports: nothing is sent.
    const error = await failure(
      getContact(client({ baseURL: 'http://127.0.0.1:1' }), {
        contactId: 'c1',
      }),
    )
    expect(error.code).toBe('network')
    expect(error.message).toContain('could not be sent (bad port)')
  })
})
