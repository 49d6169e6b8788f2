import { beforeAll, describe, expect, it } from 'vitest'
import { createClient, memoryStorage } from '../../src/index'
import type { StorageAdapter } from '../../src/index'
import {
  processWebhook,
  type WebhookHandlers,
  type WebhookOptions,
} from '../../src/webhooks/index'
import {
  createContactPayload,
  createTestSigner,
  type TestSigner,
} from './signing'

let signer: TestSigner
beforeAll(async () => {
  signer = await createTestSigner({ rsa: false })
})

function createLoggedClient(storage: StorageAdapter = memoryStorage()) {
  const lines: { level: string; message: string; details?: unknown }[] = []
  const record = (level: string) => (message: string, details?: unknown) =>
    lines.push({ level, message, details })
  const client = createClient({
    privateIntegrationToken: 'pit-replay',
    storage,
    logger: { warn: record('warn'), error: record('error') },
  })
  return { client, lines }
}

async function signed(payload: Record<string, unknown>) {
  const body = JSON.stringify(payload)
  return {
    body,
    headers: { 'x-ghl-signature': await signer.signEd25519(body) },
  }
}

const options = (): WebhookOptions => ({
  publicKeys: { ed25519: signer.publicKeys.ed25519 },
})

describe('replay protection', () => {
  it('refuses a second delivery of a handled webhookId with 409', async () => {
    const { client } = createLoggedClient()
    const delivery = await signed(createContactPayload())
    let runs = 0
    const handlers: WebhookHandlers = { ContactCreate: () => void runs++ }

    const first = await processWebhook(client, delivery, handlers, options())
    const second = await processWebhook(client, delivery, handlers, options())
    expect(first).toEqual({ status: 200 })
    expect(second).toEqual({ status: 409, reason: 'duplicate' })
    expect(runs).toBe(1)
  })

  it('answers a replay with the configured status', async () => {
    const { client } = createLoggedClient()
    const delivery = await signed(createContactPayload())
    await processWebhook(client, delivery, {}, options())
    const second = await processWebhook(
      client,
      delivery,
      {},
      {
        ...options(),
        replayStatus: 200,
      },
    )
    expect(second).toEqual({ status: 200, reason: 'duplicate' })
  })

  it('processes a redelivery again after the handler failed', async () => {
    const { client } = createLoggedClient()
    const delivery = await signed(createContactPayload())
    let runs = 0
    const handler = () => {
      runs++
      if (runs === 1) throw new Error('database down')
    }

    const failed = await processWebhook(
      client,
      delivery,
      { '*': handler },
      options(),
    )
    const retried = await processWebhook(
      client,
      delivery,
      { '*': handler },
      options(),
    )
    expect(failed).toEqual({ status: 500, reason: 'handler_failed' })
    expect(retried).toEqual({ status: 200 })
    expect(runs).toBe(2)
  })

  it('runs the handler once for two simultaneous deliveries of one id', async () => {
    const { client } = createLoggedClient()
    const delivery = await signed(createContactPayload())
    let runs = 0
    let finish!: () => void
    const gate = new Promise<void>((resolve) => (finish = resolve))
    const handler = async () => {
      runs++
      await gate
    }

    const first = processWebhook(client, delivery, { '*': handler }, options())
    const second = processWebhook(client, delivery, { '*': handler }, options())
    await new Promise((resolve) => setTimeout(resolve, 20))
    finish()
    const statuses = (await Promise.all([first, second])).map((o) => o.status)
    expect(statuses.sort()).toEqual([200, 409])
    expect(runs).toBe(1)
  })

  it('lets a waiting delivery run when the simultaneous one failed', async () => {
    const { client } = createLoggedClient()
    const delivery = await signed(createContactPayload())
    let runs = 0
    const handler = async () => {
      runs++
      await new Promise((resolve) => setTimeout(resolve, 10))
      if (runs === 1) throw new Error('first attempt fails')
    }

    const outcomes = await Promise.all([
      processWebhook(client, delivery, { '*': handler }, options()),
      processWebhook(client, delivery, { '*': handler }, options()),
    ])
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 500])
    expect(runs).toBe(2)
  })

  it("uses the store's lock so another process's delivery is not run twice", async () => {
    const store: StorageAdapter = {
      ...memoryStorage(),
      lock: async () => null,
    }
    const { client } = createLoggedClient()
    let runs = 0
    const outcome = await processWebhook(
      client,
      await signed(createContactPayload()),
      { '*': () => void runs++ },
      { ...options(), store },
    )
    expect(outcome).toEqual({ status: 409, reason: 'in_progress' })
    expect(runs).toBe(0)
  })

  it('keeps handled ids in the given store with a TTL', async () => {
    const sets: { key: string; ttl?: number }[] = []
    const base = memoryStorage()
    const store: StorageAdapter = {
      ...base,
      set: async (key, value, setOptions) => {
        sets.push({ key, ttl: setOptions?.ttl })
        await base.set(key, value, setOptions)
      },
    }
    const { client } = createLoggedClient()
    const payload = createContactPayload()
    await processWebhook(
      client,
      await signed(payload),
      {},
      {
        ...options(),
        store,
      },
    )
    expect(sets).toEqual([
      { key: expect.stringContaining(String(payload.webhookId)), ttl: 600_000 },
    ])
  })

  it.each([
    ['10 minutes old', -10 * 60_000],
    ['10 minutes ahead', 10 * 60_000],
  ])('refuses a timestamp %s', async (_, offset) => {
    const { client } = createLoggedClient()
    const timestamp = new Date(Date.now() + offset).toISOString()
    const outcome = await processWebhook(
      client,
      await signed(createContactPayload({ timestamp })),
      {},
      options(),
    )
    expect(outcome).toEqual({ status: 409, reason: 'stale_timestamp' })
  })

  it.each([
    ['epoch seconds', () => Math.floor(Date.now() / 1000)],
    ['epoch milliseconds', () => Date.now()],
    ['an ISO string', () => new Date().toISOString()],
  ])('accepts a fresh timestamp in %s', async (_, timestamp) => {
    const { client } = createLoggedClient()
    const outcome = await processWebhook(
      client,
      await signed(createContactPayload({ timestamp: timestamp() })),
      {},
      options(),
    )
    expect(outcome).toEqual({ status: 200 })
  })

  it('honours a wider timestamp tolerance', async () => {
    const { client } = createLoggedClient()
    const timestamp = new Date(Date.now() - 10 * 60_000).toISOString()
    const outcome = await processWebhook(
      client,
      await signed(createContactPayload({ timestamp })),
      {},
      { ...options(), timestampTolerance: 15 * 60_000 },
    )
    expect(outcome.status).toBe(200)
  })

  it('refuses a timestamp that cannot be read with 400', async () => {
    const { client } = createLoggedClient()
    const outcome = await processWebhook(
      client,
      await signed(createContactPayload({ timestamp: 'yesterday' })),
      {},
      options(),
    )
    expect(outcome).toEqual({ status: 400, reason: 'invalid_timestamp' })
  })

  it('refuses a payload without timestamp or webhookId by default', async () => {
    const { client } = createLoggedClient()
    const payload = createContactPayload()
    delete payload.webhookId
    const outcome = await processWebhook(
      client,
      await signed(payload),
      {},
      options(),
    )
    expect(outcome).toEqual({ status: 400, reason: 'missing_replay_fields' })
  })

  it("handles such a payload with missingReplayFields: 'accept'", async () => {
    const { client } = createLoggedClient()
    const payload = { type: 'ContactCreate', id: 'c_1', locationId: 'l_1' }
    let runs = 0
    const outcome = await processWebhook(
      client,
      await signed(payload),
      { '*': () => void runs++ },
      { ...options(), missingReplayFields: 'accept' },
    )
    expect(outcome).toEqual({ status: 200 })
    expect(runs).toBe(1)
  })
})

describe('rejection logs', () => {
  it('log the reason, type and webhookId at warn, and no personal data', async () => {
    const { client, lines } = createLoggedClient()
    const payload = createContactPayload({
      timestamp: new Date(Date.now() - 3_600_000).toISOString(),
    })
    await processWebhook(client, await signed(payload), {}, options())

    expect(lines).toEqual([
      {
        level: 'warn',
        message: '[highlevel-fetch] webhook refused: stale_timestamp',
        details: {
          reason: 'stale_timestamp',
          status: 409,
          type: 'ContactCreate',
          webhookId: payload.webhookId,
        },
      },
    ])
    const logged = JSON.stringify(lines)
    for (const field of ['email', 'phone', 'firstName'] as const) {
      expect(logged).not.toContain(String(payload[field]))
    }
  })

  it('log an invalid signature without reading the body', async () => {
    const { client, lines } = createLoggedClient()
    const delivery = await signed(createContactPayload())
    await processWebhook(
      client,
      { body: delivery.body + ' ', headers: delivery.headers },
      {},
      options(),
    )
    expect(lines).toEqual([
      {
        level: 'warn',
        message: '[highlevel-fetch] webhook refused: invalid_signature',
        details: { reason: 'invalid_signature', status: 401 },
      },
    ])
  })
})

describe('a parsed object instead of the raw body', () => {
  it('is logged at error with the package prefix once', async () => {
    const { client, lines } = createLoggedClient()
    const payload = createContactPayload()
    await processWebhook(
      client,
      { body: payload as never, headers: {} },
      {},
      options(),
    )

    expect(lines).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(
          /^\[highlevel-fetch\] verifyWebhookSignature: pass the raw/,
        ),
        details: { reason: 'body_not_raw', status: 500 },
      },
    ])
    expect(lines[0].message.match(/\[highlevel-fetch\]/g)).toHaveLength(1)
    expect(JSON.stringify(lines)).not.toContain(String(payload.email))
  })

  it('gets an outcome carrying the fix, even with logLevel silent', async () => {
    const client = createClient({
      privateIntegrationToken: 'pit-replay',
      logLevel: 'silent',
    })
    const payload = createContactPayload()
    const outcome = await processWebhook(
      client,
      { body: payload as never, headers: {} },
      {},
      options(),
    )

    expect(outcome).toEqual({
      status: 500,
      reason: 'body_not_raw',
      message: expect.stringContaining(
        "express.raw({ type: 'application/json' })",
      ),
    })
    for (const words of ['Hono', 'Next.js', 'Workers']) {
      expect(outcome.message).toContain(words)
    }
    expect(outcome.message).not.toContain(String(payload.email))
  })
})

describe('handlers', () => {
  it("run the type's handler, then '*'", async () => {
    const { client } = createLoggedClient()
    const calls: string[] = []
    await processWebhook(
      client,
      await signed(createContactPayload()),
      {
        ContactCreate: (event) => void calls.push(`typed:${event.id}`),
        ContactDelete: () => void calls.push('wrong'),
        '*': (event) => void calls.push(`any:${String(event.type)}`),
      },
      options(),
    )
    expect(calls).toEqual(['typed:contact_1', 'any:ContactCreate'])
  })

  it("pass an unknown event type to '*' and answer 200", async () => {
    const { client } = createLoggedClient()
    const seen: unknown[] = []
    const outcome = await processWebhook(
      client,
      await signed(createContactPayload({ type: 'SomethingNew', extra: 1 })),
      { '*': (event) => void seen.push(event) },
      options(),
    )
    expect(outcome).toEqual({ status: 200 })
    expect(seen).toMatchObject([{ type: 'SomethingNew', extra: 1 }])
  })

  it('give the handler the verified scheme and webhookId', async () => {
    const { client } = createLoggedClient()
    const payload = createContactPayload()
    let context: unknown
    await processWebhook(
      client,
      await signed(payload),
      { '*': (_, handlerContext) => void (context = handlerContext) },
      options(),
    )
    expect(context).toMatchObject({
      scheme: 'ed25519',
      webhookId: payload.webhookId,
    })
  })

  it('refuse a JSON body that is not an object with 400', async () => {
    const { client } = createLoggedClient()
    const body = '[1,2]'
    const outcome = await processWebhook(
      client,
      { body, headers: { 'x-ghl-signature': await signer.signEd25519(body) } },
      {},
      options(),
    )
    expect(outcome).toEqual({ status: 400, reason: 'malformed_body' })
  })
})
