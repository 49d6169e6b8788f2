import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  exchangeAuthorizationCode,
  memoryStorage,
  readSession,
} from '../../src/index'
import { useTokenServer } from '../auth/token-server'

describe('exchangeAuthorizationCode', () => {
  const server = useTokenServer()

  it('posts the code with the app credentials, form-encoded', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })

    await exchangeAuthorizationCode(client, {
      code: 'code-1',
      redirectUri: 'https://myapp.com/cb',
    })

    const [request] = server.tokenRequests()
    expect(Object.fromEntries(request.form!)).toEqual({
      client_id: 'app1-suffix',
      client_secret: 'secret-1',
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://myapp.com/cb',
      user_type: 'Location',
    })
  })

  it('stores a location session under the location id', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })

    const session = await exchangeAuthorizationCode(client, { code: 'c' })

    expect(await readSession(client, 'loc_1')).toEqual(session)
    expect(session.expire_at).toBeGreaterThan(Date.now() + 86_000_000)
  })

  it('stores a company session under the company id', async () => {
    const client = server.createOAuthClient({ storage: memoryStorage() })

    await exchangeAuthorizationCode(client, { code: 'c', userType: 'Company' })

    expect((await readSession(client, 'co_1'))?.userType).toBe('Company')
  })

  it('reports a refused code as reauthorize', async () => {
    server.answerToken = () => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid code' },
    })
    const client = server.createOAuthClient({ storage: memoryStorage() })

    const call = exchangeAuthorizationCode(client, { code: 'used' })

    await expect(call).rejects.toMatchObject({
      code: 'reauthorize',
      operation: 'exchangeAuthorizationCode',
    })
    // No session existed to keep.
    await expect(call).rejects.not.toThrow(/stored session/)
  })

  it('masks the code and the client secret when the reply echoes them', async () => {
    server.answerToken = (form) => ({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: `code ${form.get('code')} for ${form.get('client_secret')} is invalid`,
      },
    })
    const client = server.createOAuthClient({ storage: memoryStorage() })

    const error = await exchangeAuthorizationCode(client, {
      code: 'code-echoed-77',
    }).catch((error: unknown) => error)

    const text = inspect(error, { depth: 6 }) + JSON.stringify(error)
    expect(text).toContain('invalid')
    expect(text).not.toMatch(/code-echoed-77|secret-1/)
  })
})
