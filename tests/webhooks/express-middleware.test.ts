import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index'
import { createWebhookMiddleware } from '../../src/webhooks/create-webhook-middleware.node'
import {
  createContactPayload,
  createTestSigner,
  type TestSigner,
} from './signing'

let signer: TestSigner
let baseURL: string
let close: () => void
const handled: unknown[] = []
const errors: string[] = []

beforeAll(async () => {
  signer = await createTestSigner({ rsa: false })
  const client = createClient({
    privateIntegrationToken: 'pit-express',
    logLevel: 'silent',
  })
  const options = { publicKeys: { ed25519: signer.publicKeys.ed25519 } }
  const handlers = {
    ContactCreate: (event: unknown) => void handled.push(event),
  }

  const app = express()
  app.post('/webhooks', createWebhookMiddleware(client, handlers, options))
  app.post(
    '/raw',
    express.raw({ type: 'application/json' }),
    createWebhookMiddleware(client, handlers, options),
  )
  app.post(
    '/parsed',
    express.json(),
    createWebhookMiddleware(client, handlers, options),
  )
  app.use(
    (
      error: Error,
      _request: express.Request,
      response: express.Response,
      _next: express.NextFunction,
    ) => {
      errors.push(error.message)
      response.status(500).end()
    },
  )
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

async function post(path: string, body: string, signature?: string) {
  const response = await fetch(baseURL + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-ghl-signature': signature } : {}),
    },
    body,
  })
  return {
    status: response.status,
    json: await response.json().catch(() => null),
  }
}

describe('createWebhookMiddleware in a real Express app', () => {
  it('reads the raw body itself and runs the handler', async () => {
    const body = JSON.stringify(createContactPayload({ id: 'express_1' }))
    const result = await post('/webhooks', body, await signer.signEd25519(body))
    expect(result).toEqual({ status: 200, json: { ok: true } })
    expect(handled).toContainEqual(expect.objectContaining({ id: 'express_1' }))
  })

  it('uses the bytes express.raw() left in req.body', async () => {
    const body = JSON.stringify(createContactPayload({ id: 'express_2' }))
    const result = await post('/raw', body, await signer.signEd25519(body))
    expect(result.status).toBe(200)
    expect(handled).toContainEqual(expect.objectContaining({ id: 'express_2' }))
  })

  it('answers 401 to a missing signature', async () => {
    const result = await post(
      '/webhooks',
      JSON.stringify(createContactPayload()),
    )
    expect(result).toEqual({
      status: 401,
      json: { ok: false, reason: 'missing_signature' },
    })
  })

  it('answers 401 to a tampered body', async () => {
    const body = JSON.stringify(createContactPayload({ id: 'express_3' }))
    const signature = await signer.signEd25519(body)
    const result = await post(
      '/webhooks',
      body.replace('express_3', 'express_4'),
      signature,
    )
    expect(result.status).toBe(401)
    expect(handled).not.toContainEqual(
      expect.objectContaining({ id: 'express_4' }),
    )
  })

  it('answers 409 to a replayed delivery', async () => {
    const body = JSON.stringify(createContactPayload())
    const signature = await signer.signEd25519(body)
    await post('/webhooks', body, signature)
    expect((await post('/webhooks', body, signature)).status).toBe(409)
  })

  it('passes an error naming the fix when express.json() parsed the body first', async () => {
    const body = JSON.stringify(createContactPayload({ id: 'express_5' }))
    const result = await post('/parsed', body, await signer.signEd25519(body))
    expect(result.status).toBe(500)
    expect(errors.at(-1)).toMatch(
      /^\[highlevel-fetch\] createWebhookMiddleware: .*express\.json\(\)/,
    )
    expect(handled).not.toContainEqual(
      expect.objectContaining({ id: 'express_5' }),
    )
  })

  it('answers 405 to a GET', async () => {
    const app = express()
    const client = createClient({
      privateIntegrationToken: 'pit',
      logLevel: 'silent',
    })
    app.get('/hook', createWebhookMiddleware(client, {}))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const port = (server.address() as AddressInfo).port
    const response = await fetch(`http://127.0.0.1:${port}/hook`)
    server.close()
    expect(response.status).toBe(405)
  })
})
