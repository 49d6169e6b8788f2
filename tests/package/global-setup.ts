import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
const builtFile = join(root, 'dist/index.mjs')

/**
 * The package and size tests read dist/. Build it when it is missing or
 * older than a source file, so `npm test` never measures a stale build.
 * Builds take the same lock as everyone else's `npm run build`.
 */
export default function setup() {
  if (!existsSync(builtFile) || newestSource() > statSync(builtFile).mtimeMs) {
    console.log('[package tests] dist/ is missing or stale: npm run build')
    const hasFlock = spawnable('flock')
    execFileSync(
      hasFlock ? 'flock' : 'npm',
      hasFlock ? ['/tmp/build.lock', 'npm', 'run', 'build'] : ['run', 'build'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    )
  }
}

function newestSource(): number {
  const files = [
    join(root, 'package.json'),
    join(root, 'build.config.ts'),
    ...listFiles(join(root, 'src')),
  ]
  return Math.max(...files.map((file) => statSync(file).mtimeMs))
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

function spawnable(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
