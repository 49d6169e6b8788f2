import { describe, expect, it } from 'vitest'
import {
  deleteTask,
  getContact,
  HighLevelError,
  searchOpportunity,
} from '../../src/index'
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

  it.each(['constructor', 'toString', '__proto__'])(
    'refuses the inherited object key %s as an unknown parameter',
    async (key) => {
      const call = getContact(
        server.createTestClient(),
        JSON.parse(`{"contactId":"c1","${key}":1}`),
      )

      await expect(call).rejects.toThrow(`unknown parameter "${key}"`)
    },
  )

  it.each(['..', '.', ''])(
    'refuses the path value "%s", which would reach another endpoint',
    async (value) => {
      const sent = server.requests.length
      const call = deleteTask(server.createTestClient(), {
        contactId: value,
        taskId: 't1',
      })

      await expect(call).rejects.toMatchObject({
        code: 'invalid_input',
        message: `[highlevel-fetch] deleteTask: contactId must not be "${value}"`,
      })
      expect(server.requests.length).toBe(sent)
    },
  )

  it('points a session hint among the params to options', async () => {
    const call = getContact(server.createTestClient(), {
      contactId: 'c1',
      locationId: 'loc_1',
    } as never)

    await expect(call).rejects.toThrow(
      'getContact: unknown parameter "locationId"; accepted: contactId; ' +
        'to choose the OAuth session, pass options.locationId',
    )
  })

  it('says the client comes first when it is missing', async () => {
    const call = getContact({ contactId: 'c1' } as never, undefined as never)

    await expect(call).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        '[highlevel-fetch] getContact: the first argument must be a client from createClient()',
    })
  })
})
