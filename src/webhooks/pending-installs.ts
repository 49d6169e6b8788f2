import { getAppId, readSession } from '../auth/sessions'
import type { Client } from '../client/types'
import { listInstalledLocationIds } from './list-installed-location-ids'
import { mintLocationSession } from '../oauth/mint-location-session'

/** Installs of one company waiting for its session. */
interface PendingInstalls {
  locationIds: string[]
  /** An agency-level or bulk install: every installed location. */
  allLocations?: boolean
}

const companyKey = (client: Client, companyId: string) =>
  `highlevel:${getAppId(client)}:pending-installs:company:${companyId}`
const locationKey = (client: Client, locationId: string) =>
  `highlevel:${getAppId(client)}:pending-installs:location:${locationId}`

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
  const pending = await readPending(client, companyId)
  if (locationId === undefined) pending.allLocations = true
  else if (!pending.locationIds.includes(locationId)) {
    pending.locationIds.push(locationId)
  }
  await client.storage.set(companyKey(client, companyId), pending)
  if (locationId !== undefined) {
    await client.storage.set(locationKey(client, locationId), { companyId })
  }
}

/**
 * Mints the location tokens of a company's installs that arrived before
 * its session did. Call it once the company session is stored (after the
 * OAuth code exchange); webhooks call it on every INSTALL of the company.
 * Returns the location ids minted; none while the company session is
 * still missing.
 *
 * @example
 * await exchangeCode(client, { code })
 * await completePendingInstalls(client, { companyId })
 */
export async function completePendingInstalls(
  client: Client,
  params: { companyId: string },
): Promise<string[]> {
  const { companyId } = params
  const stored = await client.storage.get(companyKey(client, companyId))
  if (!stored || !(await readSession(client, companyId))) return []

  const pending = await readPending(client, companyId)
  const locationIds = new Set(pending.locationIds)
  if (pending.allLocations) {
    const installed = await listInstalledLocationIds(client, companyId)
    for (const id of installed) locationIds.add(id)
  }
  for (const locationId of locationIds) {
    await mintLocationSession(client, { companyId, locationId })
  }

  await client.storage.delete(companyKey(client, companyId))
  for (const locationId of pending.locationIds) {
    await client.storage.delete(locationKey(client, locationId))
  }
  return [...locationIds]
}

/**
 * Completes a pending install of one location on its first use: mints its
 * token when the company session has arrived since. Returns whether a
 * token was minted.
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

  await mintLocationSession(client, {
    companyId,
    locationId: params.locationId,
  })
  await forgetPendingInstall(client, companyId, params.locationId)
  return true
}

/** Drops a location (or, without one, a whole company) from the pending installs. */
export async function forgetPendingInstall(
  client: Client,
  companyId: string | undefined,
  locationId: string | undefined,
): Promise<void> {
  if (locationId !== undefined) {
    const record = (await client.storage.get(
      locationKey(client, locationId),
    )) as { companyId?: string } | undefined
    companyId ??= record?.companyId
    await client.storage.delete(locationKey(client, locationId))
  }
  if (companyId === undefined) return

  const pending = await readPending(client, companyId)
  if (locationId === undefined) {
    for (const id of pending.locationIds) {
      await client.storage.delete(locationKey(client, id))
    }
    await client.storage.delete(companyKey(client, companyId))
    return
  }
  pending.locationIds = pending.locationIds.filter((id) => id !== locationId)
  if (pending.locationIds.length === 0 && !pending.allLocations) {
    await client.storage.delete(companyKey(client, companyId))
  } else {
    await client.storage.set(companyKey(client, companyId), pending)
  }
}

async function readPending(
  client: Client,
  companyId: string,
): Promise<PendingInstalls> {
  let stored = await client.storage.get(companyKey(client, companyId))
  if (typeof stored === 'string') stored = JSON.parse(stored)
  const record = stored as Partial<PendingInstalls> | undefined
  return {
    locationIds: Array.isArray(record?.locationIds)
      ? record.locationIds.filter((id) => typeof id === 'string')
      : [],
    ...(record?.allLocations ? { allLocations: true } : {}),
  }
}
