import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createClient, HighLevelError, withConfig } from '../../src/index'

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

  it.each([-1, 1.5, '3', null])('throws for retry: %o', (retry) => {
    expect(invalid({ privateIntegrationToken: 'pit', retry })).toThrow(
      'createClient: retry must be a count of retries',
    )
  })

  it.each([-1, '5m'])('throws for refreshMargin: %o', (refreshMargin) => {
    expect(invalid({ privateIntegrationToken: 'pit', refreshMargin })).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        operation: 'createClient',
        message: expect.stringContaining('refreshMargin must be a number'),
      }),
    )
  })

  it('accepts retry options and a retry count of 0', () => {
    for (const retry of [0, 3, { limit: 0 }, { delay: 100 }]) {
      expect(invalid({ privateIntegrationToken: 'pit', retry })).not.toThrow()
    }
  })

  it('throws for an unknown logLevel, naming the levels', () => {
    expect(
      invalid({ privateIntegrationToken: 'pit', logLevel: 'verbose' }),
    ).toThrow(
      'createClient: logLevel must be one of silent, error, warn, info, debug',
    )
  })

  it('shows no secret when the client itself is logged or serialised', () => {
    const client = createClient({
      clientId: 'app1-x',
      clientSecret: 'client-secret-9',
      privateIntegrationToken: 'pit-secret-9',
      headers: { Authorization: 'Bearer header-secret-9' },
      logLevel: 'silent',
    })

    const derived = withConfig(client, { timeout: 5_000 })

    for (const text of [
      inspect(client, { depth: 5 }),
      JSON.stringify(client),
      inspect(derived, { depth: 5 }),
      JSON.stringify(derived),
    ]) {
      expect(text).not.toMatch(/secret-9/)
      expect(text).toContain('app1-x')
    }
  })

  it('drops a trailing slash from baseURL', () => {
    const client = createClient({
      privateIntegrationToken: 'pit',
      baseURL: 'http://127.0.0.1:1/',
    })

    expect(client.config.baseURL).toBe('http://127.0.0.1:1')
  })
})
