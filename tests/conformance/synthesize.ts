import { conforms } from './conforms'
import type { SchemaObject } from './spec'

/** How values are written where the schema is about to be used. */
export interface SynthesisContext {
  resolve: (schema: SchemaObject) => SchemaObject
  /** In a multipart body a `format: binary` string becomes a file. */
  multipart?: boolean
  /** Examples that contradict their own schema, as `where: example`. */
  badExamples?: string[]
}

const MAX_DEPTH = 12

// Strings tried, in order, against a `pattern` the spec gives no valid
// example for (times of day, dates, IANA time zones).
const PATTERN_CANDIDATES = ['10:00', '2024-01-15', 'America/New_York', 'abc']

/**
 * A value valid against `schema`, holding required properties only. A
 * schema's own example (or default) is used when it is valid; otherwise the
 * value comes from enum, format, type and bounds.
 */
export function synthesize(
  schema: SchemaObject | undefined,
  context: SynthesisContext,
  where = '',
  depth = 0,
): unknown {
  if (!schema) return 'string'
  const resolved = mergeAllOf(context.resolve(schema), context)
  if (depth > MAX_DEPTH) return resolved.type === 'array' ? [] : {}

  const options = resolved.oneOf ?? resolved.anyOf
  if (options)
    return synthesizeAlternative(resolved, options, context, where, depth)

  const example = pickExample(resolved, context, where)
  if (example !== undefined) return example
  if (Array.isArray(resolved.enum)) {
    return resolved.enum.find((value: unknown) => value !== null)
  }
  if ('const' in resolved) return resolved.const

  switch (typeOf(resolved)) {
    case 'object':
      return synthesizeObject(resolved, context, where, depth)
    case 'array':
      return synthesizeArray(resolved, context, where, depth)
    case 'integer':
    case 'number':
      return synthesizeNumber(resolved)
    case 'boolean':
      return true
    case 'string':
      return synthesizeString(resolved, context)
    default:
      return 'string'
  }
}

function synthesizeAlternative(
  schema: SchemaObject,
  options: SchemaObject[],
  context: SynthesisContext,
  where: string,
  depth: number,
): unknown {
  const example = pickExample(schema, context, where)
  if (example !== undefined) return example
  // oneOf wants exactly one match: take the first candidate no sibling accepts.
  const candidates = options.map((option, index) =>
    synthesize(option, context, `${where}|${index}`, depth + 1),
  )
  return (
    candidates.find((candidate) =>
      conforms(candidate, schema, context.resolve),
    ) ?? candidates[0]
  )
}

function synthesizeObject(
  schema: SchemaObject,
  context: SynthesisContext,
  where: string,
  depth: number,
): unknown {
  const properties: Record<string, SchemaObject> = schema.properties ?? {}
  if (Object.keys(properties).length === 0) {
    const example = schema.example
    return example && typeof example === 'object' ? example : {}
  }
  const object: Record<string, unknown> = {}
  // An upload without its file tests nothing: files go in even if optional.
  const files = context.multipart
    ? Object.keys(properties).filter(
        (key) => context.resolve(properties[key]).format === 'binary',
      )
    : []
  for (const key of new Set([...(schema.required ?? []), ...files])) {
    object[key] = synthesize(
      properties[key],
      context,
      `${where}.${key}`,
      depth + 1,
    )
  }
  return object
}

/**
 * One item, or two distinct ones when the items are an enum: two items show
 * whether an array is written as repeated keys or comma-joined.
 */
function synthesizeArray(
  schema: SchemaObject,
  context: SynthesisContext,
  where: string,
  depth: number,
): unknown[] {
  const items = schema.items ? context.resolve(schema.items) : undefined
  const choices: unknown[] = Array.isArray(items?.enum)
    ? items.enum.filter((value: unknown) => value !== null)
    : []
  const wanted = Math.min(
    Math.max(schema.minItems ?? 1, choices.length >= 2 ? 2 : 1),
    schema.maxItems ?? Infinity,
  )
  if (choices.length >= wanted) return choices.slice(0, wanted)
  const item = synthesize(schema.items, context, `${where}[]`, depth + 1)
  return Array.from({ length: wanted }, () => item)
}

function synthesizeNumber(schema: SchemaObject): number {
  const minimum = schema.minimum ?? (schema.exclusiveMinimum === true ? 1 : 0)
  const value = Math.max(1, minimum)
  return schema.maximum !== undefined ? Math.min(value, schema.maximum) : value
}

function synthesizeString(schema: SchemaObject, context: SynthesisContext) {
  if (schema.format === 'binary' && context.multipart) {
    return new Blob(['conformance test file\n'], { type: 'text/plain' })
  }
  const byFormat: Record<string, string> = {
    'date-time': '2024-01-15T10:00:00.000Z',
    date: '2024-01-15',
    time: '10:00:00',
    email: 'user@example.com',
    uri: 'https://example.com/',
    url: 'https://example.com/',
    uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  }
  let value = byFormat[schema.format] ?? 'string'
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern)
    value =
      PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate)) ?? value
  }
  if (schema.minLength && value.length < schema.minLength) {
    value = value.padEnd(schema.minLength, 'x')
  }
  if (schema.maxLength !== undefined) value = value.slice(0, schema.maxLength)
  return value
}

/** The schema's example, examples or default, when valid against it. */
function pickExample(
  schema: SchemaObject,
  context: SynthesisContext,
  where: string,
): unknown {
  const type = typeOf(schema)
  // Objects are built from their properties, so only required ones are sent.
  if (type === 'object' && schema.properties) return undefined
  const candidates = [
    schema.example,
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    schema.default,
  ].filter((candidate) => candidate !== undefined)
  for (const candidate of candidates) {
    if (conforms(candidate, schema, context.resolve)) return candidate
  }
  if (schema.example !== undefined) {
    context.badExamples?.push(`${where}: ${JSON.stringify(schema.example)}`)
  }
  return undefined
}

/** Folds `allOf` parts into one schema (properties and required merged). */
function mergeAllOf(
  schema: SchemaObject,
  context: SynthesisContext,
): SchemaObject {
  if (!Array.isArray(schema.allOf)) return schema
  const { allOf, ...rest } = schema
  const parts = [
    rest,
    ...allOf.map((part: SchemaObject) =>
      mergeAllOf(context.resolve(part), context),
    ),
  ]
  const merged: SchemaObject = {}
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties')
        merged.properties = { ...merged.properties, ...value }
      else if (key === 'required')
        merged.required = [...new Set([...(merged.required ?? []), ...value])]
      else if (merged[key] === undefined) merged[key] = value
    }
  }
  return merged
}

function typeOf(schema: SchemaObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type
  if (schema.properties) return 'object'
  if (schema.items) return 'array'
  return undefined
}
