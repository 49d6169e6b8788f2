import { describe, expect, it } from 'vitest'
import {
  createClient,
  getCalendars,
  getContact,
  getFunnels,
} from '../../src/index'
import { useEchoServer } from './use-echo-server'

describe('Version header', () => {
  const server = useEchoServer()

  it('sends 2021-07-28 for getContact, as its description says', async () => {
    await getContact(server.createTestClient(), { contactId: 'c1' })

    expect(server.lastRequest().headers.version).toBe('2021-07-28')
  })

  it('sends 2021-04-15 for getCalendars, as its description says', async () => {
    await getCalendars(server.createTestClient(), { locationId: 'loc_1' })

    expect(server.lastRequest().headers.version).toBe('2021-04-15')
  })

  it('sends 2021-07-28 for getFunnels, which declares no version', async () => {
    await getFunnels(server.createTestClient(), { locationId: 'loc_1' })

    expect(server.lastRequest().headers.version).toBe('2021-07-28')
  })

  it('lets options.version override the declared version', async () => {
    await getContact(
      server.createTestClient(),
      { contactId: 'c1' },
      { version: '2099-01-01' },
    )

    expect(server.lastRequest().headers.version).toBe('2099-01-01')
  })
})

describe('header names', () => {
  const server = useEchoServer()

  it('merges caller headers case-insensitively, the Version last', async () => {
    const client = createClient({
      privateIntegrationToken: 'pit-1',
      baseURL: server.url,
      headers: { accept: 'text/plain', 'content-type': 'text/plain' },
    })

    await getContact(
      client,
      { contactId: 'c1' },
      { headers: { version: '2099-01-01', authorization: 'Bearer other' } },
    )

    const { headers } = server.lastRequest()
    expect(headers.version).toBe('2021-07-28')
    expect(headers.authorization).toBe('Bearer pit-1')
    expect(headers.accept).toBe('text/plain')
    expect(headers['content-type']).toBeUndefined()
  })
})
