import type { Operation } from '../../src/core/operation'
import type { SchemaObject, SpecOperation, SpecParameter } from './spec'
import { conforms } from './conforms'
import { synthesize, type SynthesisContext } from './synthesize'

export interface CallArguments {
  params?: Record<string, unknown>
  body?: unknown
  /** Examples of this operation that contradict their own schema. */
  badExamples: string[]
  /** Values no synthesis could make valid: their schema admits none. */
  unsatisfiable: string[]
}

/**
 * Arguments for one generated function, synthesised per spec parameter:
 * each camelCase key of the metadata is mapped back to its wire name and
 * location, and gets a value when the spec or the metadata requires it
 * (or always, with `everyParameter`). The body holds required fields only.
 */
export function synthesizeArguments(
  spec: SpecOperation,
  operation: Operation,
  { everyParameter = false } = {},
): CallArguments {
  const badExamples: string[] = []
  const context: SynthesisContext = { resolve: spec.resolve, badExamples }
  const result: CallArguments = { badExamples, unsatisfiable: [] }

  const entries = Object.entries(operation.params ?? {})
  if (entries.length) {
    const params: Record<string, unknown> = {}
    for (const [key, parameter] of entries) {
      const declared = findSpecParameter(
        spec,
        parameter.name ?? key,
        parameter.in,
      )
      const required = parameter.required || declared?.required
      if (!required && !everyParameter) continue
      const value = synthesizeParameter(
        declared,
        context,
        `${parameter.in} ${key}`,
      )
      if (declared?.schema && !conforms(value, declared.schema, spec.resolve)) {
        result.unsatisfiable.push(`${parameter.in} ${key}`)
      }
      params[key] = value
    }
    result.params = params
  }

  if (operation.body && spec.requestBody) {
    const { schema, example, contentType } = spec.requestBody
    const multipart = contentType === 'multipart/form-data'
    result.body = schema
      ? synthesize(schema, { ...context, multipart }, 'body')
      : multipart
        ? {}
        : (example ?? {})
    // A file stands where the schema says `string`; JSON bodies are checked.
    if (schema && !multipart) {
      findInvalidPaths(
        result.body,
        schema,
        spec.resolve,
        'body',
        result.unsatisfiable,
      )
    }
  }
  return result
}

function findSpecParameter(
  spec: SpecOperation,
  name: string,
  location: string,
): SpecParameter | undefined {
  return spec.parameters.find(
    (parameter) => parameter.name === name && parameter.in === location,
  )
}

function synthesizeParameter(
  parameter: SpecParameter | undefined,
  context: SynthesisContext,
  where: string,
): unknown {
  // A `{placeholder}` the operation never declares: any id will do.
  if (!parameter) return 'conformance-id'
  const schema = parameter.schema ?? { type: 'string' }
  const example =
    parameter.example ?? Object.values(parameter.examples ?? {})[0]?.value
  const withExample =
    example !== undefined && schema.example === undefined
      ? { ...schema, example }
      : schema
  return synthesize(withExample, context, where)
}

/** Names the deepest properties of `value` that break `schema`. */
function findInvalidPaths(
  value: unknown,
  schema: SchemaObject,
  resolve: SpecOperation['resolve'],
  where: string,
  found: string[],
): void {
  if (conforms(value, schema, resolve)) return
  const resolved = resolve(schema)
  const parts = [resolved, ...(resolved.allOf ?? [])].map(resolve)
  const before = found.length
  if (Array.isArray(value)) {
    const items = parts.find((part) => part.items)?.items
    if (items) findInvalidPaths(value[0], items, resolve, `${where}[]`, found)
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const property = parts.find((part) => part.properties?.[key])
      if (property) {
        findInvalidPaths(
          item,
          property.properties[key],
          resolve,
          `${where}.${key}`,
          found,
        )
      }
    }
  }
  if (found.length === before) found.push(where)
}
