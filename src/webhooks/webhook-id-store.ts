import { getAppId } from '../auth/sessions'
import type { Client } from '../client/types'
import type { StorageAdapter } from '../storage/types'

// Long enough for any handler; a crashed holder's lock expires after it.
const LOCK_TTL = 60_000

export type RunOnceResult = 'done' | 'duplicate' | 'in_progress'

// Deliveries of one id being handled right now in this process, per store.
const inFlight = new WeakMap<
  StorageAdapter,
  Map<string, Promise<RunOnceResult>>
>()

/**
 * The storage key of a handled webhook id, scoped by app like the
 * sessions kept beside it.
 */
export function getWebhookIdKey(client: Client, webhookId: string): string {
  return `highlevel:${getAppId(client)}:webhook:${webhookId}`
}

/** The store for webhook ids: the one passed in, else the client's. */
export function resolveWebhookIdStore(
  client: Client,
  store: StorageAdapter | undefined,
): StorageAdapter {
  return store ?? client.storage
}

/**
 * Runs `task` for the webhook id stored at `key` unless it already succeeded. The id is
 * marked seen only after `task` resolves, so a failed delivery can be
 * redelivered; a concurrent delivery of the same id waits for the running
 * one and runs `task` itself only if that one failed.
 */
export async function runOnce(
  store: StorageAdapter,
  key: string,
  ttl: number,
  task: () => Promise<void>,
  onMarkFailed: (error: unknown) => void,
): Promise<RunOnceResult> {
  let running = inFlight.get(store)
  if (!running) {
    running = new Map()
    inFlight.set(store, running)
  }

  const current = running.get(key)
  if (current) {
    const result = await current.catch(() => undefined)
    if (result === undefined) {
      return runOnce(store, key, ttl, task, onMarkFailed)
    }
    return result === 'in_progress' ? result : 'duplicate'
  }

  const attempt = runGuarded(store, key, ttl, task, onMarkFailed)
  running.set(key, attempt)
  try {
    return await attempt
  } finally {
    running.delete(key)
  }
}

async function runGuarded(
  store: StorageAdapter,
  key: string,
  ttl: number,
  task: () => Promise<void>,
  onMarkFailed: (error: unknown) => void,
): Promise<RunOnceResult> {
  const release = store.lock ? await store.lock(key, LOCK_TTL) : undefined
  if (release === null) return 'in_progress'
  try {
    const seen = await store.get(key)
    if (seen !== undefined && seen !== null) return 'duplicate'
    await task()
    try {
      await store.set(key, Date.now(), { ttl })
    } catch (error) {
      // The handler already ran; answering with an error would only make
      // HighLevel redeliver an event that was processed.
      onMarkFailed(error)
    }
    return 'done'
  } finally {
    await release?.()
  }
}
