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

  it("ends every call when the client's signal aborts", async () => {
    const shutdown = new AbortController()
    const client = server.createTestClient({ signal: shutdown.signal })
    const call = getContact(
      client,
      { contactId: 'c1' },
      { timeout: 60_000, headers: { [REPLY_HEADER]: 'slow' } },
    )
    setTimeout(() => shutdown.abort(), 20)

    await expect(call).rejects.toMatchObject({ code: 'aborted' })
  })

  it("ends a call on its own signal while the client's stays open", async () => {
    const client = server.createTestClient({
      signal: new AbortController().signal,
      timeout: 60_000,
    })
    const controller = new AbortController()
    const call = getContact(
      client,
      { contactId: 'c1' },
      { signal: controller.signal, headers: { [REPLY_HEADER]: 'slow' } },
    )
    setTimeout(() => controller.abort(), 20)

    await expect(call).rejects.toMatchObject({ code: 'aborted' })
  })

  it('times out a call that also has a signal and a client signal', async () => {
    const client = server.createTestClient({
      signal: new AbortController().signal,
    })
    const call = getContact(
      client,
      { contactId: 'c1' },
      {
        signal: new AbortController().signal,
        timeout: 50,
        headers: { [REPLY_HEADER]: 'slow' },
      },
    )

    await expect(call).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('timed out after 50 ms'),
    })
  })
})
