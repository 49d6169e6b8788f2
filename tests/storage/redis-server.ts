import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

/** Whether `redis-server` can run here; under CI its absence fails. */
export function findRedisServer(): { available: boolean; reason?: string } {
  const probe = spawnSync('redis-server', ['--version'])
  if (!probe.error) return { available: true }
  const reason = 'redis-server is not installed (apt-get install redis-server)'
  if (process.env.CI === 'true') throw new Error(`CI: ${reason}`)
  return { available: false, reason }
}

async function findFreePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Runs a throwaway `redis-server` (no persistence) for one test file and
 * stops it afterwards.
 */
export function useRedisServer(): { url: () => string } {
  let child: ChildProcess | undefined
  let url = ''
  beforeAll(async () => {
    const port = await findFreePort()
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise<void>((resolve, reject) => {
      child!.once('error', reject)
      child!.once('exit', (code) => reject(new Error(`redis exited ${code}`)))
      child!.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve()
      })
    })
    url = `redis://127.0.0.1:${port}`
  })
  afterAll(() => {
    child?.removeAllListeners('exit')
    child?.kill('SIGTERM')
  })
  return { url: () => url }
}
