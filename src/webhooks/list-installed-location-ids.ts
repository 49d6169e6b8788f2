import type { Client } from '../client/types'
import { listInstalledLocations } from '../oauth/list-installed-locations'

/** Ids of every location of a company that has this app installed. */
export async function listInstalledLocationIds(
  client: Client,
  companyId: string,
): Promise<string[]> {
  const locations = await listInstalledLocations(client, {
    companyId,
    isInstalled: true,
  })
  return locations
    .filter((location) => location.isInstalled !== false)
    .map((location) => location._id)
    .filter((id) => typeof id === 'string' && id !== '')
}
