import { describe, expect, it } from 'vitest'
import { getAuthorizationUrl } from '../../src/index'

// The two templates of docs/oauth/Authorization.md, with its values.
const documented = (host: string) =>
  `https://${host}/v2/oauth/chooselocation?response_type=code&` +
  'redirect_uri=https%3A%2F%2Fmyapp.com%2Foauth%2Fcallback%2Fgohighlevel&' +
  'client_id=CLIENT_ID&' +
  'scope=conversations%2Fmessage.readonly%20conversations%2Fmessage.write'

const options = {
  clientId: 'CLIENT_ID',
  redirectUri: 'https://myapp.com/oauth/callback/gohighlevel',
  scopes: ['conversations/message.readonly', 'conversations/message.write'],
}

describe('getAuthorizationUrl', () => {
  it('builds the documented standard URL', () => {
    expect(getAuthorizationUrl(options)).toBe(
      documented('marketplace.gohighlevel.com'),
    )
  })

  it('builds the documented white-label URL', () => {
    expect(getAuthorizationUrl({ ...options, whiteLabel: true })).toBe(
      documented('marketplace.leadconnectorhq.com'),
    )
  })

  it('decodes to the documented parameters, scopes joined by a space', () => {
    const url = new URL(getAuthorizationUrl(options))

    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      redirect_uri: 'https://myapp.com/oauth/callback/gohighlevel',
      client_id: 'CLIENT_ID',
      scope: 'conversations/message.readonly conversations/message.write',
    })
  })

  it('appends loginWindowOpenMode and state when given', () => {
    const url = new URL(
      getAuthorizationUrl({
        ...options,
        loginWindowOpenMode: 'self',
        state: 'xyz',
      }),
    )

    expect(url.searchParams.get('loginWindowOpenMode')).toBe('self')
    expect(url.searchParams.get('state')).toBe('xyz')
  })

  it('uses a custom white-label host', () => {
    const url = new URL(
      getAuthorizationUrl({
        ...options,
        whiteLabel: 'https://apps.agency.io/',
      }),
    )

    expect(url.origin + url.pathname).toBe(
      'https://apps.agency.io/v2/oauth/chooselocation',
    )
  })
})
