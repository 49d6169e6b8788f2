import { beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index'
import { handleWebhook } from '../../src/webhooks/index'
import type { WebhookOptions } from '../../src/webhooks/index'
import {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  HIGHLEVEL_RSA_PUBLIC_KEY,
} from '../../src/webhooks/index'
import { importPublicKey } from '../../src/webhooks/import-public-key'
import {
  createContactPayload,
  createTestSigner,
  toBytes,
  type TestSigner,
} from './signing'

/**
 * The Fetch front door's behaviours, written once and run in Node,
 * workerd and the edge runtime.
 */
export function describeWebhookSuite(runtime: string) {
  describe(`handleWebhook on ${runtime}`, () => {
    let signer: TestSigner
    let options: WebhookOptions
    beforeAll(async () => {
      signer = await createTestSigner()
      options = { publicKeys: signer.publicKeys, legacySignatures: true }
    }, 60_000)

    const client = createClient({
      privateIntegrationToken: 'pit-webhooks',
      logLevel: 'silent',
    })
    const post = (body: string | Uint8Array, headers: Record<string, string>) =>
      new Request('https://app.example/webhooks', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: toBytes(body),
      })
    const deliver = async (
      body: string | Uint8Array,
      headers: Record<string, string>,
      extra: WebhookOptions = {},
    ) => {
      const seen: unknown[] = []
      const response = await handleWebhook(
        client,
        post(body, headers),
        { ContactCreate: (event) => void seen.push(event) },
        { ...options, ...extra },
      )
      return { status: response.status, seen, json: await response.json() }
    }

    it("imports HighLevel's published Ed25519 and RSA keys", async () => {
      const ed25519 = await importPublicKey(
        HIGHLEVEL_ED25519_PUBLIC_KEY,
        'ed25519',
      )
      const rsa = await importPublicKey(HIGHLEVEL_RSA_PUBLIC_KEY, 'rsa-sha256')
      expect(ed25519?.algorithm.name).toBe('Ed25519')
      expect(rsa?.algorithm).toMatchObject({
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 4096,
      })
    })

    it('runs the handler once for a valid Ed25519 signature', async () => {
      const body = JSON.stringify(createContactPayload())
      const signature = await signer.signEd25519(body)
      const result = await deliver(body, { 'x-ghl-signature': signature })
      expect(result).toMatchObject({ status: 200, json: { ok: true } })
      expect(result.seen).toHaveLength(1)
    })

    it('runs the handler for a valid legacy RSA-SHA256 signature', async () => {
      const body = JSON.stringify(createContactPayload())
      const signature = await signer.signRsa(body)
      const result = await deliver(body, { 'x-wh-signature': signature })
      expect(result.status).toBe(200)
      expect(result.seen).toHaveLength(1)
    })

    it('answers 401 and skips the handler when one byte changed', async () => {
      const body = JSON.stringify(createContactPayload())
      const signature = await signer.signEd25519(body)
      const bytes = toBytes(body)
      bytes[bytes.length - 3] ^= 1
      const result = await deliver(bytes, { 'x-ghl-signature': signature })
      expect(result.status).toBe(401)
      expect(result.seen).toHaveLength(0)
    })

    it('answers 401 when the signature header is missing', async () => {
      const result = await deliver(JSON.stringify(createContactPayload()), {})
      expect(result).toMatchObject({
        status: 401,
        json: { reason: 'missing_signature' },
      })
    })

    it('refuses a re-serialised body that the raw body verifies', async () => {
      const raw =
        '{"type":"ContactCreate","locationId":"loc_1","id":"c_1",' +
        '"firstName":"Jos\\u00e9","website":"https:\\/\\/example.com",' +
        `"timestamp":"${new Date().toISOString()}",` +
        `"webhookId":"${crypto.randomUUID()}"}`
      const signature = await signer.signEd25519(raw)
      const reserialised = JSON.stringify(JSON.parse(raw))
      expect(reserialised).not.toBe(raw)

      const refused = await deliver(reserialised, {
        'x-ghl-signature': signature,
      })
      const accepted = await deliver(raw, { 'x-ghl-signature': signature })
      expect(refused.status).toBe(401)
      expect(accepted.status).toBe(200)
    })

    it('answers 409 to a second delivery of the same webhookId', async () => {
      const body = JSON.stringify(createContactPayload())
      const headers = { 'x-ghl-signature': await signer.signEd25519(body) }
      const first = await deliver(body, headers)
      const second = await deliver(body, headers)
      expect([first.status, second.status]).toEqual([200, 409])
      expect(second.seen).toHaveLength(0)
    })

    it('answers 409 to a timestamp 10 minutes old', async () => {
      const body = JSON.stringify(
        createContactPayload({
          timestamp: new Date(Date.now() - 10 * 60_000).toISOString(),
        }),
      )
      const result = await deliver(body, {
        'x-ghl-signature': await signer.signEd25519(body),
      })
      expect(result).toMatchObject({
        status: 409,
        json: { reason: 'stale_timestamp' },
      })
      expect(result.seen).toHaveLength(0)
    })

    it('answers 400 to a signed body that is not JSON', async () => {
      const body = 'not json'
      const result = await deliver(body, {
        'x-ghl-signature': await signer.signEd25519(body),
      })
      expect(result.status).toBe(400)
    })

    it('answers 400 malformed_body, logged at warn, to a body it cannot read', async () => {
      const lines: unknown[][] = []
      const logged = createClient({
        privateIntegrationToken: 'pit-webhooks',
        logger: { warn: (...line: unknown[]) => void lines.push(line) },
      })
      const body = JSON.stringify(createContactPayload())
      const request = post(body, {
        'x-ghl-signature': await signer.signEd25519(body),
      })
      // Another piece of code read the body first.
      await request.text()

      const response = await handleWebhook(logged, request, {}, options)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        ok: false,
        reason: 'malformed_body',
      })
      expect(lines).toEqual([
        [
          '[highlevel-fetch] webhook refused: malformed_body',
          { reason: 'malformed_body', status: 400 },
        ],
      ])
    })
  })
}
