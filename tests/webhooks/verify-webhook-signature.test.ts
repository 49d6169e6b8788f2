import { beforeAll, describe, expect, it } from 'vitest'
import {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  verifyWebhookSignature,
  type WebhookBody,
} from '../../src/webhooks/index'
import { createTestSigner, toBytes, type TestSigner } from './signing'

let signer: TestSigner
let other: TestSigner
beforeAll(async () => {
  signer = await createTestSigner()
  other = await createTestSigner({ rsa: false })
}, 60_000)

const body = '{"type":"ContactCreate","locationId":"loc_1"}'
const verify = (
  payload: unknown,
  headers: Record<string, string>,
  legacySignatures = false,
) =>
  verifyWebhookSignature(payload as WebhookBody, headers, {
    publicKeys: signer.publicKeys,
    legacySignatures,
  })

describe('verifyWebhookSignature', () => {
  it('accepts an Ed25519 signature over the raw string', async () => {
    const signature = await signer.signEd25519(body)
    expect(await verify(body, { 'x-ghl-signature': signature })).toEqual({
      valid: true,
      scheme: 'ed25519',
    })
  })

  it('accepts the same body as bytes and as an ArrayBuffer', async () => {
    const signature = await signer.signEd25519(body)
    const bytes = toBytes(body)
    expect(await verify(bytes, { 'x-ghl-signature': signature })).toMatchObject(
      { valid: true },
    )
    expect(
      await verify(bytes.buffer, { 'x-ghl-signature': signature }),
    ).toMatchObject({ valid: true })
  })

  it('reads the header from a Fetch Headers object', async () => {
    const headers = new Headers({
      'X-GHL-Signature': await signer.signEd25519(body),
    })
    const result = await verifyWebhookSignature(body, headers, {
      publicKeys: signer.publicKeys,
    })
    expect(result.valid).toBe(true)
  })

  it('refuses an Ed25519 signature made by another key', async () => {
    const signature = await other.signEd25519(body)
    expect(await verify(body, { 'x-ghl-signature': signature })).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    })
  })

  it('accepts any of several keys, for rotation', async () => {
    const signature = await signer.signEd25519(body)
    const result = await verifyWebhookSignature(
      body,
      { 'x-ghl-signature': signature },
      {
        publicKeys: {
          ed25519: [other.publicKeys.ed25519, signer.publicKeys.ed25519],
        },
      },
    )
    expect(result.valid).toBe(true)
  })

  it("checks against HighLevel's published Ed25519 key by default", async () => {
    const signature = await signer.signEd25519(body)
    const result = await verifyWebhookSignature(body, {
      'x-ghl-signature': signature,
    })
    expect(result).toMatchObject({ valid: false, reason: 'invalid_signature' })
    expect(HIGHLEVEL_ED25519_PUBLIC_KEY).toMatch(/^MCowBQYDK2VwAyEA/)
  })

  it('refuses the legacy RSA signature unless enabled', async () => {
    const signature = await signer.signRsa(body)
    expect(await verify(body, { 'x-wh-signature': signature })).toMatchObject({
      valid: false,
      reason: 'legacy_signature_disabled',
    })
    expect(await verify(body, { 'x-wh-signature': signature }, true)).toEqual({
      valid: true,
      scheme: 'rsa-sha256',
    })
  })

  it('refuses an RSA signature over other bytes', async () => {
    const signature = await signer.signRsa(body + ' ')
    expect(
      await verify(body, { 'x-wh-signature': signature }, true),
    ).toMatchObject({ valid: false, reason: 'invalid_signature' })
  })

  it('does not fall back to RSA when the Ed25519 signature is wrong', async () => {
    const result = await verify(
      body,
      {
        'x-ghl-signature': await other.signEd25519(body),
        'x-wh-signature': await signer.signRsa(body),
      },
      true,
    )
    expect(result).toMatchObject({ valid: false, reason: 'invalid_signature' })
  })

  it.each([
    ['absent', {}],
    ['N/A', { 'x-ghl-signature': 'N/A' }],
    ['empty', { 'x-ghl-signature': '' }],
    ['blank', { 'x-ghl-signature': '   ' }],
  ])('treats a signature header that is %s as missing', async (_, headers) => {
    expect(await verify(body, headers)).toMatchObject({
      valid: false,
      reason: 'missing_signature',
    })
  })

  it('uses the RSA header when the Ed25519 one is N/A', async () => {
    const result = await verify(
      body,
      {
        'x-ghl-signature': 'N/A',
        'x-wh-signature': await signer.signRsa(body),
      },
      true,
    )
    expect(result).toEqual({ valid: true, scheme: 'rsa-sha256' })
  })

  it('refuses a signature that is not base64', async () => {
    expect(await verify(body, { 'x-ghl-signature': '%%%' })).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    })
  })

  it('refuses a parsed object with an error naming how to get the raw body', async () => {
    const result = await verify(JSON.parse(body), {
      'x-ghl-signature': await signer.signEd25519(body),
    })
    expect(result).toMatchObject({ valid: false, reason: 'body_not_raw' })
    const message = (result as { message: string }).message
    expect(message).toMatch(/^\[highlevel-fetch\] verifyWebhookSignature:/)
    for (const runtime of ['Express', 'Hono', 'Next.js', 'Workers']) {
      expect(message).toContain(runtime)
    }
  })

  it.each([
    ['a non-ASCII character', { name: 'Zoë 東京' }],
    ['an escaped slash', null],
  ])('refuses the re-serialised form of a body with %s', async (_, fields) => {
    const raw = fields
      ? JSON.stringify({ type: 'ContactCreate', ...fields }).replace(
          /[^\x00-\x7f]/g,
          (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )
      : '{"type":"ContactCreate","website":"https:\\/\\/example.com\\/a"}'
    const signature = await signer.signEd25519(raw)
    const reserialised = JSON.stringify(JSON.parse(raw))

    expect(reserialised).not.toBe(raw)
    expect((await verify(raw, { 'x-ghl-signature': signature })).valid).toBe(
      true,
    )
    expect(
      (await verify(reserialised, { 'x-ghl-signature': signature })).valid,
    ).toBe(false)
  })

  it('refuses an unusable configured key instead of throwing', async () => {
    const result = await verifyWebhookSignature(
      body,
      { 'x-ghl-signature': await signer.signEd25519(body) },
      { publicKeys: { ed25519: 'not a key' } },
    )
    expect(result).toMatchObject({ valid: false, reason: 'invalid_signature' })
  })

  it('accepts a key given as a JWK', async () => {
    const key = await crypto.subtle.importKey(
      'spki',
      Uint8Array.from(atob(signer.publicKeys.ed25519), (c) => c.charCodeAt(0)),
      { name: 'Ed25519' },
      true,
      ['verify'],
    )
    const jwk = await crypto.subtle.exportKey('jwk', key)
    const result = await verifyWebhookSignature(
      body,
      { 'x-ghl-signature': await signer.signEd25519(body) },
      { publicKeys: { ed25519: jwk } },
    )
    expect(result.valid).toBe(true)
  })
})
