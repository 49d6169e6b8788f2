import { formatValue } from './format-value'

/**
 * Encodes a request body that is not JSON. An operation whose body is
 * form-encoded or multipart names its encoder in its metadata (`encode`),
 * so only those operations bundle these functions; JSON needs none.
 */
export type BodyEncoder = (
  body: unknown,
  fail: (message: string) => never,
) => { body: BodyInit; contentType?: string }

const FORM = 'application/x-www-form-urlencoded'

/** `application/x-www-form-urlencoded`: a `URLSearchParams` or a flat object. */
export const encodeFormBody: BodyEncoder = (body, fail) => {
  if (body instanceof URLSearchParams) return { body, contentType: FORM }
  if (typeof body !== 'object') fail('the body must be an object')
  const form = new URLSearchParams()
  for (const [key, item] of entries(body)) form.append(key, formatValue(item))
  return { body: form, contentType: FORM }
}

/**
 * `multipart/form-data`: a `FormData`, or an object whose `Blob`s become
 * files. No Content-Type: fetch writes it with the boundary.
 */
export const encodeMultipartBody: BodyEncoder = (body, fail) => {
  if (body instanceof FormData) return { body }
  if (typeof body !== 'object') fail('the body must be a FormData or an object')
  const form = new FormData()
  for (const [key, item] of entries(body)) {
    form.append(key, item instanceof Blob ? item : formatValue(item))
  }
  return { body: form }
}

/** Each key and value of an object, arrays as repeated keys, nulls left out. */
function* entries(body: unknown): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(body as object)) {
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      yield [key, item]
    }
  }
}
