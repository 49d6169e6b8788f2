import { renewSession } from '../auth/renew-session'
import { readSession, type OAuthSession } from '../auth/sessions'
import type { Client } from '../client/types'

/**
 * Refreshes the stored session of a location or company now, even if it
 * has not expired, stores the new one and returns it. Concurrent calls
 * for the same session share one token request.
 *
 * @example
 * const session = await refreshSession(client, 'loc_123')
 */
export async function refreshSession(
  client: Client,
  resourceId: string,
): Promise<OAuthSession> {
  const current = await readSession(client, resourceId)
  return renewSession(client, resourceId, current?.access_token ?? '')
}
