import { afterAll, beforeAll, expect, it } from 'vitest'
import { createClient, getContact, getContacts } from '../../src/index'
import {
  startScriptedServer,
  type ScriptedServer,
} from '../pipeline/scripted-server'

let server: ScriptedServer
beforeAll(async () => {
  server = await startScriptedServer(() => ({
    headers: {
      'x-ratelimit-max': '100',
      'x-ratelimit-remaining': '97',
      'x-ratelimit-interval-milliseconds': '10000',
      'x-ratelimit-limit-daily': '200000',
      'x-ratelimit-daily-remaining': '199321',
    },
    body: { contacts: [] },
  }))
})
afterAll(() => server.close())

const client = () =>
  createClient({
    privateIntegrationToken: 'pit-figures',
    baseURL: server?.url,
    logLevel: 'silent',
  })

it('keeps the latest figures per location, readable from the client', async () => {
  const one = client()
  await getContacts(one, { locationId: 'loc_123' })
  expect(one.rateLimits.get('loc_123')).toMatchObject({
    max: 100,
    remaining: 97,
    interval: 10000,
    dailyLimit: 200000,
    dailyRemaining: 199321,
  })
})

it('files calls that name no location under the options locationId, else ""', async () => {
  const one = client()
  await getContact(one, { contactId: 'c1' }, { locationId: 'loc_9' })
  await getContact(one, { contactId: 'c2' })
  expect(one.rateLimits.get('loc_9')?.remaining).toBe(97)
  expect(one.rateLimits.get('')?.remaining).toBe(97)
})
