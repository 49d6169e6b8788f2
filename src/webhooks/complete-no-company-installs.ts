import { listCompanySessionIds, readSession } from '../auth/sessions'
import type { Client } from '../client/types'
import { mintLocationSession } from '../oauth/mint-location-session'
import {
  locationKey,
  noCompanyKey,
  readPending,
  updatePending,
} from './pending-install-records'
import { withStorageLock } from './with-storage-lock'
import { withoutPrefix } from '../core/without-prefix'

/**
 * Tries one company's session on the installs that named no company.
 * HighLevel refuses to mint a location of another company: that install
 * stays pending for the next company session, and nothing is deleted.
 */
export async function completeNoCompanyInstalls(
  client: Client,
  companyId: string,
): Promise<string[]> {
  const key = noCompanyKey(client)
  if (!(await client.storage.get(key))) return []

  return withStorageLock(client.storage, key, async () => {
    const pending = await readPending(client, key)
    if (!(await readSession(client, companyId))) return []
    const minted: string[] = []
    const left: string[] = []
    for (const locationId of pending.locationIds) {
      if (await readSession(client, locationId)) {
        // Its own OAuth flow, or an INSTALL naming its company, came since.
      } else if (await tryMinting(client, companyId, locationId)) {
        minted.push(locationId)
      } else {
        left.push(locationId)
        continue
      }
      await client.storage.delete(locationKey(client, locationId))
    }
    if (left.length) await client.storage.set(key, { locationIds: left })
    else await client.storage.delete(key)
    return minted
  })
}

/** Mints a location's token from one company's session, or says it failed. */
function tryMinting(
  client: Client,
  companyId: string,
  locationId: string,
): Promise<boolean> {
  return mintLocationSession(client, { companyId, locationId }).then(
    () => true,
    (error: Error) => {
      client.logger.debug(
        `pending install of ${locationId} not minted from ${companyId}: ` +
          withoutPrefix(error.message),
      )
      return false
    },
  )
}

/**
 * A location whose install named no company: each stored company session
 * is tried in turn, when the storage adapter can `list` them.
 */
export async function completeNoCompanyInstall(
  client: Client,
  locationId: string,
): Promise<boolean> {
  if (await readSession(client, locationId)) {
    await dropNoCompanyInstall(client, locationId)
    return false
  }
  for (const companyId of await listCompanySessionIds(client)) {
    if (await tryMinting(client, companyId, locationId)) {
      await dropNoCompanyInstall(client, locationId)
      return true
    }
  }
  return false
}

/** Forgets a location among the installs that named no company. */
async function dropNoCompanyInstall(client: Client, locationId: string) {
  await client.storage.delete(locationKey(client, locationId))
  if (!(await client.storage.get(noCompanyKey(client)))) return
  await updatePending(client, noCompanyKey(client), (pending) => {
    pending.locationIds = pending.locationIds.filter((id) => id !== locationId)
    return pending.locationIds.length ? pending : undefined
  })
}
