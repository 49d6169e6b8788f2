import { describe, expect, it } from 'vitest'
import { getContact } from '../../src/index'
import { REPLY_HEADER, useEchoServer } from './use-echo-server'

describe('client config', () => {
  const server = useEchoServer()

  it('sends every call through the configured fetch', async () => {
    const seen: string[] = []
    const client = server.createTestClient({
      fetch: (input, init) => {
        seen.push(String(input))
        return fetch(input, init)
      },
    })
    await getContact(client, { contactId: 'c1' })
    await getContact(client, { contactId: 'c2' })

    expect(seen).toEqual([
      `${server.url}/contacts/c1`,
      `${server.url}/contacts/c2`,
    ])
  })

  it('adds the client headers to every request', async () => {
    const client = server.createTestClient({ headers: { 'x-app': 'crm' } })
    await getContact(client, { contactId: 'c1' })

    expect(server.lastRequest().headers['x-app']).toBe('crm')
  })

  it('abandons a slow call after timeout with code timeout', async () => {
    const client = server.createTestClient({ timeout: 50 })
    const call = getContact(
      client,
      { contactId: 'c1' },
      { headers: { [REPLY_HEADER]: 'slow' } },
    )

    await expect(call).rejects.toMatchObject({ code: 'timeout' })
  })

  it('lets options.timeout override the client timeout', async () => {
    const client = server.createTestClient({ timeout: 60_000 })
    const call = getContact(
      client,
      { contactId: 'c1' },
      { timeout: 50, headers: { [REPLY_HEADER]: 'slow' } },
    )

    await expect(call).rejects.toMatchObject({ code: 'timeout' })
  })
})
