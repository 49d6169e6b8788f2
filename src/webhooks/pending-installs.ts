import { getAppId, getPendingInstallKey, readSession } from '../auth/sessions'
import type { Client } from '../client/types'
import { mintLocationSession } from '../oauth/mint-location-session'
import { listInstalledLocationIds } from './list-installed-location-ids'
import { withStorageLock } from './with-storage-lock'

/** Installs of one company waiting for its session. */
interface PendingInstalls {
  locationIds: string[]
  /** An agency-level or bulk install: every installed location. */
  allLocations?: boolean
}

const companyKey = (client: Client, companyId: string) =>
  `highlevel:${getAppId(client)}:pending-installs:company:${companyId}`
const locationKey = getPendingInstallKey

/**
 * Remembers an install whose token cannot be minted yet because the
 * company's session is not stored, so it is completed later rather than
 * lost.
 */
export async function recordPendingInstall(
  client: Client,
  companyId: string,
  locationId: string | undefined,
): Promise<void> {
  await updatePending(client, companyId, (pending) => {
    if (locationId === undefined) pending.allLocations = true
    else if (!pending.locationIds.includes(locationId)) {
      pending.locationIds.push(locationId)
    }
    return pending
  })
  if (locationId !== undefined) {
    await client.storage.set(locationKey(client, locationId), { companyId })
  }
}

/**
 * Mints the location tokens of a company's installs that arrived before
 * its session did. `exchangeAuthorizationCode` calls it when it stores a
 * company session, and webhooks on every INSTALL of the company; call it
 * yourself when you store company sessions another way. Returns the
 * location ids minted; none while the company session is still missing.
 * A pending location called in the meantime was minted on that first
 * call and is not minted again.
 *
 * @example
 * const session = await exchangeAuthorizationCode(client, { code, userType: 'Company' })
 * await completePendingInstalls(client, { companyId: session.companyId })
 */
export async function completePendingInstalls(
  client: Client,
  params: { companyId: string },
): Promise<string[]> {
  const { companyId } = params
  if (!(await client.storage.get(companyKey(client, companyId)))) return []

  return withStorageLock(
    client.storage,
    companyKey(client, companyId),
    async () => {
      const pending = await readPending(client, companyId)
      if (!pending.locationIds.length && !pending.allLocations) return []
      if (!(await readSession(client, companyId))) return []

      const locationIds = new Set(pending.locationIds)
      if (pending.allLocations) {
        for (const id of await listInstalledLocationIds(client, companyId)) {
          locationIds.add(id)
        }
      }
      for (const locationId of locationIds) {
        // A pending location called since then was minted on that first
        // use (src/auth/renew-session.ts).
        if (await readSession(client, locationId))
          locationIds.delete(locationId)
        else await mintLocationSession(client, { companyId, locationId })
      }

      await client.storage.delete(companyKey(client, companyId))
      for (const locationId of pending.locationIds) {
        await client.storage.delete(locationKey(client, locationId))
      }
      return [...locationIds]
    },
  )
}

/**
 * Completes a pending install of one location: mints its token when the
 * company session has arrived since. Calls for the location do this on
 * their own (a location without a session is minted from the company
 * session its pending install names); this is for minting ahead of the
 * first call. Returns whether a token was minted.
 *
 * @example
 * await completePendingInstall(client, { locationId })
 * await getContact(client, { contactId }, { locationId })
 */
export async function completePendingInstall(
  client: Client,
  params: { locationId: string },
): Promise<boolean> {
  const record = (await client.storage.get(
    locationKey(client, params.locationId),
  )) as { companyId?: unknown } | undefined
  const companyId = record?.companyId
  if (typeof companyId !== 'string') return false
  if (!(await readSession(client, companyId))) return false

  // Minted already when the location was first called.
  const minted = !(await readSession(client, params.locationId))
  if (minted) {
    await mintLocationSession(client, {
      companyId,
      locationId: params.locationId,
    })
  }
  await forgetPendingInstall(client, companyId, params.locationId)
  return minted
}

/**
 * Drops a location, or without one a whole company, from the pending
 * installs.
 */
export async function forgetPendingInstall(
  client: Client,
  companyId: string | undefined,
  locationId: string | undefined,
): Promise<void> {
  if (locationId !== undefined) {
    const record = (await client.storage.get(
      locationKey(client, locationId),
    )) as { companyId?: unknown } | undefined
    if (companyId === undefined && typeof record?.companyId === 'string') {
      companyId = record.companyId
    }
    if (record) await client.storage.delete(locationKey(client, locationId))
  }
  if (companyId === undefined) return
  if (!(await client.storage.get(companyKey(client, companyId)))) return

  await updatePending(client, companyId, (pending) => {
    if (locationId === undefined) return undefined
    pending.locationIds = pending.locationIds.filter((id) => id !== locationId)
    return pending.locationIds.length || pending.allLocations
      ? pending
      : undefined
  })
}

/** Changes a company's pending record under its lock; `undefined` deletes it. */
async function updatePending(
  client: Client,
  companyId: string,
  change: (pending: PendingInstalls) => PendingInstalls | undefined,
): Promise<void> {
  const key = companyKey(client, companyId)
  await withStorageLock(client.storage, key, async () => {
    const pending = await readPending(client, companyId)
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

async function readPending(
  client: Client,
  companyId: string,
): Promise<PendingInstalls> {
  let stored = await client.storage.get(companyKey(client, companyId))
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
