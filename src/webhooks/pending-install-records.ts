import { getAppId, getPendingInstallKey } from '../auth/sessions'
import type { Client } from '../client/types'
import { withStorageLock } from './with-storage-lock'

/** Installs waiting for a company session: one company's, or none named. */
export interface PendingInstalls {
  locationIds: string[]
  /** An agency-level or bulk install: every installed location. */
  allLocations?: boolean
}

export const companyKey = (client: Client, companyId: string) =>
  `highlevel:${getAppId(client)}:pending-installs:company:${companyId}`
// Location installs whose payload named no company: HighLevel's AppInstall
// doc says installs to future locations may lack `companyId`.
export const noCompanyKey = (client: Client) =>
  `highlevel:${getAppId(client)}:pending-installs:no-company`
export const locationKey = getPendingInstallKey

/** Changes a pending record under its lock; `undefined` deletes it. */
export async function updatePending(
  client: Client,
  key: string,
  change: (pending: PendingInstalls) => PendingInstalls | undefined,
): Promise<void> {
  await withStorageLock(client.storage, key, async () => {
    const pending = await readPending(client, key)
    const next = change(pending)
    if (next) {
      await client.storage.set(key, next)
      return
    }
    await client.storage.delete(key)
    for (const id of pending.locationIds) {
      await client.storage.delete(locationKey(client, id))
    }
  })
}

export async function readPending(
  client: Client,
  key: string,
): Promise<PendingInstalls> {
  let stored = await client.storage.get(key)
  if (typeof stored === 'string') {
    try {
      stored = JSON.parse(stored)
    } catch {
      stored = undefined
    }
  }
  const record = stored as Partial<PendingInstalls> | undefined
  return {
    locationIds: Array.isArray(record?.locationIds)
      ? record.locationIds.filter((id) => typeof id === 'string')
      : [],
    ...(record?.allLocations ? { allLocations: true } : {}),
  }
}
