import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  createClient,
  getConfig,
  getContact,
  getContacts,
  withConfig,
} from '../../src/index'
import { startScriptedServer, type ScriptedServer } from './scripted-server'

let server: ScriptedServer
beforeAll(async () => {
  server = await startScriptedServer(() => ({
    headers: { 'x-ratelimit-remaining': '7', 'x-ratelimit-max': '100' },
    body: {},
  }))
})
afterAll(() => server.close())

it('getConfig masks tokens, the client secret and an Authorization header', () => {
  const client = createClient({
    privateIntegrationToken: 'pit-visible?',
    clientId: 'app-1',
    clientSecret: 'shh-secret',
    headers: { Authorization: 'Bearer abcdefgh', 'x-ok': 'yes' },
    logLevel: 'silent',
  })
  const config = getConfig(client)
  expect(config.privateIntegrationToken).toBe('[redacted]')
  expect(config.clientSecret).toBe('[redacted]')
  expect(config.clientId).toBe('app-1')
  expect(config.headers).toEqual({ Authorization: '[redacted]', 'x-ok': 'yes' })
  expect(JSON.stringify(config)).not.toMatch(/pit-visible|shh-secret|abcdefgh/)
})

it('withConfig returns a new client with the patch; the original is unchanged', async () => {
  const client = createClient({
    privateIntegrationToken: 'pit-one',
    baseURL: server.url,
    logLevel: 'silent',
  })
  const tagged = withConfig(client, { headers: { 'x-job': 'nightly' } })
  await getContact(tagged, { contactId: 'c1' })
  await getContact(client, { contactId: 'c1' })
  expect(server.requests.map((request) => request.headers['x-job'])).toEqual([
    'nightly',
    undefined,
  ])
  expect(client.config.headers).toBeUndefined()
})

it('withConfig shares storage, refreshes in flight and rate-limit figures', async () => {
  const client = createClient({
    clientId: 'app-1',
    clientSecret: 'secret',
    privateIntegrationToken: 'pit-shared',
    baseURL: server.url,
    logLevel: 'silent',
  })
  const derived = withConfig(client, { timeout: 1000 })
  expect(derived.storage).toBe(client.storage)
  // One token resolver for both: refreshes in flight are shared (and
  // tests/auth/single-flight-refresh.test.ts shows one token request).
  expect(derived.auth).toBe(client.auth)
  await getContacts(derived, { locationId: 'loc_7' })
  expect(client.rateLimits.get('loc_7')?.remaining).toBe(7)
})

it('withConfig validates the patch like createClient', () => {
  const client = createClient({
    privateIntegrationToken: 'pit',
    logLevel: 'silent',
  })
  expect(() => withConfig(client, { timeout: -1 })).toThrow(/timeout/)
})
