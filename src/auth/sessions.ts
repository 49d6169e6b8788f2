import type { Client } from '../client/types'

/**
 * One OAuth session as HighLevel's token endpoint returns it, plus
 * `expire_at`. The field names match the session documents of the
 * official SDK, so an existing collection of them can be reused.
 */
export interface OAuthSession {
  access_token: string
  refresh_token?: string
  token_type?: string
  scope?: string
  /** Seconds the access token was valid for when issued. */
  expires_in?: number
  /** When the access token expires, in milliseconds since the epoch. */
  expire_at?: number
  userType?: 'Location' | 'Company'
  companyId?: string
  locationId?: string
  userId?: string
  [field: string]: unknown
}

/**
 * The app id part of a HighLevel client id (`<appId>-<suffix>`), which
 * scopes stored sessions so one store can serve several apps.
 */
export function getAppId(client: Client): string {
  return client.config.clientId?.split('-')[0] ?? 'default'
}

/** The storage key of the session of one location or company. */
export function getSessionKey(client: Client, resourceId: string): string {
  return `highlevel:${getAppId(client)}:${resourceId}`
}

/**
 * The storage key of a location installed before its company's session was
 * stored (`src/webhooks/pending-installs.ts`); it holds `{ companyId }`, so
 * the first call for the location can mint its token.
 */
export function getPendingInstallKey(client: Client, locationId: string) {
  return getSessionKey(client, 'pending-installs:location:' + locationId)
}

/**
 * Reads the stored session of a location or company id.
 *
 * @example
 * const session = await readSession(client, 'loc_123')
 * if (!session) throw new Error('the app is not installed on loc_123')
 */
export async function readSession(
  client: Client,
  resourceId: string,
): Promise<OAuthSession | undefined> {
  const value = await client.storage.get(getSessionKey(client, resourceId))
  return typeof (value as OAuthSession | null)?.access_token === 'string'
    ? (value as OAuthSession)
    : undefined
}

/**
 * Stores the session of a location or company id, adding `expire_at` from
 * `expires_in` when it is missing. Returns what was stored.
 *
 * @example
 * await writeSession(client, tokens.locationId, tokens)
 */
export async function writeSession(
  client: Client,
  resourceId: string,
  session: OAuthSession,
): Promise<OAuthSession> {
  const stored = { ...session }
  if (stored.expire_at === undefined && stored.expires_in !== undefined) {
    stored.expire_at = Date.now() + stored.expires_in * 1000
  }
  await client.storage.set(getSessionKey(client, resourceId), stored)
  return stored
}

/**
 * Forgets the session of a location or company id, e.g. on an UNINSTALL
 * webhook.
 *
 * @example
 * await deleteSession(client, event.locationId)
 */
export async function deleteSession(
  client: Client,
  resourceId: string,
): Promise<void> {
  await client.storage.delete(getSessionKey(client, resourceId))
}

/**
 * The ids of this app's stored sessions that `match`, when the storage
 * adapter can `list` its keys; none otherwise.
 *
 * @example
 * const companyIds = await listSessionIds(client, (s) => s.userType === 'Company')
 */
export async function listSessionIds(
  client: Client,
  match: (session: OAuthSession) => boolean,
): Promise<string[]> {
  if (!client.storage.list) return []
  const prefix = getSessionKey(client, '')
  const ids: string[] = []
  for (const key of await client.storage.list(prefix)) {
    const resourceId = key.slice(prefix.length)
    // Pending installs and handled webhook ids share the prefix.
    if (/^(pending-installs|webhook):/.test(resourceId)) continue
    const session = await readSession(client, resourceId)
    if (session && match(session)) ids.push(resourceId)
  }
  return ids
}

/** The ids of the stored company sessions (stores with `list` only). */
export function listCompanySessionIds(client: Client): Promise<string[]> {
  return listSessionIds(client, (session) => session.userType === 'Company')
}
