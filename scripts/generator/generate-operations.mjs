// Turns the HighLevel v2 OpenAPI files into the files of src/operations.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import * as prettier from 'prettier'

import { emitCommonSchemas, emitIndex } from './emit-index.mjs'
import { emitService } from './emit-service.mjs'
import paginationTable from './pagination.mjs'
import { readServices } from './read-services.mjs'

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
)

/** The spec dir: an explicit one, `HIGHLEVEL_SPEC_DIR`, or the sibling. */
export function resolveSpecDir(explicit) {
  return path.resolve(
    explicit ??
      process.env.HIGHLEVEL_SPEC_DIR ??
      path.join(repoRoot, '../shared/highlevel-api'),
  )
}

/**
 * Builds every file as `{ relativePath: content }`, formatted with the
 * repository's prettier config, without touching the disk. `pagination`
 * replaces the table of pagination.mjs (tests use it).
 */
export async function buildOperationFiles(
  specDir,
  { pagination = paginationTable } = {},
) {
  const services = readServices(specDir)
  checkNames(services)
  checkPagination(services, pagination)

  const files = {}
  for (const service of services) {
    Object.assign(files, emitService(service, { pagination }))
  }
  files['index.ts'] = emitIndex(services)
  const common = JSON.parse(
    fs.readFileSync(path.join(specDir, 'common/common-schemas.json'), 'utf8'),
  )
  files['common-schemas.ts'] = emitCommonSchemas(common)

  const config = await prettier.resolveConfig(
    path.join(repoRoot, 'src/operations/index.ts'),
  )
  const formatted = {}
  for (const name of Object.keys(files).sort()) {
    formatted[name] = await prettier.format(files[name], {
      ...config,
      parser: 'typescript',
    })
  }
  return { files: formatted, services }
}

/** Replaces `outDir` with freshly generated files. */
export async function generateOperations(specDir, outDir, options) {
  const { files, services } = await buildOperationFiles(specDir, options)
  fs.rmSync(outDir, { recursive: true, force: true })
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(outDir, name)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, content)
  }
  return { files, services }
}

function checkNames(services) {
  const owners = new Map()
  for (const { operations } of services) {
    for (const operation of operations) {
      const where = `${operation.service} ${operation.operationId}`
      const other = owners.get(operation.rootName)
      if (other) {
        throw new Error(
          `${operation.rootName} names both ${other} and ${where}: ` +
            'add a rename to scripts/generator/names.mjs',
        )
      }
      owners.set(operation.rootName, where)
    }
  }
}

function checkPagination(services, pagination) {
  const names = new Set(
    services.flatMap(({ operations }) => operations.map((op) => op.rootName)),
  )
  for (const name of Object.keys(pagination)) {
    if (!names.has(name)) {
      throw new Error(`pagination.mjs: no operation is named ${name}`)
    }
  }
}
