import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

// The node16 profile checks ESM and CJS consumers under node16 and bundler
// resolution. It leaves out node10 (TypeScript's legacy `moduleResolution:
// node`), which cannot see subpath exports without `typesVersions`.
it('resolves types for ESM, CJS and bundlers (are-the-types-wrong)', async () => {
  const result = await promisify(execFile)(
    'npx',
    [
      '--no-install',
      'attw',
      '--pack',
      '.',
      '--profile',
      'node16',
      '--format',
      'ascii',
    ],
    { cwd: root },
  ).catch((error: { stdout?: string; stderr?: string }) => error)

  expect(result.stderr ?? '', result.stdout).toBe('')
  expect(result.stdout).toContain('No problems found')
}, 60_000)
