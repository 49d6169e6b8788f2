import { decodeBase64 } from './decode-base64'

/**
 * A webhook public key: SPKI as PEM or bare base64, a JWK, or a key already
 * imported with `crypto.subtle`.
 */
export type WebhookPublicKey = string | JsonWebKey | CryptoKey

/** The two signature schemes HighLevel has used. */
export type WebhookSignatureScheme = 'ed25519' | 'rsa-sha256'

const ALGORITHMS = {
  ed25519: { name: 'Ed25519' },
  'rsa-sha256': { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
} as const

// Imported keys are reused across requests: importing costs more than
// verifying, and the same few keys serve every webhook.
const importedKeys = new Map<string, Promise<CryptoKey | undefined>>()

/**
 * Turns a configured key into a `CryptoKey` for the scheme, or `undefined`
 * when it cannot be one (a wrong key never makes a webhook pass). Imports
 * with `crypto.subtle` directly, which every target runtime has.
 */
export function importPublicKey(
  key: WebhookPublicKey,
  scheme: WebhookSignatureScheme,
): Promise<CryptoKey | undefined> {
  if (isCryptoKey(key)) return Promise.resolve(key)

  const cacheKey =
    scheme + ':' + (typeof key === 'string' ? key : JSON.stringify(key))
  let imported = importedKeys.get(cacheKey)
  if (!imported) {
    imported = importKey(key, scheme)
    importedKeys.set(cacheKey, imported)
  }
  return imported
}

async function importKey(
  key: string | JsonWebKey,
  scheme: WebhookSignatureScheme,
): Promise<CryptoKey | undefined> {
  try {
    if (typeof key !== 'string') {
      return await crypto.subtle.importKey(
        'jwk',
        key,
        ALGORITHMS[scheme],
        false,
        ['verify'],
      )
    }
    const spki = decodeBase64(
      key.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, ''),
    )
    if (!spki) return undefined
    return await crypto.subtle.importKey(
      'spki',
      spki as Uint8Array<ArrayBuffer>,
      ALGORITHMS[scheme],
      false,
      ['verify'],
    )
  } catch {
    return undefined
  }
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    'algorithm' in value &&
    'usages' in value &&
    'type' in value
  )
}
