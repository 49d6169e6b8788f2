/**
 * Key pairs made fresh for the tests, on Web Crypto so the same helper
 * runs in Node, workerd and the edge runtime.
 */
export interface TestSigner {
  publicKeys: { ed25519: string; rsa: string }
  signEd25519(body: string | Uint8Array): Promise<string>
  signRsa(body: string | Uint8Array): Promise<string>
}

/** `rsa: false` makes a 1024-bit RSA key, quick to make, for a wrong key. */
export async function createTestSigner({
  rsa: withRsa = true,
} = {}): Promise<TestSigner> {
  const ed25519 = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const rsa = await generateRsaKeyPair(withRsa)
  const spki = async (key: CryptoKey) =>
    toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', key)))
  const rsaBase64 = await spki(rsa.publicKey)
  const sign = async (
    algorithm: string,
    key: CryptoKey,
    body: string | Uint8Array,
  ) =>
    toBase64(
      new Uint8Array(await crypto.subtle.sign(algorithm, key, toBytes(body))),
    )

  return {
    publicKeys: {
      ed25519: await spki(ed25519.publicKey),
      rsa:
        '-----BEGIN PUBLIC KEY-----\n' +
        rsaBase64.match(/.{1,64}/g)!.join('\n') +
        '\n-----END PUBLIC KEY-----\n',
    },
    signEd25519: (body) => sign('Ed25519', ed25519.privateKey, body),
    signRsa: (body) => sign('RSASSA-PKCS1-v1_5', rsa.privateKey, body),
  }
}

function generateRsaKeyPair(strong: boolean): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: strong ? 4096 : 1024,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )
}

export function toBytes(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof body === 'string'
    ? new TextEncoder().encode(body)
    : new Uint8Array(body)
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** A ContactCreate payload as HighLevel sends it, fresh and unique. */
export function createContactPayload(
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'ContactCreate',
    locationId: 'loc_1',
    id: 'contact_1',
    email: 'jane.doe@example.com',
    phone: '+15550000001',
    firstName: 'Jane',
    timestamp: new Date().toISOString(),
    webhookId: crypto.randomUUID(),
    ...fields,
  }
}
