import { describe, expect, it } from 'vitest'
import { getAccessToken, getContact, getEmailById } from '../../src/index'
import { useEchoServer } from './use-echo-server'

describe('Authorization header', () => {
  const server = useEchoServer()

  it('sends the private integration token as a bearer token', async () => {
    await getContact(server.createTestClient(), { contactId: 'c1' })

    expect(server.lastRequest().headers.authorization).toBe('Bearer pit-test')
  })

  it('sends a location access token when that is the only token', async () => {
    const client = server.createTestClient({
      privateIntegrationToken: undefined,
      locationAccessToken: 'location-token',
    })
    await getContact(client, { contactId: 'c1' })

    expect(server.lastRequest().headers.authorization).toBe(
      'Bearer location-token',
    )
  })

  it('sends the token to an operation whose spec declares no security', async () => {
    // getEmailById is one of the 14 with no security requirement in the
    // spec; the real API still answers 401 without a token.
    await getEmailById(server.createTestClient(), { id: 'e1' })

    expect(server.lastRequest().headers.authorization).toBe('Bearer pit-test')
  })

  it('sends no bearer token to the token endpoint', async () => {
    await getAccessToken(server.createTestClient(), {
      grant_type: 'x',
    } as never)

    expect(server.lastRequest().headers).not.toHaveProperty('authorization')
  })
})
