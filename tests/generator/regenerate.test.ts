import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  generateOperations,
  repoRoot,
} from '../../scripts/generator/generate-operations.mjs'
import { findSpecDir } from './spec-dir'

const specDir = findSpecDir()
const committedDir = join(repoRoot, 'src/operations')

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

describe.skipIf(!specDir)('npm run generate', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'highlevel-generate-'))
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  it('reproduces the committed src/operations byte for byte', async () => {
    await generateOperations(specDir!, outDir)

    const generated = listFiles(outDir)
    expect(listFiles(committedDir)).toEqual(generated)
    const firstDifference = generated.find(
      (file) =>
        !readFileSync(join(outDir, file)).equals(
          readFileSync(join(committedDir, file)),
        ),
    )
    expect(
      firstDifference,
      `src/operations/${firstDifference} differs from the generator's output; run npm run generate`,
    ).toBeUndefined()
  }, 120_000)
})
