#!/usr/bin/env node
// Regenerates src/webhooks/events.generated.ts (types) and
// src/webhooks/schemas.generated.ts (valibot schemas) from the webhook
// event docs of the HighLevel API description.
//
//   npm run generate:webhooks [-- <spec dir>] [--check]
//
// The spec dir is the first argument, else HIGHLEVEL_SPEC_DIR, else
// ../shared/highlevel-api beside the repository. `--check` writes nothing
// and exits 1 when a file would change.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import prettier from 'prettier'

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
)
export const EVENTS_FILE = 'src/webhooks/events.generated.ts'
export const SCHEMAS_FILE = 'src/webhooks/schemas.generated.ts'

// The `type` each event is sent with, where it differs from the doc's file
// name (read from the docs' examples). ProviderOutboundMessage is sent with
// the channel as its type.
const TYPE_OVERRIDES = {
  AppInstall: ['INSTALL'],
  AppUninstall: ['UNINSTALL'],
  ConversationUnreadWebhook: ['ConversationUnreadUpdate'],
  PlanChange: ['PLAN_CHANGE'],
  ProviderOutboundMessage: ['SMS', 'Email'],
}

// Identifier fields typed as always present when every example has them;
// every other field is optional, since real payloads omit documented ones.
const REQUIRED_WHEN_IN_EVERY_EXAMPLE = new Set([
  'id',
  '_id',
  'locationId',
  'appId',
])

/** The spec dir from an argument, HIGHLEVEL_SPEC_DIR or the default. */
export function resolveSpecDir(argument) {
  return path.resolve(
    argument ??
      process.env.HIGHLEVEL_SPEC_DIR ??
      path.join(repoRoot, '../shared/highlevel-api'),
  )
}

/**
 * Reads every event doc: its name (the file name), the `type` values it
 * is sent with, its fields and the examples it shows.
 */
export function readWebhookEventDocs(specDir) {
  const eventsDir = path.join(specDir, 'docs/webhook-events')
  return fs
    .readdirSync(eventsDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) =>
      readEvent(
        name.slice(0, -3),
        fs.readFileSync(path.join(eventsDir, name), 'utf8'),
      ),
    )
}

/** Reads every event doc and returns `{ [relative path]: file text }`. */
export async function renderWebhookEventFiles(specDir) {
  const events = readWebhookEventDocs(specDir)
  const format = (text) =>
    prettier.format(text, {
      parser: 'typescript',
      semi: false,
      singleQuote: true,
      trailingComma: 'all',
      printWidth: 80,
    })
  return {
    [EVENTS_FILE]: await format(emitTypes(events)),
    [SCHEMAS_FILE]: await format(emitSchemas(events)),
  }
}

function readEvent(name, markdown) {
  const schemas = []
  const sketches = []
  const examples = []
  const fence = /```([a-z_ ]*)([\s\S]*?)```/g
  for (let match; (match = fence.exec(markdown));) {
    const info = match[1].trim()
    const value = parseLenient(match[2])
    if (value === undefined) continue
    const heading = markdown.slice(0, match.index).trim().split('\n').pop()
    if (info.includes('json_schema')) schemas.push(fromJsonSchema(value))
    else if (/schema/i.test(heading)) sketches.push(fromSketch(value))
    else examples.push(value)
  }

  let shape = { kind: 'object', fields: new Map() }
  for (const schema of [...schemas, ...sketches]) shape = merge(shape, schema)
  for (const example of examples) shape = merge(shape, fromExample(example))

  const types = TYPE_OVERRIDES[name] ?? [name]
  shape.fields.delete('type')
  const fields = new Map([
    ['type', { kind: 'literal', values: types, required: true }],
  ])
  for (const [field, type] of shape.fields) {
    const required =
      REQUIRED_WHEN_IN_EVERY_EXAMPLE.has(field) &&
      examples.length > 0 &&
      examples.every((example) => Object.hasOwn(example, field))
    fields.set(field, { ...type, required })
  }
  return { name, types, fields, examples }
}

// The docs hold a trailing comma here and there.
function parseLenient(text) {
  try {
    return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'))
  } catch {
    return undefined
  }
}

function fromJsonSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return unknownType()
  const names = Array.isArray(schema.type) ? schema.type : [schema.type]
  const types = names.map((name) => {
    if (name === 'string' || name === 'Date') return { kind: 'string' }
    if (name === 'number' || name === 'integer') return { kind: 'number' }
    if (name === 'boolean') return { kind: 'boolean' }
    if (name === 'null') return { kind: 'null' }
    if (name === 'array') {
      return {
        kind: 'array',
        items: schema.items ? fromJsonSchema(schema.items) : unknownType(),
      }
    }
    if (name === 'object' || (name === undefined && schema.properties)) {
      const fields = new Map()
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        fields.set(key, fromJsonSchema(value))
      }
      return { kind: 'object', fields }
    }
    return unknownType()
  })
  return types.reduce(merge)
}

// A "schema" written as an example whose values are type names.
function fromSketch(value) {
  if (Array.isArray(value)) {
    return {
      kind: 'array',
      items: value.map(fromSketch).reduce(merge, unknownType()),
    }
  }
  if (typeof value === 'object' && value !== null) {
    const fields = new Map()
    for (const [key, item] of Object.entries(value))
      fields.set(key, fromSketch(item))
    return { kind: 'object', fields }
  }
  return fromJsonSchema({ type: value })
}

function fromExample(value) {
  if (value === null) return { kind: 'null' }
  if (Array.isArray(value)) {
    return {
      kind: 'array',
      items: value.map(fromExample).reduce(merge, unknownType()),
    }
  }
  if (typeof value === 'object') {
    const fields = new Map()
    for (const [key, item] of Object.entries(value))
      fields.set(key, fromExample(item))
    return { kind: 'object', fields }
  }
  return { kind: typeof value === 'number' ? 'number' : typeof value }
}

function unknownType() {
  return { kind: 'unknown' }
}

/** Joins what two sources say about one value. */
function merge(left, right) {
  if (left.kind === 'unknown') return right
  if (right.kind === 'unknown') return left
  if (left.kind === 'union' || right.kind === 'union') {
    let options = left.kind === 'union' ? [...left.options] : [left]
    for (const option of right.kind === 'union' ? right.options : [right]) {
      const index = options.findIndex(
        (existing) => existing.kind === option.kind,
      )
      if (index === -1) options.push(option)
      else options[index] = merge(options[index], option)
    }
    return options.length === 1 ? options[0] : { kind: 'union', options }
  }
  if (left.kind !== right.kind) return { kind: 'union', options: [left, right] }
  if (left.kind === 'array') {
    return { kind: 'array', items: merge(left.items, right.items) }
  }
  if (left.kind === 'object') {
    const fields = new Map(left.fields)
    for (const [key, type] of right.fields) {
      fields.set(key, fields.has(key) ? merge(fields.get(key), type) : type)
    }
    return { kind: 'object', fields }
  }
  return left
}

function propertyName(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`
}

function typeName(event) {
  return `${event.name}Event`
}

function toTypeScript(type) {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
      return type.kind
    case 'literal':
      return type.values.map((value) => `'${value}'`).join(' | ')
    case 'array': {
      const items = toTypeScript(type.items)
      return /[|&]/.test(items) ? `(${items})[]` : `${items}[]`
    }
    case 'union':
      return type.options.map(toTypeScript).join(' | ')
    case 'object': {
      if (type.fields.size === 0) return 'Record<string, unknown>'
      const lines = [...type.fields].map(
        ([key, field]) => `${propertyName(key)}?: ${toTypeScript(field)}`,
      )
      return `{ ${lines.join('; ')} }`
    }
  }
}

function toValibot(type) {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
      return `v.${type.kind}()`
    case 'literal':
      return type.values.length === 1
        ? `v.literal('${type.values[0]}')`
        : `v.picklist([${type.values.map((value) => `'${value}'`).join(', ')}])`
    case 'array':
      return `v.array(${toValibot(type.items)})`
    case 'union':
      return `v.union([${type.options.map(toValibot).join(', ')}])`
    case 'object': {
      if (type.fields.size === 0) return 'v.record(v.string(), v.unknown())'
      const entries = [...type.fields].map(
        ([key, field]) =>
          `${propertyName(key)}: v.optional(${toValibot(field)})`,
      )
      return `v.looseObject({ ${entries.join(', ')} })`
    }
  }
}

const HEADER =
  '// Generated by scripts/generate-webhook-events.mjs from the webhook event\n' +
  '// docs of the HighLevel API description. Do not edit: run\n' +
  '// `npm run generate:webhooks` to regenerate.\n\n'

function emitTypes(events) {
  const out = [HEADER]
  out.push(
    '/** Fields HighLevel adds to every payload for replay protection. */\n' +
      'export interface WebhookEventBase {\n' +
      '  /** When the delivery was signed: ISO 8601, or epoch seconds or ms. */\n' +
      '  timestamp?: string | number\n' +
      '  /** Unique per delivery; a repeated one is a replay. */\n' +
      '  webhookId?: string\n' +
      '}\n\n',
  )
  for (const event of events) {
    out.push(`/** The \`${event.types.join('` or `')}\` webhook payload. */\n`)
    out.push(`export interface ${typeName(event)} extends WebhookEventBase {\n`)
    for (const [key, field] of event.fields) {
      const optional = field.required ? '' : '?'
      out.push(`  ${propertyName(key)}${optional}: ${toTypeScript(field)}\n`)
    }
    out.push('}\n\n')
  }
  out.push('/** Every documented payload, told apart by `type`. */\n')
  out.push(
    `export type WebhookEvent =\n${events.map((event) => `  | ${typeName(event)}`).join('\n')}\n\n`,
  )
  out.push('/** Each documented `type` and the payload sent with it. */\n')
  out.push('export interface WebhookEventMap {\n')
  for (const event of events) {
    for (const type of event.types) {
      out.push(`  ${propertyName(type)}: ${typeName(event)}\n`)
    }
  }
  out.push('}\n\n')
  out.push('/** Every documented event `type`. */\n')
  out.push('export type WebhookEventType = keyof WebhookEventMap\n\n')
  out.push('/** Every documented event `type`, for checks at run time. */\n')
  out.push(
    `export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [${events
      .flatMap((event) => event.types)
      .map((type) => `'${type}'`)
      .join(', ')}]\n`,
  )
  return out.join('')
}

function emitSchemas(events) {
  const out = [HEADER]
  out.push("import * as v from 'valibot'\n")
  out.push(
    `import type { ${events.map(typeName).join(', ')}, WebhookEventType } from './events.generated'\n\n`,
  )
  const replayFields = {
    timestamp: 'v.optional(v.union([v.string(), v.number()]))',
    webhookId: 'v.optional(v.string())',
  }
  for (const event of events) {
    const entries = [...event.fields].map(([key, field]) => {
      const schema = toValibot(field)
      return `${propertyName(key)}: ${field.required ? schema : `v.optional(${schema})`}`
    })
    const name = `${event.name[0].toLowerCase()}${event.name.slice(1)}EventSchema`
    event.schemaName = name
    out.push(`/** Checks a \`${event.types.join('` or `')}\` payload. */\n`)
    out.push(
      `export const ${name}: v.GenericSchema<unknown, ${typeName(event)}> = /* @__PURE__ */ v.looseObject({ ${[
        ...entries,
        ...Object.entries(replayFields)
          .filter(([key]) => !event.fields.has(key))
          .map(([key, schema]) => `${key}: ${schema}`),
      ].join(', ')} })\n\n`,
    )
  }
  out.push('/** The schema for each documented event `type`. */\n')
  out.push(
    "export const webhookEventSchemas: { readonly [TType in WebhookEventType]: v.GenericSchema<unknown, import('./events.generated').WebhookEventMap[TType]> } = {\n",
  )
  for (const event of events) {
    for (const type of event.types) {
      out.push(`  ${propertyName(type)}: ${event.schemaName},\n`)
    }
  }
  out.push('}\n')
  return out.join('')
}

async function main() {
  const args = process.argv.slice(2)
  const check = args.includes('--check')
  const specDir = resolveSpecDir(args.find((arg) => !arg.startsWith('--')))
  if (!fs.existsSync(path.join(specDir, 'docs/webhook-events'))) {
    console.error(
      `[highlevel-fetch] generate:webhooks: no docs/webhook-events in ${specDir}; ` +
        'pass the spec dir as the first argument or set HIGHLEVEL_SPEC_DIR',
    )
    process.exit(1)
  }
  const files = await renderWebhookEventFiles(specDir)
  let stale = false
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(repoRoot, relative)
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
    if (current === text) continue
    stale = true
    if (!check) fs.writeFileSync(target, text)
    console.log(`${check ? 'stale' : 'wrote'} ${relative}`)
  }
  if (check && stale) process.exit(1)
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  await main()
}
