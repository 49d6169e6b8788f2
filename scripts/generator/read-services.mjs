// Reads the v2 OpenAPI files and turns every operation into a plain
// description the emitters work from. Quirks of the data are handled here.
import fs from 'node:fs'
import path from 'node:path'

import { camelCaseParameterName, nameOperation } from './names.mjs'

const METHODS = ['get', 'post', 'put', 'patch', 'delete']
const DEFAULT_VERSION = '2021-07-28'
// The pipeline sends these two headers itself.
const PIPELINE_HEADERS = new Set(['version', 'authorization'])
const BODY_ENCODINGS = {
  'application/json': 'json',
  'multipart/form-data': 'multipart',
  'application/x-www-form-urlencoded': 'form',
}

/** Every `apps/*.json` service (not `apps/v3`), sorted by file name. */
export function readServices(specDir) {
  const appsDir = path.join(specDir, 'apps')
  return fs
    .readdirSync(appsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const service = file.slice(0, -'.json'.length)
      const document = JSON.parse(
        fs.readFileSync(path.join(appsDir, file), 'utf8'),
      )
      return {
        service,
        file: `apps/${file}`,
        document,
        operations: readOperations(service, document),
      }
    })
}

function readOperations(service, document) {
  const operations = []
  for (const [routePath, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue
      operations.push(readOperation(service, routePath, method, operation))
    }
  }
  return operations
}

function readOperation(service, routePath, method, operation) {
  const names = nameOperation(service, operation.operationId)
  const parameters = operation.parameters ?? []
  const versionHeader = parameters.find(
    (parameter) => parameter.in === 'header' && parameter.name === 'Version',
  )
  let security = operation.security ?? []
  // store's get-available-shipping-zones declares no security but requires
  // an `Authorization` header parameter: a bearer token it is.
  const authorization = parameters.find(
    (parameter) =>
      parameter.in === 'header' &&
      parameter.name.toLowerCase() === 'authorization' &&
      parameter.required,
  )
  if (security.length === 0 && authorization) security = [{ bearer: [] }]
  return {
    service,
    operationId: operation.operationId,
    ...names,
    method: method.toUpperCase(),
    path: routePath,
    summary: (operation.summary ?? '').replace(/\s+/g, ' ').trim(),
    deprecated: operation.deprecated === true,
    // 29 operations declare no Version header; the API's default applies.
    version: versionHeader?.schema?.enum?.[0] ?? DEFAULT_VERSION,
    security: unique(
      security.flatMap((requirement) => Object.keys(requirement)),
    ),
    scopes: unique(
      security.flatMap((requirement) => Object.values(requirement).flat()),
    ),
    params: readParameters(routePath, parameters),
    body: readBody(operation.requestBody),
    responseSchema: readResponseSchema(operation.responses ?? {}),
    errorSchemas: readErrorSchemas(operation.responses ?? {}),
  }
}

function readParameters(routePath, parameters) {
  const declared = parameters.filter(
    (parameter) => !PIPELINE_HEADERS.has(parameter.name.toLowerCase()),
  )
  // Some routes use a `{placeholder}` the operation never declares
  // (e.g. PUT /users/{userId}); it is still a required path parameter.
  const placeholders = [...routePath.matchAll(/\{([^}]+)\}/g)].map(
    (match) => match[1],
  )
  const missing = placeholders
    .filter(
      (name) =>
        !declared.some(
          (parameter) => parameter.in === 'path' && parameter.name === name,
        ),
    )
    .map((name) => ({ name, in: 'path', schema: { type: 'string' } }))
  const all = [...missing, ...declared]

  const camelKeys = all.map((parameter) =>
    camelCaseParameterName(parameter.name),
  )
  const used = new Set()
  return all.map((parameter, index) => {
    let key = camelKeys[index]
    // Two wire names that camel-case alike keep their wire names.
    if (camelKeys.filter((other) => other === key).length > 1) {
      key = parameter.name
    }
    // The same wire name in two places (ad-manager's campaignGroupId in
    // path and query): the later one is prefixed with its location.
    if (used.has(key)) key = parameter.in + key[0].toUpperCase() + key.slice(1)
    used.add(key)
    return {
      key,
      name: parameter.name,
      in: parameter.in,
      // A path placeholder cannot be left out, whatever the file says.
      required: parameter.in === 'path' || parameter.required === true,
      explode: parameter.explode,
      deprecated: parameter.deprecated === true,
      schema: parameter.schema,
    }
  })
}

function readBody(requestBody) {
  if (!requestBody) return undefined
  const [contentType, media] = Object.entries(requestBody.content ?? {})[0] ?? [
    'application/json',
    {},
  ]
  const encoding = BODY_ENCODINGS[contentType]
  if (!encoding) {
    throw new Error(`unsupported request body content type ${contentType}`)
  }
  return {
    encoding,
    required: requestBody.required === true,
    schema: media?.schema,
  }
}

/** The JSON schema of the first 2xx response (200, then 201, ...). */
function readResponseSchema(responses) {
  const codes = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()
  for (const code of codes) {
    const schema = responses[code].content?.['application/json']?.schema
    if (schema) return schema
  }
  return undefined
}

function readErrorSchemas(responses) {
  return Object.keys(responses)
    .filter((code) => /^[45]\d\d$/.test(code))
    .sort()
    .map((code) => responses[code].content?.['application/json']?.schema)
    .filter(Boolean)
}

function unique(values) {
  return [...new Set(values)]
}
