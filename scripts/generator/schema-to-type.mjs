// A small OpenAPI 3.0 schema → TypeScript type converter, enough for the
// HighLevel v2 files: $ref (local and `../common/...`), allOf/oneOf/anyOf,
// enums, nullable, additionalProperties, arrays and required properties.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A schema name made safe as a TypeScript identifier. */
export function typeNameFor(schemaName) {
  const name = schemaName.replace(/[^A-Za-z0-9_$]/g, '_')
  return /^[0-9]/.test(name) ? `_${name}` : name
}

export function propertyKey(name) {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name)
}

/**
 * Converts one schema to a type expression.
 *
 * `resolveRef(ref)` returns the type expression a `$ref` stands for (a
 * qualified type name, or `unknown` with a comment for a dangling ref).
 */
export function schemaToType(schema, resolveRef) {
  return withNull(schema, baseType(schema, resolveRef))
}

function baseType(schema, resolveRef) {
  if (schema === undefined || schema === null || schema === true) {
    return 'unknown'
  }
  if (typeof schema.$ref === 'string') return resolveRef(schema.$ref)

  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return union(schema.enum.map((value) => JSON.stringify(value)))
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => schemaToType(part, resolveRef))
    if (schema.properties || schema.additionalProperties) {
      parts.push(objectType(schema, resolveRef))
    }
    return intersection(parts)
  }
  const choices = schema.oneOf ?? schema.anyOf
  if (choices)
    return union(choices.map((part) => schemaToType(part, resolveRef)))

  switch (schema.type) {
    case 'string':
      // `format: binary` is a file part of a multipart body.
      return schema.format === 'binary' ? 'Blob' : 'string'
    case 'number':
    case 'integer':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'array':
      return arrayType(schemaToType(schema.items, resolveRef))
    case 'object':
      return objectType(schema, resolveRef)
    default:
      // No type (or the non-standard `any`): an object when it lists
      // properties, anything otherwise.
      return schema.properties ? objectType(schema, resolveRef) : 'unknown'
  }
}

function objectType(schema, resolveRef) {
  const properties = Object.entries(schema.properties ?? {})
  const extra = schema.additionalProperties
  const extraType =
    extra === undefined || extra === false
      ? undefined
      : extra === true
        ? 'unknown'
        : schemaToType(extra, resolveRef)

  if (properties.length === 0) {
    return `Record<string, ${extraType ?? 'unknown'}>`
  }
  const required = new Set(schema.required ?? [])
  const members = properties.map(([name, property]) => {
    const deprecated = property?.deprecated ? '/** @deprecated */\n' : ''
    const optional = required.has(name) ? '' : '?'
    const type = schemaToType(property, resolveRef)
    return `${deprecated}${propertyKey(name)}${optional}: ${type}`
  })
  const literal = `{\n${members.join('\n')}\n}`
  return extraType ? `${literal} & Record<string, ${extraType}>` : literal
}

function withNull(schema, type) {
  return schema?.nullable === true && type !== 'unknown'
    ? union([type, 'null'])
    : type
}

function arrayType(itemType) {
  return /^[A-Za-z0-9_$.]+$/.test(itemType)
    ? `${itemType}[]`
    : `Array<${itemType}>`
}

// A dangling ref reads `/* why */ unknown`, so match on the ending.
const isUnknown = (type) => /(^|\s)unknown$/.test(type)

export function union(types) {
  const unique = [...new Set(types)]
  const unknown = unique.find(isUnknown)
  if (unknown) return unknown
  return unique.length === 1 ? unique[0] : unique.map(wrap).join(' | ')
}

function intersection(types) {
  const known = [...new Set(types)].filter((type) => !isUnknown(type))
  if (known.length === 0) return types[0]
  return known.length === 1 ? known[0] : known.map(wrap).join(' & ')
}

/** Parenthesises a union or intersection used inside another one. */
function wrap(type) {
  return hasTopLevelOperator(type) ? `(${type})` : type
}

function hasTopLevelOperator(type) {
  let depth = 0
  let quote = ''
  for (let index = 0; index < type.length; index++) {
    const char = type[index]
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if ('{(<['.includes(char)) depth++
    else if ('})>]'.includes(char)) depth--
    else if (depth === 0 && (char === '|' || char === '&')) return true
  }
  return false
}
