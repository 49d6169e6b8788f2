import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createClient, getContact } from '../../src/index'
import { failure } from './failure'

const TOKEN = 'pit-cause-secret-1234'

function client(extra: Parameters<typeof createClient>[0] = {}) {
  return createClient({
    privateIntegrationToken: TOKEN,
    // Never HighLevel's host: nothing here may leave the machine.
    baseURL: 'http://does-not-exist.invalid',
    retry: 0,
    logLevel: 'silent',
    ...extra,
  })
}

/** Throws what undici throws for a failed DNS lookup, quoting the token. */
const failingFetch = async (): Promise<Response> => {
  throw new TypeError(`fetch failed for Bearer ${TOKEN}`, {
    cause: Object.assign(
      new Error(`getaddrinfo ENOTFOUND api.example ?access_token=${TOKEN}`),
      { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo' },
    ),
  })
}

describe('error.cause', () => {
  it('keeps the type and the system fields, with the messages redacted', async () => {
    const error = await failure(
      getContact(client({ fetch: failingFetch }), { contactId: 'c1' }),
    )
    const cause = error.cause as TypeError & { cause: Record<string, unknown> }

    expect(error).toMatchObject({ code: 'network', networkCode: 'ENOTFOUND' })
    expect(cause).toBeInstanceOf(TypeError)
    expect(cause.name).toBe('TypeError')
    expect(cause.message).toBe('fetch failed for Bearer [redacted]')
    expect(cause.cause).toBeInstanceOf(Error)
    expect(cause.cause).toMatchObject({
      code: 'ENOTFOUND',
      errno: -3008,
      syscall: 'getaddrinfo',
      message: 'getaddrinfo ENOTFOUND api.example ?access_token=[redacted]',
    })
    expect(
      [cause.stack, inspect(cause, { depth: 8 }), inspect(error)].join('\n'),
    ).not.toContain(TOKEN)
  })

  it('a real DNS failure keeps undici’s nested system code', async () => {
    // `.invalid` never resolves (RFC 6761): the lookup fails locally.
    const error = await failure(getContact(client(), { contactId: 'c1' }))
    const cause = error.cause as TypeError & { cause?: { code?: string } }

    expect(error.networkCode).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/)
    expect(cause).toBeInstanceOf(TypeError)
    expect(cause.cause?.code).toBe(error.networkCode)
  })

  it('an abort keeps the reason’s type, name and code', async () => {
    const error = await failure(
      getContact(
        client(),
        { contactId: 'c1' },
        { signal: AbortSignal.abort() },
      ),
    )
    expect(error.code).toBe('aborted')
    expect(error.cause).toBeInstanceOf(DOMException)
    expect(error.cause).toMatchObject({ name: 'AbortError', code: 20 })
  })
})
