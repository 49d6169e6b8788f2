import { spawn, type ChildProcess } from 'node:child_process'
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** Marks the host's own lines among whatever Prism logs to stdout. */
const HOST_PREFIX = '@@prism-host '

/** A file Prism serves (`url`) or could not load (`error`). */
export type ServedFile =
  { file: string; url: string } | { file: string; error: string }

const running = new Set<ChildProcess>()

/**
 * Copies the v2 files and the shared schemas they point at into a temporary
 * folder with the same layout, so `../common/...` refs resolve there.
 * Local refs to a schema the file does not define, but the common file does,
 * are pointed at the common file: `apps/links.json` refers to
 * `#/components/schemas/BadRequestDTO` and `UnauthorizedDTO`, which Prism
 * refuses to load. The spec folder itself is never written to.
 */
export function prepareSpecCopy(
  specDir: string,
  files: string[],
): { dir: string; patched: Record<string, string[]>; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'highlevel-conformance-'))
  mkdirSync(join(dir, 'apps'))
  mkdirSync(join(dir, 'common'))
  const commonText = readFileSync(
    join(specDir, 'common', 'common-schemas.json'),
    'utf8',
  )
  writeFileSync(join(dir, 'common', 'common-schemas.json'), commonText)
  const commonSchemas = JSON.parse(commonText).components.schemas as object

  const patched: Record<string, string[]> = {}
  for (const file of files) {
    const text = readFileSync(join(specDir, 'apps', file), 'utf8')
    const own = JSON.parse(text).components?.schemas ?? {}
    const fixed = text.replace(
      /"#\/components\/schemas\/([^"]+)"/g,
      (ref, name: string) => {
        if (name in own || !(name in commonSchemas)) return ref
        ;(patched[file] ??= []).includes(name) || patched[file].push(name)
        return `"../common/common-schemas.json#/components/schemas/${name}"`
      },
    )
    writeFileSync(join(dir, 'apps', file), fixed)
  }
  return {
    dir,
    patched,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * Starts one Node process (prism-host.cjs) that serves each file with
 * Prism on its own loopback port, and reports each file as soon as it is
 * served. Resolves once every file is served or has failed.
 */
export async function startPrismHost(
  files: string[],
  onServed: (served: ServedFile) => void,
): Promise<{ stop(): Promise<void> }> {
  const host = fileURLToPath(new URL('./prism-host.cjs', import.meta.url))
  // stdin stays open: the host exits when it closes, even if we crash.
  const child = spawn(process.execPath, [host, ...files], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  running.add(child)
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child)
      resolve()
    }),
  )
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
  }

  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  // Every line is read to the end, so Prism's own logs never fill the pipe.
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith(HOST_PREFIX)) return
      const message = JSON.parse(line.slice(HOST_PREFIX.length))
      if (message.ready) resolve()
      else onServed(message)
    })
    child.once('exit', () =>
      reject(new Error(`prism-host exited: ${stderr.trim().slice(-2000)}`)),
    )
  })
  try {
    await ready
  } catch (error) {
    await stop()
    throw error
  }
  return { stop }
}

/** Kills every Prism host this module started and that still runs. */
export function stopAllPrism(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

// A failing run must not leave Prism processes behind.
process.once('exit', stopAllPrism)
