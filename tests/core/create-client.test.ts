import { describe, expect, it } from 'vitest'
import { createClient, HighLevelError } from '../../src/index'

describe('createClient', () => {
  const invalid = (config: unknown) => () => createClient(config as never)

  it('throws invalid_config when no token is given', () => {
    expect(invalid({})).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        message: expect.stringContaining('no token given'),
      }),
    )
  })

  it('throws when a token is not a string', () => {
    expect(invalid({ privateIntegrationToken: 42 })).toThrow(
      '[highlevel-fetch] createClient: privateIntegrationToken must be a ' +
        'non-empty string',
    )
  })

  it('throws when baseURL is not an http(s) URL', () => {
    expect(
      invalid({ privateIntegrationToken: 'pit', baseURL: 'services.local' }),
    ).toThrow('baseURL must be an http(s) URL')
  })

  it('throws a HighLevelError for a config that is not an object', () => {
    expect(invalid(undefined)).toThrow(HighLevelError)
  })

  it('drops a trailing slash from baseURL', () => {
    const client = createClient({
      privateIntegrationToken: 'pit',
      baseURL: 'http://127.0.0.1:1/',
    })

    expect(client.config.baseURL).toBe('http://127.0.0.1:1')
  })
})
