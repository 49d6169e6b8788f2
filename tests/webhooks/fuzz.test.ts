import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index'
import {
  processWebhook,
  verifyWebhookSignature,
} from '../../src/webhooks/index'
import {
  createContactPayload,
  createTestSigner,
  toBytes,
  type TestSigner,
} from './signing'

const RUNS = 10_000

let signer: TestSigner
let signedBody: Uint8Array
let signature: string
let rsaSignature: string
beforeAll(async () => {
  signer = await createTestSigner()
  signedBody = toBytes(JSON.stringify(createContactPayload()))
  signature = await signer.signEd25519(signedBody)
  rsaSignature = await signer.signRsa(signedBody)
}, 60_000)

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false
  return left.every((byte, index) => byte === right[index])
}

function decodeSignature(text: string): Uint8Array | undefined {
  try {
    const normalized = text.trim().replace(/-/g, '+').replace(/_/g, '/')
    return Uint8Array.from(atob(normalized), (char) => char.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** Bodies: random bytes, random text, or the signed body with edits. */
const bodies = () =>
  fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ maxLength: 300 }),
    fc.constant('signed'),
    fc
      .tuple(fc.nat(), fc.integer({ min: 1, max: 255 }))
      .map(([at, flip]) => ({ at, flip })),
  )

/** Signatures: random text, random base64, the real one or an edit of it. */
const signatures = () =>
  fc.oneof(
    fc.string({ maxLength: 120 }),
    fc
      .uint8Array({ minLength: 64, maxLength: 64 })
      .map((bytes) => btoa(String.fromCharCode(...bytes))),
    fc.constantFrom('', 'N/A', ' ', '===', 'real', 'real-rsa'),
    fc
      .tuple(fc.nat(), fc.integer({ min: 1, max: 255 }))
      .map(([at, flip]) => ({ at, flip })),
  )

function materialise(
  body: Uint8Array | string | { at: number; flip: number },
  signatureValue: string | { at: number; flip: number },
) {
  let bytes: Uint8Array | string
  if (body === 'signed') bytes = signedBody
  else if (typeof body === 'object' && !(body instanceof Uint8Array)) {
    bytes = new Uint8Array(signedBody)
    bytes[body.at % bytes.length] ^= body.flip
  } else bytes = body

  let header: string
  if (signatureValue === 'real') header = signature
  else if (signatureValue === 'real-rsa') header = rsaSignature
  else if (typeof signatureValue === 'object') {
    const raw = decodeSignature(signature)!
    raw[signatureValue.at % raw.length] ^= signatureValue.flip
    header = btoa(String.fromCharCode(...raw))
  } else header = signatureValue
  return { bytes, header }
}

describe(`fuzzing with ${RUNS} random or mutated deliveries`, () => {
  it('verifyWebhookSignature never throws and accepts only the real signature of the real body', async () => {
    const realSignature = decodeSignature(signature)!
    await fc.assert(
      fc.asyncProperty(
        bodies(),
        signatures(),
        fc.constantFrom('x-ghl-signature', 'x-wh-signature', 'X-GHL-Signature'),
        fc.boolean(),
        async (body, signatureValue, headerName, legacy) => {
          const { bytes, header } = materialise(body, signatureValue)
          const result = await verifyWebhookSignature(
            bytes,
            { [headerName]: header },
            { publicKeys: signer.publicKeys, legacySignatures: legacy },
          )
          const bodyIsReal =
            typeof bytes !== 'string' && sameBytes(bytes, signedBody)
          const decoded = decodeSignature(header)
          const ed25519Genuine =
            headerName.toLowerCase() === 'x-ghl-signature' &&
            !!decoded &&
            sameBytes(decoded, realSignature)
          const rsaGenuine =
            headerName === 'x-wh-signature' && legacy && header === rsaSignature
          expect(result.valid).toBe(
            bodyIsReal && (ed25519Genuine || rsaGenuine),
          )
        },
      ),
      { numRuns: RUNS },
    )
  }, 120_000)

  it('processWebhook never throws and never runs the handler without a valid signature', async () => {
    const client = createClient({
      privateIntegrationToken: 'pit-fuzz',
      logLevel: 'silent',
    })
    let runs = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }),
        ),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('x-ghl-signature', 'x-wh-signature'),
            fc.string({ maxLength: 20 }),
          ),
          fc.oneof(fc.string({ maxLength: 120 }), fc.array(fc.string())),
          { maxKeys: 4 },
        ),
        async (body, headers) => {
          const outcome = await processWebhook(
            client,
            { body, headers },
            { '*': () => void runs++ },
            { publicKeys: signer.publicKeys, legacySignatures: true },
          )
          expect(outcome.status).toBe(401)
        },
      ),
      { numRuns: RUNS },
    )
    expect(runs).toBe(0)
  }, 120_000)
})
