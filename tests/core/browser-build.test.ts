import { describe, expect, it } from 'vitest'
import * as root from '../../src/index'
import * as browser from '../../src/index.browser'
import { useEchoServer } from './use-echo-server'

describe('the browser build of the package root', () => {
  const server = useEchoServer()

  it('exports the same names as the root', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(root).sort())
    expect(browser.createClient).not.toBe(root.createClient)
  })

  it('sends a configured token, like the root', async () => {
    const client = browser.createClient({
      locationAccessToken: 'location-token-1',
      baseURL: server.url,
    })

    await browser.getContact(client, { contactId: 'c1' })

    const { headers } = server.lastRequest()
    expect(headers.authorization).toBe('Bearer location-token-1')
    expect(headers.version).toBe('2021-07-28')
  })

  it.each([
    { clientId: 'app1-x', clientSecret: 'secret-1' },
    { clientId: 'app1-x' },
    { clientSecret: 'secret-1' },
  ])('refuses OAuth app credentials: %o', (config) => {
    const create = () => browser.createClient(config)

    expect(create).toThrow(
      /createClient: clientId and clientSecret are for servers/,
    )
    expect(create).toThrow(expect.objectContaining({ code: 'invalid_config' }))
  })

  it('refuses OAuth app credentials through withConfig too', () => {
    const client = browser.createClient({ locationAccessToken: 'token-1' })

    expect(() =>
      browser.withConfig(client, {
        clientId: 'app1-x',
        clientSecret: 'secret-1',
      }),
    ).toThrow(/clientId and clientSecret are for servers/)
  })
})
