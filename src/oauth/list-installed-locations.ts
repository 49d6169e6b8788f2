import { getAppId } from '../auth/sessions'
import type { Client, RequestOptions } from '../client/types'
import {
  getInstalledLocation,
  type GetInstalledLocationParams,
} from '../operations/oauth/index'

/** One location of a company, as `/oauth/installedLocations` lists it. */
export interface InstalledLocation {
  _id: string
  name: string
  address: string
  isInstalled?: boolean
  versionId?: string
  installedAt?: string
  [field: string]: unknown
}

/** Filters of `listInstalledLocations`; `appId` defaults to the client's. */
export type ListInstalledLocationsParams = Omit<
  GetInstalledLocationParams,
  'appId' | 'skip' | 'limit'
> & { appId?: string }

const PAGE_SIZE = 100

/**
 * Lists the locations of a company (agency) where this app is installed,
 * following every page, with the company's stored session.
 *
 * @example
 * const locations = await listInstalledLocations(client, {
 *   companyId: 'co_1',
 *   isInstalled: true,
 * })
 */
export async function listInstalledLocations(
  client: Client,
  params: ListInstalledLocationsParams,
  options?: RequestOptions,
): Promise<InstalledLocation[]> {
  const locations: InstalledLocation[] = []
  for (;;) {
    const page = await getInstalledLocation(
      client,
      {
        appId: getAppId(client),
        ...params,
        skip: String(locations.length),
        limit: String(PAGE_SIZE),
      },
      options,
    )
    const found = (page.locations ?? []) as InstalledLocation[]
    locations.push(...found)
    // The API may cap a page below PAGE_SIZE, so `count` decides the end.
    const done =
      page.count === undefined
        ? found.length < PAGE_SIZE
        : locations.length >= page.count
    if (!found.length || done) return locations
  }
}
