/**
 * Standard or URL-safe base64 to bytes, whitespace ignored; `undefined`
 * when the text is not base64.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const normalized = text
    .replace(/\s+/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(normalized)) return undefined
  try {
    const binary = atob(
      normalized.padEnd(Math.ceil(normalized.length / 4) * 4, '='),
    )
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) {
      bytes[index] = binary.charCodeAt(index)
    }
    return bytes
  } catch {
    return undefined
  }
}
