/**
 * A webhook public key: SPKI as PEM or bare base64, a JWK, or a key already
 * imported with `crypto.subtle`.
 */
export type WebhookPublicKey = string | JsonWebKey | CryptoKey

/** The two signature schemes HighLevel has used. */
export type WebhookSignatureScheme = 'ed25519' | 'rsa-sha256'

// jose's names for the schemes' algorithms.
const ALGORITHMS = { ed25519: 'Ed25519', 'rsa-sha256': 'RS256' } as const

// Imported keys are reused across requests: importing costs more than
// verifying, and the same few keys serve every webhook.
const importedKeys = new Map<string, Promise<CryptoKey | undefined>>()

/**
 * Turns a configured key into a `CryptoKey` for the scheme, or `undefined`
 * when it cannot be one (a wrong key never makes a webhook pass). jose
 * reads the SPKI or JWK and checks it fits the algorithm; the result is a
 * Web Crypto key on every runtime.
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
    imported = importWithJose(key, scheme)
    importedKeys.set(cacheKey, imported)
  }
  return imported
}

async function importWithJose(
  key: string | JsonWebKey,
  scheme: WebhookSignatureScheme,
): Promise<CryptoKey | undefined> {
  try {
    // jose is ESM only: a dynamic import keeps the CommonJS build loadable
    // with require() on Node versions that cannot require() ES modules.
    // Its key-import entry alone: a bundler cannot tree-shake what a
    // dynamic import of the whole package returns (~20 kB gzip vs ~3.5).
    const { importJWK, importSPKI } = await import('jose/key/import')
    const algorithm = ALGORITHMS[scheme]
    const result =
      typeof key === 'string'
        ? await importSPKI(toPem(key), algorithm)
        : await importJWK(key, algorithm)
    return isCryptoKey(result) ? result : undefined
  } catch {
    return undefined
  }
}

/** PEM as is; bare base64 (HighLevel publishes the Ed25519 key so) wrapped. */
function toPem(key: string): string {
  const trimmed = key.trim()
  if (trimmed.startsWith('-----BEGIN')) return trimmed
  const lines = trimmed.replace(/\s+/g, '').match(/.{1,64}/g) ?? []
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----`
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
