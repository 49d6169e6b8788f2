import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Operation } from '../../src/core/operation'
import type { GeneratedOperation } from './call-prism'

// CONFORMANCE_OPERATIONS_DIR points the suite at another generated tree,
// e.g. a generator's output before it replaces src/operations.
const operationsDir = resolve(
  process.env.CONFORMANCE_OPERATIONS_DIR ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../../src/operations'),
)

/**
 * The functions a service module exports, by `METHOD path`: every export
 * `xOperation` that is operation metadata, paired with the function `x`.
 * Empty when the module does not exist (yet).
 */
export async function loadGeneratedOperations(
  service: string,
): Promise<Map<string, GeneratedOperation>> {
  const file = [`${service}/index.ts`, `${service}.ts`]
    .map((candidate) => resolve(operationsDir, candidate))
    .find((candidate) => existsSync(candidate))
  const found = new Map<string, GeneratedOperation>()
  if (!file) return found

  const module: Record<string, unknown> = await import(file)
  for (const [exportName, value] of Object.entries(module)) {
    if (!exportName.endsWith('Operation') || !isOperation(value)) continue
    const name = exportName.slice(0, -'Operation'.length)
    const fn = module[name]
    if (typeof fn !== 'function') continue
    found.set(`${value.method} ${value.path}`, {
      name,
      operation: value,
      fn: fn as GeneratedOperation['fn'],
    })
  }
  return found
}

function isOperation(value: unknown): value is Operation {
  const candidate = value as Partial<Operation> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.method === 'string' &&
    typeof candidate.path === 'string'
  )
}
