import { readSession } from '../auth/sessions'
import type { Client } from '../client/types'
import { mintLocationSession } from '../oauth/mint-location-session'
import {
  completeNoCompanyInstall,
  completeNoCompanyInstalls,
} from './complete-no-company-installs'
import { listInstalledLocationIds } from './list-installed-location-ids'
import {
  companyKey,
  locationKey,
  noCompanyKey,
  readPending,
  updatePending,
} from './pending-install-records'
import { withStorageLock } from './with-storage-lock'

/**
 * Remembers an install whose token cannot be minted yet, because the
 * company's session is not stored or the payload named no company, so it
 * is completed later rather than lost.
 */
export async function recordPendingInstall(
  client: Client,
  companyId: string | undefined,
  locationId: string | undefined,
): Promise<void> {
  const key = companyId ? companyKey(client, companyId) : noCompanyKey(client)
  await updatePending(client, key, (pending) => {
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
 * its session did, then tries that session on the pending installs that
 * named no company (one that is not the company's stays pending).
 * `exchangeAuthorizationCode` calls it when it stores a company session,
 * and webhooks on every INSTALL of the company; call it yourself when you
 * store company sessions another way. Returns the location ids minted;
 * none while the company session is still missing. A pending location
 * called in the meantime was minted on that first call and is not minted
 * again.
 *
 * @example
 * const session = await exchangeAuthorizationCode(client, { code, userType: 'Company' })
 * await completePendingInstalls(client, { companyId: session.companyId })
 */
export async function completePendingInstalls(
  client: Client,
  params: { companyId: string },
): Promise<string[]> {
  const minted = await completeCompanyInstalls(client, params.companyId)
  return minted.concat(
    await completeNoCompanyInstalls(client, params.companyId),
  )
}

async function completeCompanyInstalls(
  client: Client,
  companyId: string,
): Promise<string[]> {
  if (!(await client.storage.get(companyKey(client, companyId)))) return []

  return withStorageLock(
    client.storage,
    companyKey(client, companyId),
    async () => {
      const pending = await readPending(client, companyKey(client, companyId))
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
  const { locationId } = params
  const record = (await client.storage.get(locationKey(client, locationId))) as
    { companyId?: unknown } | undefined
  const companyId = record?.companyId
  if (record && typeof companyId !== 'string') {
    return completeNoCompanyInstall(client, locationId)
  }
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
  const keys: string[] = []
  if (locationId !== undefined) {
    const record = (await client.storage.get(
      locationKey(client, locationId),
    )) as { companyId?: unknown } | undefined
    if (companyId === undefined && typeof record?.companyId === 'string') {
      companyId = record.companyId
    }
    if (record) await client.storage.delete(locationKey(client, locationId))
    // It may also wait among the installs that named no company.
    keys.push(noCompanyKey(client))
  }
  if (companyId !== undefined) keys.push(companyKey(client, companyId))

  for (const key of keys) {
    if (!(await client.storage.get(key))) continue
    await updatePending(client, key, (pending) => {
      if (locationId === undefined) return undefined
      pending.locationIds = pending.locationIds.filter(
        (id) => id !== locationId,
      )
      return pending.locationIds.length || pending.allLocations
        ? pending
        : undefined
    })
  }
}
