import { describe, expect, it } from 'vitest'
import { createClient, memoryStorage } from '../../src/index'

const recordingLogger = () => {
  const warnings: string[] = []
  return { warnings, logger: { warn: (line: string) => warnings.push(line) } }
}

describe('createClient for an OAuth app', () => {
  it('accepts only a client id and secret', () => {
    const client = createClient({
      clientId: 'app1-x',
      clientSecret: 's',
      storage: memoryStorage(),
    })

    expect(client.config.clientId).toBe('app1-x')
  })

  it('refuses a client id without its secret', () => {
    expect(() => createClient({ clientId: 'app1-x' })).toThrow(
      /clientId and clientSecret go together/,
    )
  })

  it('names OAuth credentials when no token is given', () => {
    expect(() => createClient({})).toThrow(/clientId and clientSecret/)
  })

  it('warns once per process that memory storage is lost on restart', () => {
    const { warnings, logger } = recordingLogger()

    createClient({ clientId: 'app1-x', clientSecret: 'secret-9', logger })
    createClient({ clientId: 'app1-x', clientSecret: 'secret-9', logger })

    expect(warnings).toEqual([
      '[highlevel-fetch] createClient: sessions in memoryStorage() are lost ' +
        'on restart; pass storage (redis, mongodb, unstorage) to keep them',
    ])
    expect(warnings.join(' ')).not.toContain('secret-9')
  })

  it('does not warn when a storage is given or no OAuth is configured', () => {
    const { warnings, logger } = recordingLogger()

    createClient({
      clientId: 'app1-x',
      clientSecret: 's',
      storage: memoryStorage(),
      logger,
    })
    createClient({ privateIntegrationToken: 'pit', logger })

    expect(warnings).toEqual([])
  })
})
