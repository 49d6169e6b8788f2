import { createStorage } from 'unstorage'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createClient,
  exchangeAuthorizationCode,
  memoryStorage,
  readSession,
  request,
  writeSession,
  type Client,
} from '../../src/index'
import { unstorageStorage } from '../../src/storage/unstorage'
import {
  completePendingInstall,
  completePendingInstalls,
  processWebhook,
} from '../../src/webhooks/index'
import { createTestSigner, type TestSigner } from './signing'
import { startTokenServer, type TokenServer } from './token-server'

const APP_ID = 'app0000000000000000001'
let server: TokenServer
let signer: TestSigner
let client: Client

beforeAll(async () => {
  server = await startTokenServer()
  signer = await createTestSigner({ rsa: false })
})
afterAll(() => server.close())
beforeEach(() => {
  server.minted = []
  server.installedLocations = []
  server.failMinting = undefined
  server.companyLocations = undefined
  client = createClient({
    clientId: `${APP_ID}-suffix`,
    clientSecret: 'secret',
    baseURL: server.url,
    storage: memoryStorage(),
    retry: 0,
    logLevel: 'silent',
  })
})

const storeCompanySession = (companyId = 'co_1') =>
  writeSession(client, companyId, {
    access_token: `company-token-${companyId}`,
    refresh_token: 'company-refresh',
    expires_in: 86_399,
    userType: 'Company',
    companyId,
  })

async function deliver(fields: Record<string, unknown>) {
  const body = JSON.stringify({
    appId: APP_ID,
    timestamp: new Date().toISOString(),
    webhookId: crypto.randomUUID(),
    ...fields,
  })
  return processWebhook(
    client,
    { body, headers: { 'x-ghl-signature': await signer.signEd25519(body) } },
    {},
    { publicKeys: { ed25519: signer.publicKeys.ed25519 } },
  )
}

/** Moves the test's client to a store that can list its keys (unstorage's memory driver). */
const useListingStore = () => {
  client = createClient({
    ...client.config,
    storage: unstorageStorage(createStorage()),
    logLevel: 'silent',
  })
}

describe('app lifecycle', () => {
  it("stores a location's session on INSTALL, minted from the company session", async () => {
    await storeCompanySession()
    const outcome = await deliver({
      type: 'INSTALL',
      companyId: 'co_1',
      locationId: 'loc_1',
    })

    expect(outcome).toEqual({ status: 200 })
    expect(server.minted).toEqual([
      { locationId: 'loc_1', authorization: 'Bearer company-token-co_1' },
    ])
    expect(await readSession(client, 'loc_1')).toMatchObject({
      access_token: 'location-token-loc_1',
      companyId: 'co_1',
      locationId: 'loc_1',
    })
  })

  it("deletes the location's session on UNINSTALL", async () => {
    await storeCompanySession()
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_1' })
    await deliver({ type: 'UNINSTALL', locationId: 'loc_1' })

    expect(await readSession(client, 'loc_1')).toBeUndefined()
    expect(await readSession(client, 'co_1')).toBeDefined()
  })

  it("deletes the company's session on an agency-level UNINSTALL", async () => {
    await storeCompanySession()
    await deliver({ type: 'UNINSTALL', companyId: 'co_1' })
    expect(await readSession(client, 'co_1')).toBeUndefined()
  })

  it('deletes the location sessions minted from the company on an agency-level UNINSTALL', async () => {
    useListingStore()
    await storeCompanySession('co_1')
    await storeCompanySession('co_2')
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_1' })
    await deliver({ type: 'INSTALL', companyId: 'co_2', locationId: 'loc_2' })

    await deliver({ type: 'UNINSTALL', companyId: 'co_1' })

    expect(await readSession(client, 'co_1')).toBeUndefined()
    expect(await readSession(client, 'loc_1')).toBeUndefined()
    expect(await readSession(client, 'co_2')).toBeDefined()
    expect(await readSession(client, 'loc_2')).toBeDefined()
  })

  it('mints every installed location on an agency-level INSTALL', async () => {
    await storeCompanySession()
    server.installedLocations = Array.from(
      { length: 120 },
      (_, i) => `loc_${i}`,
    )
    const outcome = await deliver({ type: 'INSTALL', companyId: 'co_1' })

    expect(outcome).toEqual({ status: 200 })
    expect(server.minted).toHaveLength(120)
    expect(await readSession(client, 'loc_119')).toMatchObject({
      access_token: 'location-token-loc_119',
    })
  })

  it('completes an install that came before the company session once it arrives', async () => {
    const outcome = await deliver({
      type: 'INSTALL',
      companyId: 'co_1',
      locationId: 'loc_early',
    })
    expect(outcome).toEqual({ status: 200 })
    expect(await readSession(client, 'loc_early')).toBeUndefined()

    // The agency finishes the OAuth flow: the company session arrives, and
    // the code exchange completes the pending install on its own.
    await exchangeAuthorizationCode(client, {
      code: 'co_1',
      userType: 'Company',
    })
    expect(await readSession(client, 'loc_early')).toMatchObject({
      access_token: 'location-token-loc_early',
    })
    expect(server.minted.map((m) => m.locationId)).toEqual(['loc_early'])
    expect(
      await completePendingInstalls(client, { companyId: 'co_1' }),
    ).toEqual([])
  })

  it('keeps the install pending when the code exchange cannot mint it', async () => {
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_e' })
    server.failMinting = 503
    const session = await exchangeAuthorizationCode(client, {
      code: 'co_1',
      userType: 'Company',
    })
    expect(session.access_token).toBe('company-token-co_1')
    expect(await readSession(client, 'loc_e')).toBeUndefined()

    server.failMinting = undefined
    expect(
      await completePendingInstalls(client, { companyId: 'co_1' }),
    ).toEqual(['loc_e'])
  })

  it('mints a pending location on its first call, from the company session stored since', async () => {
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_f' })
    await storeCompanySession()

    // Nothing names the company in this call: the pending install does.
    const answer = await request<{ authorization: string }>(client, {
      method: 'GET',
      path: '/contacts/',
      query: { locationId: 'loc_f' },
    })
    expect(answer.authorization).toBe('Bearer location-token-loc_f')
    expect(server.minted).toEqual([
      { locationId: 'loc_f', authorization: 'Bearer company-token-co_1' },
    ])

    // Completing the company's installs later does not mint it again.
    expect(
      await completePendingInstalls(client, { companyId: 'co_1' }),
    ).toEqual([])
    expect(server.minted).toHaveLength(1)
  })

  it('says to install the app when a pending location is called before the company session', async () => {
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_g' })
    await expect(
      request(client, {
        method: 'GET',
        path: '/contacts/',
        query: { locationId: 'loc_g' },
      }),
    ).rejects.toMatchObject({ code: 'reauthorize' })
    expect(server.minted).toEqual([])
  })

  it('completes a pending install on the next INSTALL of the company', async () => {
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_a' })
    await storeCompanySession()
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_b' })

    expect(server.minted.map((m) => m.locationId).sort()).toEqual([
      'loc_a',
      'loc_b',
    ])
  })

  it('records every one of many simultaneous installs before the company session', async () => {
    const locationIds = Array.from({ length: 20 }, (_, i) => `loc_p${i}`)
    await Promise.all(
      locationIds.map((locationId) =>
        deliver({ type: 'INSTALL', companyId: 'co_1', locationId }),
      ),
    )
    await storeCompanySession()
    expect(
      (await completePendingInstalls(client, { companyId: 'co_1' })).sort(),
    ).toEqual([...locationIds].sort())
  })

  it('records nothing pending for a location that has its own session', async () => {
    await writeSession(client, 'loc_own', {
      access_token: 'own-token',
      userType: 'Location',
      locationId: 'loc_own',
    })
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_own' })
    await storeCompanySession()
    expect(
      await completePendingInstalls(client, { companyId: 'co_1' }),
    ).toEqual([])
    expect(server.minted).toEqual([])
  })

  it('completes a pending install of one location on first use', async () => {
    await deliver({ type: 'INSTALL', companyId: 'co_1', locationId: 'loc_c' })
    expect(await completePendingInstall(client, { locationId: 'loc_c' })).toBe(
      false,
    )
    await storeCompanySession()
    expect(await completePendingInstall(client, { locationId: 'loc_c' })).toBe(
      true,
    )
    expect(await readSession(client, 'loc_c')).toBeDefined()
  })

  it('completes a pending agency-level install with every installed location', async () => {
    server.installedLocations = ['loc_x', 'loc_y']
    await deliver({ type: 'INSTALL', companyId: 'co_1' })
    await storeCompanySession()
    expect(
      (await completePendingInstalls(client, { companyId: 'co_1' })).sort(),
    ).toEqual(['loc_x', 'loc_y'])
  })

  it('drops a pending install when the location is uninstalled first', async () => {
    await deliver({
      type: 'INSTALL',
      companyId: 'co_1',
      locationId: 'loc_gone',
    })
    await deliver({ type: 'UNINSTALL', locationId: 'loc_gone' })
    await storeCompanySession()
    expect(
      await completePendingInstalls(client, { companyId: 'co_1' }),
    ).toEqual([])
  })

  it('ignores lifecycle events of another app', async () => {
    await storeCompanySession()
    await deliver({
      type: 'INSTALL',
      appId: 'someOtherApp',
      companyId: 'co_1',
      locationId: 'loc_1',
    })
    await deliver({
      type: 'UNINSTALL',
      appId: 'someOtherApp',
      companyId: 'co_1',
    })

    expect(server.minted).toEqual([])
    expect(await readSession(client, 'co_1')).toBeDefined()
  })

  it('answers 500 when minting fails, so the redelivery mints again', async () => {
    await storeCompanySession()
    server.failMinting = 503
    const body = {
      type: 'INSTALL',
      companyId: 'co_1',
      locationId: 'loc_1',
      webhookId: 'install-1',
    }
    expect(await deliver(body)).toEqual({
      status: 500,
      reason: 'handler_failed',
    })

    server.failMinting = undefined
    expect(await deliver(body)).toEqual({ status: 200 })
    expect(await readSession(client, 'loc_1')).toBeDefined()
  })

  it('is skipped with lifecycle: false', async () => {
    await storeCompanySession()
    const body = JSON.stringify({
      type: 'INSTALL',
      appId: APP_ID,
      companyId: 'co_1',
      locationId: 'loc_1',
      timestamp: Date.now(),
      webhookId: 'w1',
    })
    await processWebhook(
      client,
      { body, headers: { 'x-ghl-signature': await signer.signEd25519(body) } },
      {},
      { publicKeys: { ed25519: signer.publicKeys.ed25519 }, lifecycle: false },
    )
    expect(server.minted).toEqual([])
  })
})

describe('app lifecycle: an INSTALL without companyId', () => {
  // https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/webhook-events/AppInstall.md:
  // installs to future locations may come without companyId.
  it('is recorded as pending and minted when a company session is stored', async () => {
    const outcome = await deliver({ type: 'INSTALL', locationId: 'loc_nc' })
    expect(outcome).toEqual({ status: 200 })
    expect(await readSession(client, 'loc_nc')).toBeUndefined()

    await exchangeAuthorizationCode(client, {
      code: 'co_1',
      userType: 'Company',
    })
    expect(await readSession(client, 'loc_nc')).toMatchObject({
      access_token: 'location-token-loc_nc',
      companyId: 'co_1',
    })
    expect(server.minted).toEqual([
      { locationId: 'loc_nc', authorization: 'Bearer company-token-co_1' },
    ])
  })

  it('stays pending when the company session stored does not own the location', async () => {
    server.companyLocations = { co_1: ['loc_1'], co_2: ['loc_nc'] }
    await deliver({ type: 'INSTALL', locationId: 'loc_nc' })

    await exchangeAuthorizationCode(client, {
      code: 'co_1',
      userType: 'Company',
    })
    expect(await readSession(client, 'loc_nc')).toBeUndefined()

    await exchangeAuthorizationCode(client, {
      code: 'co_2',
      userType: 'Company',
    })
    expect(await readSession(client, 'loc_nc')).toMatchObject({
      access_token: 'location-token-loc_nc',
      companyId: 'co_2',
    })
    expect(
      await completePendingInstalls(client, { companyId: 'co_2' }),
    ).toEqual([])
  })

  it('is minted at once from a stored company session when the store can list', async () => {
    useListingStore()
    server.companyLocations = { co_1: [], co_2: ['loc_now'] }
    await storeCompanySession('co_1')
    await storeCompanySession('co_2')

    const outcome = await deliver({ type: 'INSTALL', locationId: 'loc_now' })
    expect(outcome).toEqual({ status: 200 })
    expect(await readSession(client, 'loc_now')).toMatchObject({
      access_token: 'location-token-loc_now',
      companyId: 'co_2',
    })
  })

  it('is minted by completePendingInstall from a company session stored since, when the store can list', async () => {
    useListingStore()
    await deliver({ type: 'INSTALL', locationId: 'loc_later' })
    expect(
      await completePendingInstall(client, { locationId: 'loc_later' }),
    ).toBe(false)

    await storeCompanySession('co_1')
    expect(
      await completePendingInstall(client, { locationId: 'loc_later' }),
    ).toBe(true)
    expect(await readSession(client, 'loc_later')).toMatchObject({
      access_token: 'location-token-loc_later',
    })
  })

  it('is minted on a first call that names the company', async () => {
    await deliver({ type: 'INSTALL', locationId: 'loc_call' })
    await storeCompanySession()
    const call = (companyId?: string) =>
      request<{ authorization: string }>(client, {
        method: 'GET',
        path: '/contacts/',
        query: { locationId: 'loc_call' },
        ...(companyId && { companyId }),
      })

    // Nothing names the company: the memory store cannot list sessions.
    await expect(call()).rejects.toMatchObject({ code: 'reauthorize' })
    expect((await call('co_1')).authorization).toBe(
      'Bearer location-token-loc_call',
    )
  })

  it("is minted on the location's first call when the store can list", async () => {
    useListingStore()
    await deliver({ type: 'INSTALL', locationId: 'loc_first' })
    server.companyLocations = { co_1: [], co_2: ['loc_first'] }
    // Stored directly: no install flow completes the pending install.
    await storeCompanySession('co_1')
    await storeCompanySession('co_2')

    const reply = await request<{ authorization: string }>(client, {
      method: 'GET',
      path: '/contacts/',
      query: { locationId: 'loc_first' },
    })

    expect(reply.authorization).toBe('Bearer location-token-loc_first')
    expect(await readSession(client, 'loc_first')).toMatchObject({
      companyId: 'co_2',
    })
  })

  it('is dropped when the location is uninstalled first', async () => {
    await deliver({ type: 'INSTALL', locationId: 'loc_gone' })
    await deliver({ type: 'UNINSTALL', locationId: 'loc_gone' })
    await storeCompanySession()
    expect(
      await completePendingInstalls(client, { companyId: 'co_1' }),
    ).toEqual([])
    expect(server.minted).toEqual([])
  })
})
