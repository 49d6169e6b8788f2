import { decodeBase64 } from './decode-base64'
import {
  importPublicKey,
  type WebhookPublicKey,
  type WebhookSignatureScheme,
} from './import-public-key'
import {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  HIGHLEVEL_RSA_PUBLIC_KEY,
} from './public-keys'

/** The request body exactly as received: text or bytes, never parsed. */
export type WebhookBody = string | Uint8Array | ArrayBuffer

/** Request headers as a Fetch `Headers` or a Node-style record. */
export type WebhookHeaders =
  Headers | Record<string, string | string[] | undefined>

/** Keys to check signatures against; several per scheme allow rotation. */
export interface WebhookPublicKeys {
  /** Checked against `x-ghl-signature`; HighLevel's key by default. */
  ed25519?: WebhookPublicKey | readonly WebhookPublicKey[]
  /** Checked against `x-wh-signature`; HighLevel's key by default. */
  rsa?: WebhookPublicKey | readonly WebhookPublicKey[]
}

export interface VerifyWebhookSignatureOptions {
  /** Replaces HighLevel's published keys, per scheme. */
  publicKeys?: WebhookPublicKeys
  /**
   * Accepts the legacy RSA `x-wh-signature` when no `x-ghl-signature` is
   * sent. Off by default.
   */
  legacySignatures?: boolean
}

/** Why a body's signature was refused. */
export type WebhookSignatureFailure =
  | 'missing_signature'
  | 'invalid_signature'
  | 'legacy_signature_disabled'
  | 'body_not_raw'

export type WebhookVerification =
  | { valid: true; scheme: WebhookSignatureScheme }
  | { valid: false; reason: WebhookSignatureFailure; message: string }

const SIGNATURE_HEADERS = {
  ed25519: 'x-ghl-signature',
  'rsa-sha256': 'x-wh-signature',
} as const

const RAW_BODY_HELP =
  'pass the raw request body (string, Uint8Array or ArrayBuffer), not a ' +
  'parsed object: re-serialising JSON changes the bytes HighLevel signed. ' +
  "Express: express.raw({ type: 'application/json' }) on the webhook route, " +
  'or the highlevel-fetch/webhooks/node middleware; Hono: await ' +
  'c.req.text(), or handleWebhook(client, c.req.raw, handlers); Next.js ' +
  'route handler and Workers: await request.text(), or ' +
  'handleWebhook(client, request, handlers)'

/**
 * Checks HighLevel's signature over the raw body: Ed25519 from
 * `x-ghl-signature`, or, when `legacySignatures` is on and that header is
 * absent, RSA-SHA256 from `x-wh-signature`. Never throws: every failure is
 * a result with a reason.
 *
 * @example
 * const body = await request.text()
 * const result = await verifyWebhookSignature(body, request.headers)
 * if (!result.valid) return new Response(null, { status: 401 })
 */
export async function verifyWebhookSignature(
  body: WebhookBody,
  headers: WebhookHeaders,
  options: VerifyWebhookSignatureOptions = {},
): Promise<WebhookVerification> {
  const bytes = toBytes(body)
  if (!bytes) {
    return refuse('body_not_raw', `verifyWebhookSignature: ${RAW_BODY_HELP}`)
  }

  let scheme: WebhookSignatureScheme = 'ed25519'
  let signature = readSignature(headers, SIGNATURE_HEADERS.ed25519)
  if (signature === undefined) {
    scheme = 'rsa-sha256'
    signature = readSignature(headers, SIGNATURE_HEADERS[scheme])
    if (signature === undefined) {
      return refuse(
        'missing_signature',
        'verifyWebhookSignature: no x-ghl-signature header',
      )
    }
    if (!options.legacySignatures) {
      return refuse(
        'legacy_signature_disabled',
        'verifyWebhookSignature: only the legacy x-wh-signature was sent; ' +
          'set legacySignatures: true to accept it',
      )
    }
  }

  const signatureBytes = decodeBase64(signature)
  const keys = listKeys(scheme, options.publicKeys)
  if (signatureBytes) {
    for (const key of keys) {
      if (await verifyWithKey(key, scheme, signatureBytes, bytes)) {
        return { valid: true, scheme }
      }
    }
  }
  return refuse(
    'invalid_signature',
    `verifyWebhookSignature: the ${SIGNATURE_HEADERS[scheme]} signature ` +
      'does not match the body',
  )
}

function refuse(
  reason: WebhookSignatureFailure,
  message: string,
): WebhookVerification {
  return { valid: false, reason, message: `[highlevel-fetch] ${message}` }
}

function toBytes(body: unknown): Uint8Array | undefined {
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  }
  return undefined
}

/** A header's value, with `N/A` and blank treated as absent. */
export function readSignature(
  headers: WebhookHeaders,
  name: string,
): string | undefined {
  let value: unknown
  if (typeof (headers as Headers)?.get === 'function') {
    value = (headers as Headers).get(name)
  } else if (typeof headers === 'object' && headers !== null) {
    const record = headers as Record<string, unknown>
    value = record[name]
    if (value === undefined) {
      const match = Object.keys(record).find(
        (key) => key.toLowerCase() === name,
      )
      if (match) value = record[match]
    }
  }
  if (Array.isArray(value)) value = value[0]
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' || trimmed.toUpperCase() === 'N/A' ? undefined : trimmed
}

function listKeys(
  scheme: WebhookSignatureScheme,
  publicKeys: WebhookPublicKeys | undefined,
): readonly WebhookPublicKey[] {
  const configured =
    scheme === 'ed25519' ? publicKeys?.ed25519 : publicKeys?.rsa
  if (configured === undefined) {
    return [
      scheme === 'ed25519'
        ? HIGHLEVEL_ED25519_PUBLIC_KEY
        : HIGHLEVEL_RSA_PUBLIC_KEY,
    ]
  }
  return Array.isArray(configured)
    ? configured
    : [configured as WebhookPublicKey]
}

async function verifyWithKey(
  key: WebhookPublicKey,
  scheme: WebhookSignatureScheme,
  signature: Uint8Array,
  body: Uint8Array,
): Promise<boolean> {
  const cryptoKey = await importPublicKey(key, scheme)
  if (!cryptoKey) return false
  try {
    return await crypto.subtle.verify(
      cryptoKey.algorithm,
      cryptoKey,
      signature as Uint8Array<ArrayBuffer>,
      body as Uint8Array<ArrayBuffer>,
    )
  } catch {
    return false
  }
}
