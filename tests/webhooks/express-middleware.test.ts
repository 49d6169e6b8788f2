import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index'
import {
  createWebhookMiddleware,
  type NodeWebhookRequest,
} from '../../src/webhooks/create-webhook-middleware.node'
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

function createLoggedClient() {
  const lines: { level: string; message: string; details?: unknown }[] = []
  const record = (level: string) => (message: string, details?: unknown) =>
    void lines.push({ level, message, details })
  const client = createClient({
    privateIntegrationToken: 'pit-node',
    logger: { warn: record('warn'), error: record('error') },
  })
  return { client, lines }
}

describe('createWebhookMiddleware on plain node:http', () => {
  it('answers 500 body_not_raw with the fix when the body was parsed and there is no next', async () => {
    const { client, lines } = createLoggedClient()
    const middleware = createWebhookMiddleware(client, {})
    const server = createServer(async (request, response) => {
      // An earlier step of the app parsed the JSON itself.
      let text = ''
      for await (const chunk of request) text += chunk
      Object.assign(request, { body: JSON.parse(text) })
      await middleware(request, response)
    })
    server.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const port = (server.address() as AddressInfo).port
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(createContactPayload()),
    })
    server.close()

    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      ok: false,
      reason: 'body_not_raw',
      message: expect.stringMatching(
        /^\[highlevel-fetch\] createWebhookMiddleware: .*express\.json\(\)/,
      ),
    })
    expect(lines).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(
          /^\[highlevel-fetch\] createWebhookMiddleware: /,
        ),
        details: { reason: 'body_not_raw', status: 500 },
      },
    ])
    expect(lines[0].message.match(/\[highlevel-fetch\]/g)).toHaveLength(1)
  })

  it('answers 400 malformed_body, logged at warn, when the body cannot be read', async () => {
    const { client, lines } = createLoggedClient()
    // A connection reset mid-body: the request stream errors.
    const request = Object.assign(
      new Readable({
        read() {
          this.destroy(new Error('socket hang up'))
        },
      }),
      { method: 'POST', headers: {} },
    ) as NodeWebhookRequest
    const answer = { statusCode: 0, body: '' }
    await createWebhookMiddleware(client, {})(request, {
      get statusCode() {
        return answer.statusCode
      },
      set statusCode(status) {
        answer.statusCode = status
      },
      setHeader: () => {},
      end: (body = '') => void (answer.body = body),
    })

    expect(answer).toEqual({
      statusCode: 400,
      body: JSON.stringify({ ok: false, reason: 'malformed_body' }),
    })
    expect(lines).toEqual([
      {
        level: 'warn',
        message: '[highlevel-fetch] webhook refused: malformed_body',
        details: { reason: 'malformed_body', status: 400 },
      },
    ])
  })
})
