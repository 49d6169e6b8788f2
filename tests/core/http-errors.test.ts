import { describe, expect, it } from 'vitest'
import { createClient, getContact, HighLevelError } from '../../src/index'
import { startEchoServer } from './echo-server'
import { REPLY_HEADER, useEchoServer } from './use-echo-server'

describe('HTTP errors', () => {
  const server = useEchoServer()

  it('rejects a 404 with status, parsed body, method and URL', async () => {
    const error = await getContact(
      server.createTestClient(),
      { contactId: 'gone' },
      { headers: { [REPLY_HEADER]: 'status:404' } },
    ).catch((error: unknown) => error)

    expect(error).toBeInstanceOf(HighLevelError)
    expect(error).toMatchObject({
      code: 'not_found',
      operation: 'getContact',
      status: 404,
      body: { statusCode: 404, message: 'reply 404' },
      method: 'GET',
      url: `${server.url}/contacts/gone`,
    })
  })

  it('names the operation and the API message in the error message', async () => {
    const error = await getContact(
      server.createTestClient(),
      { contactId: 'gone' },
      { headers: { [REPLY_HEADER]: 'status:404' } },
    ).catch((error: unknown) => error)

    expect((error as Error).message).toBe(
      `[highlevel-fetch] getContact: GET ${server.url}/contacts/gone ` +
        'failed with 404: reply 404',
    )
  })

  it('maps a 422 to code validation', async () => {
    const error = await getContact(
      server.createTestClient(),
      { contactId: 'c1' },
      { headers: { [REPLY_HEADER]: 'status:422' } },
    ).catch((error: unknown) => error)

    expect(error).toMatchObject({ code: 'validation', status: 422 })
  })

  it('keeps the fetch failure as cause when nothing answers', async () => {
    const closed = await startEchoServer()
    await closed.close()
    const client = createClient({
      privateIntegrationToken: 'pit-test',
      baseURL: closed.url,
    })
    const error = await getContact(client, { contactId: 'c1' }).catch(
      (error: unknown) => error,
    )

    expect(error).toMatchObject({ code: 'network' })
    expect((error as Error).cause).toBeInstanceOf(TypeError)
  })

  it('never puts the token in the error or its JSON', async () => {
    const error = await getContact(
      server.createTestClient(),
      { contactId: 'gone' },
      { headers: { [REPLY_HEADER]: 'status:401' } },
    ).catch((error: unknown) => error)

    expect(JSON.stringify(error) + String(error)).not.toContain('pit-test')
  })
})
