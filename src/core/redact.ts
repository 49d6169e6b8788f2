const SECRET_KEY = /authorization|token|secret|password|api[-_]?key|cookie/i

// `Bearer abc`, and `key=value` / `"key": "value"` pairs whose key names a
// secret, as they appear in messages, URLs, form bodies and JSON text.
const SECRET_TEXT =
  /\b(bearer|basic)\s+[\w.~+/=-]{6,}|(\w*(?:token|secret|password|api[-_]?key)|authorization|[?&]code)("?\s*[:=]\s*"?)(?:(?:bearer|basic)\s+)?[^"&\s,;}]+/gi

/**
 * Returns a copy of `value` safe to log or serialise: values under keys that
 * name a secret become `[redacted]`, and bearer tokens or `token=...` pairs
 * inside strings are masked. `secrets` are exact values masked wherever they
 * appear (the token a request was sent with).
 *
 * @example
 * redact({ url: '/oauth?access_token=abc', headers: { Authorization: 'Bearer abc' } })
 * // { url: '/oauth?access_token=[redacted]', headers: { Authorization: '[redacted]' } }
 */
export function redact(
  value: unknown,
  secrets: readonly (string | undefined)[] = [],
  depth = 0,
): unknown {
  if (typeof value === 'string') {
    let text = value.replace(SECRET_TEXT, (match, scheme, key, separator) =>
      scheme ? `${scheme} [redacted]` : `${key}${separator}[redacted]`,
    )
    for (const secret of secrets) {
      if (secret) text = text.split(secret).join('[redacted]')
    }
    return text
  }
  if (typeof value !== 'object' || value === null || depth > 8) return value
  const copy = (Array.isArray(value) ? [] : {}) as Record<string, unknown>
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && item != null && typeof item !== 'object'
        ? '[redacted]'
        : redact(item, secrets, depth + 1)
  }
  return copy
}
