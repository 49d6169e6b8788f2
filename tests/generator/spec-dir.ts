import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { resolveSpecDir } from '../../scripts/generator/generate-operations.mjs'

/**
 * The API description the generator reads, or undefined (with the reason
 * printed) when it is absent. Under CI=true its absence is a failure.
 */
export function findSpecDir(): string | undefined {
  const specDir = resolveSpecDir()
  if (existsSync(join(specDir, 'apps'))) return specDir
  const reason = `API description not found at ${specDir} (set HIGHLEVEL_SPEC_DIR)`
  if (process.env.CI === 'true') throw new Error(reason)
  console.warn(`skipping generator tests: ${reason}`)
  return undefined
}
