import type { Operation } from '../../src/core/operation'
import type { SpecOperation } from './spec'

/** The pipeline writes these two headers itself, from the metadata. */
const PIPELINE_HEADERS = ['version', 'authorization']

const BODY_ENCODINGS: Record<string, Operation['body']> = {
  'application/json': 'json',
  'multipart/form-data': 'multipart',
  'application/x-www-form-urlencoded': 'form',
}

/**
 * Where the generated metadata says something else than the spec about
 * parameters, body and security: things Prism cannot see when the suite
 * sends only required values (an optional parameter under the wrong wire
 * name is simply ignored by Prism).
 */
export function compareMetadata(
  spec: SpecOperation,
  operation: Operation,
): string[] {
  const differences: string[] = []
  const placeholders = [...spec.path.matchAll(/\{([^}]+)\}/g)].map(
    (match) => match[1],
  )
  const metadata = Object.entries(operation.params ?? {}).map(
    ([key, parameter]) => ({ key, ...parameter, name: parameter.name ?? key }),
  )

  for (const parameter of spec.parameters) {
    const isPipelineHeader =
      parameter.in === 'header' &&
      PIPELINE_HEADERS.includes(parameter.name.toLowerCase())
    if (isPipelineHeader) continue
    const declared = metadata.find(
      (entry) => entry.in === parameter.in && entry.name === parameter.name,
    )
    const where = `${parameter.in} parameter ${parameter.name}`
    if (!declared) {
      differences.push(`${where} is missing from the metadata`)
      continue
    }
    if ((parameter.required === true) !== (declared.required === true)) {
      if (!(parameter.in === 'path' && declared.required)) {
        differences.push(
          `${where}: spec required=${parameter.required === true}, ` +
            `metadata required=${declared.required === true}`,
        )
      }
    }
    if ((parameter.explode === false) !== (declared.explode === false)) {
      differences.push(`${where}: explode differs from the spec`)
    }
  }
  for (const entry of metadata) {
    const inSpec = spec.parameters.some(
      (parameter) => parameter.in === entry.in && parameter.name === entry.name,
    )
    const isPlaceholder =
      entry.in === 'path' && placeholders.includes(entry.name)
    if (!inSpec && !isPlaceholder) {
      differences.push(
        `metadata key ${entry.key} (${entry.in} ${entry.name}) is not in the spec`,
      )
    }
  }
  for (const placeholder of placeholders) {
    const declared = metadata.find(
      (entry) => entry.in === 'path' && entry.name === placeholder,
    )
    if (!declared?.required) {
      differences.push(
        `path placeholder {${placeholder}} is not a required parameter`,
      )
    }
  }

  const body = spec.requestBody
  const encoding = body ? BODY_ENCODINGS[body.contentType] : undefined
  if (operation.body !== encoding) {
    differences.push(
      `body: spec ${encoding ?? 'none'}, metadata ${operation.body ?? 'none'}`,
    )
  }
  if (body && (body.required === true) !== (operation.bodyRequired === true)) {
    differences.push(
      `bodyRequired differs from the spec (${body.required === true})`,
    )
  }

  // 29 operations declare no Version; the API's usual one is sent for them.
  const version = spec.parameters.find(
    (parameter) => parameter.in === 'header' && parameter.name === 'Version',
  )?.schema?.enum?.[0]
  if (operation.version !== (version ?? '2021-07-28')) {
    differences.push(
      `version ${operation.version}, spec ${version ?? 'none (2021-07-28)'}`,
    )
  }

  const types = spec.successContentTypes
  const json = types.length === 0 || types.some((type) => /json/.test(type))
  if (json !== (operation.responseType === undefined)) {
    differences.push(
      `responseType ${operation.responseType ?? 'none'} for a 2xx response ` +
        `of ${types.join(', ') || 'no content'}`,
    )
  }

  const security = [...new Set(expectedSecurity(spec))].sort().join(', ')
  if ([...operation.security].sort().join(', ') !== security) {
    differences.push(
      `security: spec [${security}], metadata [${operation.security.join(', ')}]`,
    )
  }
  return differences
}

/**
 * The spec's security names; an operation that declares none but requires
 * an `Authorization` header parameter (store's shipping rates) needs the
 * bearer token all the same.
 */
function expectedSecurity(spec: SpecOperation): string[] {
  if (spec.security.length) return spec.security
  const wantsToken = spec.parameters.some(
    (parameter) =>
      parameter.in === 'header' &&
      parameter.name.toLowerCase() === 'authorization' &&
      parameter.required,
  )
  return wantsToken ? ['bearer'] : []
}
