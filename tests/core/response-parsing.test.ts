import { describe, expect, it } from 'vitest'
import { getContact, HighLevelError } from '../../src/index'
import { REPLY_HEADER, useEchoServer } from './use-echo-server'

describe('response parsing', () => {
  const server = useEchoServer()
  const reply = (kind: string) =>
    getContact(
      server.createTestClient(),
      { contactId: 'c1' },
      { headers: { [REPLY_HEADER]: kind } },
    )

  it('returns the parsed JSON body', async () => {
    expect(await reply('echo')).toMatchObject({ url: '/contacts/c1' })
  })

  it('resolves a 204 to undefined', async () => {
    expect(await reply('status:204')).toBeUndefined()
  })

  it('resolves an empty 200 to undefined', async () => {
    expect(await reply('empty')).toBeUndefined()
  })

  it('rejects a 200 that is not JSON with code invalid_response', async () => {
    const error = await reply('html').catch((error: unknown) => error)

    expect(error).toBeInstanceOf(HighLevelError)
    expect(error).toMatchObject({
      code: 'invalid_response',
      status: 200,
      body: '<html><body>maintenance</body></html>',
    })
  })
})
