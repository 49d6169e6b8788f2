import { describe, expect, it } from 'vitest'
import { getContact, HighLevelError, searchOpportunity } from '../../src/index'
import { useEchoServer } from './use-echo-server'

describe('input validation', () => {
  const server = useEchoServer()

  it('throws on an unknown key before any request is sent', async () => {
    const sent = server.requests.length
    const call = searchOpportunity(server.createTestClient(), {
      locationId: 'loc_1',
      bogus: 1,
    } as never)

    await expect(call).rejects.toThrow(HighLevelError)
    expect(server.requests.length).toBe(sent)
  })

  it('names the operation, the key and the accepted keys', async () => {
    const call = searchOpportunity(server.createTestClient(), {
      locationId: 'loc_1',
      bogus: 1,
    } as never)

    await expect(call).rejects.toThrow(
      /^\[highlevel-fetch\] searchOpportunity: unknown parameter "bogus"; accepted: q, locationId, .*getCalendarEvents$/,
    )
  })

  it('names a missing required parameter', async () => {
    const call = getContact(server.createTestClient(), {} as never)

    await expect(call).rejects.toMatchObject({
      code: 'invalid_input',
      message: '[highlevel-fetch] getContact: contactId is required',
    })
  })
})
