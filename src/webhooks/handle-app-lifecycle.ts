import {
  deleteSession,
  getAppId,
  listSessionIds,
  readSession,
} from '../auth/sessions'
import type { Client } from '../client/types'
import { listInstalledLocationIds } from './list-installed-location-ids'
import { mintLocationSession } from '../oauth/mint-location-session'
import {
  completePendingInstall,
  completePendingInstalls,
  forgetPendingInstall,
  recordPendingInstall,
} from './pending-installs'

/**
 * Keeps stored sessions in step with installs of this app: INSTALL on a
 * location mints its token from the company session; an agency-level or
 * bulk INSTALL (no location) mints one for every installed location; an
 * install that comes before the company session, or names no company, is
 * recorded as pending;
 * UNINSTALL deletes the location's or company's session (and, for the
 * company, the location sessions minted from it). Events of other
 * apps, and clients without a `clientId`, are left alone.
 */
export async function handleAppLifecycle(
  client: Client,
  event: Record<string, unknown>,
): Promise<void> {
  if (event.type !== 'INSTALL' && event.type !== 'UNINSTALL') return
  if (!client.config.clientId) return
  if (event.appId !== getAppId(client)) {
    client.logger.debug(`webhook ${event.type} of another app ignored`)
    return
  }
  const companyId = readId(event.companyId)
  const locationId = readId(event.locationId)

  if (event.type === 'UNINSTALL') {
    const resourceId = locationId ?? companyId
    if (!resourceId) return
    await deleteSession(client, resourceId)
    await forgetPendingInstall(client, companyId, locationId)
    // An agency-level uninstall takes the app from the agency's locations
    // too: the sessions minted from the company's go with it (found when
    // the store can list them).
    if (!locationId) {
      const minted = await listSessionIds(
        client,
        (session) =>
          session.userType !== 'Company' && session.companyId === companyId,
      )
      for (const id of minted) await deleteSession(client, id)
    }
    return
  }

  if (!companyId) {
    // Installs to future locations may come without a company id: kept
    // pending, and tried now with each stored company session.
    // https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/webhook-events/AppInstall.md
    if (!locationId) {
      client.logger.warn('webhook INSTALL names no company and no location')
      return
    }
    if (await readSession(client, locationId)) return
    await recordPendingInstall(client, undefined, locationId)
    if (!(await completePendingInstall(client, { locationId }))) {
      client.logger.info('webhook INSTALL without companyId: pending', {
        locationId,
      })
    }
    return
  }
  if (!(await readSession(client, companyId))) {
    // A location-level app gets the location's session from its own OAuth
    // flow; nothing waits for the company then.
    if (locationId && (await readSession(client, locationId))) return
    await recordPendingInstall(client, companyId, locationId)
    client.logger.info('webhook INSTALL before the company session: pending', {
      companyId,
      locationId,
    })
    return
  }

  const locationIds = locationId
    ? [locationId]
    : await listInstalledLocationIds(client, companyId)
  for (const id of locationIds) {
    await mintLocationSession(client, { companyId, locationId: id })
  }
  await completePendingInstalls(client, { companyId })
}

function readId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
