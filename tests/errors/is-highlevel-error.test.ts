import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, expect, it } from 'vitest'
import { HighLevelError, isHighLevelError } from '../../src/index'

const dir = await mkdtemp(join(tmpdir(), 'hl-error-copy-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

it('recognises an error from another bundle, where instanceof fails', async () => {
  // A second copy of the class, as two bundles of the package would have.
  const outfile = join(dir, 'error-copy.mjs')
  await build({
    entryPoints: ['src/core/error.ts'],
    bundle: true,
    format: 'esm',
    outfile,
    logLevel: 'silent',
  })
  const copy = (await import(pathToFileURL(outfile).href)) as {
    HighLevelError: typeof HighLevelError
  }
  const foreign = new copy.HighLevelError('elsewhere', { code: 'server' })

  expect(foreign instanceof HighLevelError).toBe(false)
  expect(isHighLevelError(foreign)).toBe(true)
})

it('does not take a plain Error or a look-alike object for one', () => {
  expect(isHighLevelError(new Error('x'))).toBe(false)
  expect(isHighLevelError({ name: 'HighLevelError', code: 'server' })).toBe(
    false,
  )
})
