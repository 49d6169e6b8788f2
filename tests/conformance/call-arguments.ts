import type { Operation } from '../../src/core/operation'
import type { SpecOperation, SpecParameter } from './spec'
import { synthesize, type SynthesisContext } from './synthesize'

/** The pipeline writes these two headers itself, from the metadata. */
const PIPELINE_HEADERS = ['version', 'authorization']

export interface CallArguments {
  params?: Record<string, unknown>
  body?: unknown
  /** Examples of this operation that contradict their own schema. */
  badExamples: string[]
}

/**
 * Arguments for one generated function, synthesised per spec parameter:
 * each camelCase key of the metadata is mapped back to its wire name and
 * location, and gets a value when the spec or the metadata requires it.
 */
export function synthesizeArguments(
  spec: SpecOperation,
  operation: Operation,
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
      if (!parameter.required && !declared?.required) continue
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

/** Spec parameters the metadata does not carry, pipeline headers aside. */
export function findUndeclaredParameters(
  spec: SpecOperation,
  operation: Operation,
): SpecParameter[] {
  const declared = Object.entries(operation.params ?? {}).map(
    ([key, parameter]) => `${parameter.in} ${parameter.name ?? key}`,
  )
  return spec.parameters.filter(
    (parameter) =>
      !(
        parameter.in === 'header' &&
        PIPELINE_HEADERS.includes(parameter.name.toLowerCase())
      ) && !declared.includes(`${parameter.in} ${parameter.name}`),
  )
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
