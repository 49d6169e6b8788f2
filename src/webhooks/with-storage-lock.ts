import type { StorageAdapter } from '../storage/types'
import { HighLevelError } from '../core/error'

// Long enough to mint a company's pending tokens; a crashed holder's lock
// expires after it.
const LOCK_TTL = 30_000
const held = new Map<string, Promise<void>>()

/**
 * Runs `task` while holding the lock named `key`: always among callers in
 * this process, and among processes when the storage adapter has `lock`.
 * Read-modify-write of one stored record goes through here, so two
 * webhooks arriving together cannot overwrite each other's change.
 */
export async function withStorageLock<T>(
  storage: StorageAdapter,
  key: string,
  task: () => Promise<T>,
): Promise<T> {
  const previous = held.get(key) ?? Promise.resolve()
  let done!: () => void
  const current = previous.then(
    () => new Promise<void>((resolve) => (done = resolve)),
  )
  held.set(key, current)
  await previous

  try {
    const unlock = await takeStorageLock(storage, key)
    try {
      return await task()
    } finally {
      await unlock?.().catch(() => {})
    }
  } finally {
    done()
    if (held.get(key) === current) held.delete(key)
  }
}

async function takeStorageLock(
  storage: StorageAdapter,
  key: string,
): Promise<(() => Promise<void>) | undefined> {
  if (!storage.lock) return undefined
  const deadline = Date.now() + LOCK_TTL
  for (let wait = 25; ; wait = Math.min(wait * 2, 400)) {
    const unlock = await storage.lock(key, LOCK_TTL)
    if (unlock) return unlock
    if (Date.now() > deadline) {
      throw new HighLevelError(
        `handleWebhook: another process held the lock of ${key} for too ` +
          'long; the webhook is answered 500 so HighLevel delivers it again',
        { code: 'conflict' },
      )
    }
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
}
