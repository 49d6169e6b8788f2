import { describe, expect, it } from 'vitest'
import {
  getContact,
  getCustomFields,
  getSlots,
  searchOpportunity,
} from '../../src/index'
import { useEchoServer } from './use-echo-server'

describe('URL building', () => {
  const server = useEchoServer()

  it('percent-encodes path parameters', async () => {
    await getContact(server.createTestClient(), { contactId: 'a b/c?d' })

    expect(server.lastRequest().url).toBe('/contacts/a%20b%2Fc%3Fd')
  })

  it('does not repeat a path parameter in the query', async () => {
    await getCustomFields(server.createTestClient(), { locationId: 'loc_123' })

    expect(server.lastRequest().url).toBe('/locations/loc_123/customFields')
  })

  it('sends a query parameter under its wire name', async () => {
    await searchOpportunity(server.createTestClient(), { locationId: 'loc_1' })

    expect(server.lastRequest().url).toBe(
      '/opportunities/search?location_id=loc_1',
    )
  })

  it('writes a query array as repeated keys', async () => {
    await getSlots(server.createTestClient(), {
      calendarId: 'cal',
      startDate: 1,
      endDate: 2,
      userIds: ['u1', 'u2'],
    })

    const query = new URL(server.lastRequest().url, server.url).searchParams
    expect(query.getAll('userIds')).toEqual(['u1', 'u2'])
  })

  it('writes booleans as true and false', async () => {
    await searchOpportunity(server.createTestClient(), {
      locationId: 'loc_1',
      getTasks: true,
      getNotes: false,
    })

    const query = new URL(server.lastRequest().url, server.url).searchParams
    expect([query.get('getTasks'), query.get('getNotes')]).toEqual([
      'true',
      'false',
    ])
  })
})
