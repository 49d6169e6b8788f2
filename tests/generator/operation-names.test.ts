import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renamedOperations } from '../../scripts/generator/names.mjs'
import type { Operation } from '../../src/core/operation'
import * as root from '../../src/index'
import { findSpecDir } from './spec-dir'

const specDir = findSpecDir()
const METHODS = ['get', 'post', 'put', 'patch', 'delete']

interface SpecOperation {
  service: string
  operationId: string
  method: string
  path: string
  declaredVersion?: string
}

function readSpecOperations(dir: string): SpecOperation[] {
  const operations: SpecOperation[] = []
  const appsDir = join(dir, 'apps')
  for (const file of readdirSync(appsDir).filter((f) => f.endsWith('.json'))) {
    const document = JSON.parse(readFileSync(join(appsDir, file), 'utf8'))
    for (const [path, item] of Object.entries<Record<string, any>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (!METHODS.includes(method)) continue
        const version = operation.parameters?.find(
          (parameter: any) => parameter.name === 'Version',
        )
        operations.push({
          service: file.replace(/\.json$/, ''),
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          declaredVersion: version?.schema?.enum?.[0],
        })
      }
    }
  }
  return operations
}

// The rule, written out again so the test does not trust the
// generator's own implementation.
const camelCase = (id: string) =>
  id
    .split(/[-_ ]+/)
    .map((part, index) =>
      index
        ? part[0].toUpperCase() + part.slice(1)
        : part[0].toLowerCase() + part.slice(1),
    )
    .join('')

function expectedNames(operation: SpecOperation) {
  const official = camelCase(operation.operationId)
  const rename = renamedOperations.find(
    (entry) =>
      entry.service === operation.service &&
      entry.operationId === operation.operationId,
  )
  return {
    root: rename?.name ?? official,
    // Collisions keep the official name in their service module.
    service:
      rename?.reason === 'collision' ? official : (rename?.name ?? official),
  }
}

async function loadService(service: string): Promise<Record<string, unknown>> {
  return import(`../../src/operations/${service}/index.ts`)
}

describe.skipIf(!specDir)('generated operation names', () => {
  const operations = specDir ? readSpecOperations(specDir) : []

  it('covers all 576 operations of the v2 description', () => {
    expect(operations).toHaveLength(576)
  })

  it('exports one distinct root function per operation, under its expected name', async () => {
    const exported = new Set<unknown>()
    for (const operation of operations) {
      const names = expectedNames(operation)
      const fn = (root as Record<string, unknown>)[names.root]
      expect(typeof fn, `${names.root} (${operation.service})`).toBe('function')
      const module = await loadService(operation.service)
      expect(
        module[names.service],
        `${operation.service}/${names.service}`,
      ).toBe(fn)
      exported.add(fn)

      const metadata = module[`${names.service}Operation`] as Operation
      expect(metadata).toMatchObject({
        id: names.root,
        method: operation.method,
        path: operation.path,
      })
    }
    expect(exported.size).toBe(576)
  })

  it('uses every rename in the table exactly once', () => {
    for (const entry of renamedOperations) {
      const matches = operations.filter(
        (operation) =>
          operation.service === entry.service &&
          operation.operationId === entry.operationId,
      )
      expect(matches, `${entry.service} ${entry.operationId}`).toHaveLength(1)
    }
  })

  it('keeps the official name of a wrong operationId as an alias in its service', async () => {
    const products = await loadService('products')
    expect(products.listInvoices).toBe(root.listProducts)
    const contacts = await loadService('contacts')
    expect(contacts.createAssociation).toBe(root.bulkUpdateContactTags)
  })

  it('sends Version 2021-07-28 for the 29 operations that declare none', async () => {
    const versionless = operations.filter(
      (operation) => !operation.declaredVersion,
    )
    expect(versionless).toHaveLength(29)
    for (const operation of versionless) {
      const names = expectedNames(operation)
      const module = await loadService(operation.service)
      const metadata = module[`${names.service}Operation`] as Operation
      expect(metadata.version, names.root).toBe('2021-07-28')
    }
  })

  it('uses the declared Version header of every other operation', async () => {
    for (const operation of operations.filter((op) => op.declaredVersion)) {
      const names = expectedNames(operation)
      const module = await loadService(operation.service)
      const metadata = module[`${names.service}Operation`] as Operation
      expect(metadata.version, names.root).toBe(operation.declaredVersion)
    }
  })
})
