import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A JSON schema or OpenAPI object, read as plain data. */
export type SchemaObject = Record<string, any>

export interface SpecParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: SchemaObject
  example?: unknown
  examples?: Record<string, { value?: unknown }>
  explode?: boolean
}

export interface SpecOperation {
  /** File name without `.json`: `contacts`. */
  service: string
  operationId: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  parameters: SpecParameter[]
  /** Media types of the first 2xx response; empty when it has no body. */
  successContentTypes: string[]
  /** Security requirement names (`bearer`, `Location-Access`, ...). */
  security: string[]
  requestBody?: {
    required?: boolean
    contentType: string
    schema?: SchemaObject
    example?: unknown
  }
  /** Resolves a `$ref` found anywhere in this operation's file. */
  resolve: (schema: SchemaObject) => SchemaObject
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/**
 * The API description folder: `HIGHLEVEL_SPEC_DIR`, else
 * `../shared/highlevel-api` beside the repository; undefined when absent.
 */
export function findSpecDir(): string | undefined {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
  const dir = process.env.HIGHLEVEL_SPEC_DIR
    ? resolve(process.env.HIGHLEVEL_SPEC_DIR)
    : resolve(root, '../shared/highlevel-api')
  return existsSync(join(dir, 'apps')) ? dir : undefined
}

/** The v2 files (`apps/*.json`, not `apps/v3`), sorted. */
export function listServiceFiles(specDir: string): string[] {
  return readdirSync(join(specDir, 'apps'))
    .filter((file) => file.endsWith('.json'))
    .sort()
}

/** Every operation of one v2 file, with parameters and body resolved. */
export function readOperations(specDir: string, file: string): SpecOperation[] {
  const document = JSON.parse(readFileSync(join(specDir, 'apps', file), 'utf8'))
  const common = JSON.parse(
    readFileSync(join(specDir, 'common', 'common-schemas.json'), 'utf8'),
  )
  const resolveSchema = createResolver(document, common)
  const service = file.replace(/\.json$/, '')

  const operations: SpecOperation[] = []
  for (const [path, item] of Object.entries<SchemaObject>(document.paths)) {
    for (const [method, operation] of Object.entries<SchemaObject>(item)) {
      if (!METHODS.includes(method)) continue
      const content = operation.requestBody
        ? (resolveSchema(operation.requestBody).content ?? {})
        : undefined
      const [contentType, media] = Object.entries<SchemaObject>(
        content ?? {},
      )[0] ?? ['application/json', {}]
      operations.push({
        service,
        operationId: operation.operationId,
        method: method.toUpperCase() as SpecOperation['method'],
        path,
        parameters: [
          ...(item.parameters ?? []),
          ...(operation.parameters ?? []),
        ].map(resolveSchema) as SpecParameter[],
        successContentTypes: Object.keys(
          Object.entries<SchemaObject>(operation.responses ?? {})
            .filter(([status]) => /^2\d\d$/.test(status))
            .sort()
            .map(([, response]) => resolveSchema(response))[0]?.content ?? {},
        ),
        security: (operation.security ?? document.security ?? []).flatMap(
          (requirement: object) => Object.keys(requirement),
        ),
        requestBody: content && {
          required: operation.requestBody.required,
          contentType,
          schema: media.schema,
          example: media.example ?? firstExample(media.examples),
        },
        resolve: resolveSchema,
      })
    }
  }
  return operations
}

function firstExample(examples: unknown): unknown {
  if (!examples || typeof examples !== 'object') return undefined
  const first = Object.values(examples)[0] as { value?: unknown } | undefined
  return first?.value
}

/**
 * Follows `$ref`s until a schema without one: local refs, refs into the
 * common schemas file, and local refs to a schema only the common file
 * defines (the dangling ones of `apps/links.json`).
 */
function createResolver(document: SchemaObject, common: SchemaObject) {
  const lookup = (root: SchemaObject, pointer: string) =>
    pointer
      .replace(/^\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<any>((node, part) => node?.[part], root)

  return function resolveSchema(schema: SchemaObject): SchemaObject {
    let current = schema
    for (let depth = 0; current && typeof current.$ref === 'string'; depth++) {
      if (depth > 20) throw new Error(`$ref loop at ${current.$ref}`)
      const [file, pointer = ''] = (current.$ref as string).split('#')
      const found = file
        ? lookup(common, pointer)
        : (lookup(document, pointer) ?? lookup(common, pointer))
      if (!found) throw new Error(`unresolved $ref ${current.$ref}`)
      current = found
    }
    return current
  }
}
