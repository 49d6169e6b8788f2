import type { Operation } from '../../src/core/operation'
import type { SpecOperation, SpecParameter } from './spec'
import { synthesize, type SynthesisContext } from './synthesize'

export interface CallArguments {
  params?: Record<string, unknown>
  body?: unknown
  /** Examples of this operation that contradict their own schema. */
  badExamples: string[]
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
  const result: CallArguments = { badExamples }

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
      params[key] = synthesizeParameter(
        declared,
        context,
        `${parameter.in} ${key}`,
      )
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
