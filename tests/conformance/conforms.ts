import type { SchemaObject } from './spec'

/**
 * Whether `value` is valid against `schema`, for the keywords the HighLevel
 * files use. It decides whether an example can be sent as it is.
 */
export function conforms(
  value: unknown,
  schema: SchemaObject | undefined,
  resolve: (schema: SchemaObject) => SchemaObject,
): boolean {
  if (!schema) return true
  const resolved = resolve(schema)
  if (value === null)
    return resolved.nullable === true || resolved.type === 'null'
  if (
    resolved.allOf &&
    !resolved.allOf.every((part: SchemaObject) =>
      conforms(value, part, resolve),
    )
  )
    return false
  if (resolved.oneOf) {
    const matches = resolved.oneOf.filter((part: SchemaObject) =>
      conforms(value, part, resolve),
    )
    if (matches.length !== 1) return false
  }
  if (
    resolved.anyOf &&
    !resolved.anyOf.some((part: SchemaObject) => conforms(value, part, resolve))
  )
    return false
  if (
    Array.isArray(resolved.enum) &&
    !resolved.enum.some((item: unknown) => deepEqual(item, value))
  )
    return false
  if ('const' in resolved && !deepEqual(resolved.const, value)) return false

  const type = typeOf(resolved)
  if (type && !hasType(value, type)) return false
  if (typeof value === 'string') return stringConforms(value, resolved)
  if (typeof value === 'number') {
    if (resolved.minimum !== undefined && value < resolved.minimum) return false
    if (resolved.maximum !== undefined && value > resolved.maximum) return false
    return true
  }
  if (Array.isArray(value)) {
    if (resolved.minItems !== undefined && value.length < resolved.minItems)
      return false
    if (resolved.maxItems !== undefined && value.length > resolved.maxItems)
      return false
    return value.every((item) => conforms(item, resolved.items, resolve))
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>
    const properties: Record<string, SchemaObject> = resolved.properties ?? {}
    if ((resolved.required ?? []).some((key: string) => !(key in object)))
      return false
    for (const [key, item] of Object.entries(object)) {
      if (key in properties) {
        if (!conforms(item, properties[key], resolve)) return false
      } else if (resolved.additionalProperties === false) {
        return false
      } else if (typeof resolved.additionalProperties === 'object') {
        if (!conforms(item, resolved.additionalProperties, resolve))
          return false
      }
    }
  }
  return true
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value)
  if (type === 'number') return typeof value === 'number'
  if (type === 'array') return Array.isArray(value)
  if (type === 'object') {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  }
  return typeof value === type
}

function stringConforms(value: string, schema: SchemaObject): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength)
    return false
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    return false
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) return false
  if (schema.format === 'date-time') {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(
      value,
    )
  }
  if (schema.format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value)
  if (schema.format === 'email') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
  if (schema.format === 'uri') return /^[a-z][a-z0-9+.-]*:/i.test(value)
  return true
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function typeOf(schema: SchemaObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type
  if (schema.properties) return 'object'
  if (schema.items) return 'array'
  return undefined
}
