import type { Client } from '../client/types'
import { HighLevelError, isHighLevelError } from '../core/error'
import { mintLocationSession } from '../oauth/mint-location-session'
import { describeToken } from './describe-token'
import { requestToken } from './request-token'
import {
  getSessionKey,
  readSession,
  writeSession,
  type OAuthSession,
} from './sessions'

// Long enough for one token request; a crashed holder's lock expires.
const LOCK_TTL = 15_000
const fallbackRefreshes = new Map<string, Promise<unknown>>()

/** When the session's access token expires, if known. */
export function getExpiry(session: OAuthSession): number | undefined {
  return session.expire_at ?? describeToken(session.access_token).expiresAt
}

/** Whether the session can be used without a refresh first. */
export function isFresh(client: Client, session: OAuthSession): boolean {
  const expiresAt = getExpiry(session)
  const margin = client.config.refreshMargin ?? 300_000
  return expiresAt === undefined || expiresAt - margin > Date.now()
}

/**
 * Replaces the session of `resourceId` whose access token is `stale`.
 * Callers in this process share one attempt per session; processes that
 * share the store take its lock, and each first re-reads the session in
 * case another one already renewed it. The new session is stored before
 * any caller gets it; a failure leaves the stored session as it was.
 */
export function renewSession(
  client: Client,
  resourceId: string,
  stale: string | undefined,
  companyId?: string,
): Promise<OAuthSession> {
  const key = getSessionKey(client, resourceId)
  const refreshes = client.auth.refreshes ?? fallbackRefreshes
  let pending = refreshes.get(key) as Promise<OAuthSession> | undefined
  if (!pending) {
    pending = renewUnderLock(client, resourceId, key, stale, companyId)
    refreshes.set(key, pending)
    pending.then(
      () => refreshes.delete(key),
      () => refreshes.delete(key),
    )
  }
  return pending
}

async function renewUnderLock(
  client: Client,
  resourceId: string,
  key: string,
  stale: string | undefined,
  companyId: string | undefined,
): Promise<OAuthSession> {
  const { storage } = client
  const deadline = Date.now() + 2 * LOCK_TTL
  for (let wait = 25; ; wait = Math.min(wait * 2, 400)) {
    const release = storage.lock
      ? await storage.lock(key, LOCK_TTL)
      : async () => {}
    if (release) {
      try {
        return await renew(client, resourceId, stale, companyId)
      } finally {
        await release().catch(() => {})
      }
    }

    // Another process is renewing this session: use its result.
    await new Promise((resolve) => setTimeout(resolve, wait))
    const session = await readSession(client, resourceId)
    if (session && session.access_token !== stale && isFresh(client, session)) {
      return session
    }
    if (Date.now() > deadline) {
      throw new HighLevelError(
        `refreshSession: another process held the refresh lock of ` +
          `${resourceId} for too long; the stored session was kept`,
        { code: 'refresh_failed', operation: 'refreshSession' },
      )
    }
  }
}

async function renew(
  client: Client,
  resourceId: string,
  stale: string | undefined,
  companyId: string | undefined,
): Promise<OAuthSession> {
  const current = await readSession(client, resourceId)
  if (current && current.access_token !== stale && isFresh(client, current)) {
    return current
  }

  const isCompany = current?.userType === 'Company'
  const subject = `${isCompany ? 'company' : 'location'} ${resourceId}`
  let failure: unknown
  if (current?.refresh_token) {
    try {
      const tokens = await requestToken(client, 'refreshSession', subject, {
        grant_type: 'refresh_token',
        refresh_token: current.refresh_token,
        user_type: isCompany ? 'Company' : 'Location',
      })
      client.logger.debug(`refreshSession: renewed the session of ${subject}`)
      return await writeSession(client, resourceId, {
        ...current,
        ...tokens,
        expire_at: undefined,
      })
    } catch (error) {
      if (!isHighLevelError(error) || error.code !== 'reauthorize') throw error
      failure = error
    }
  }

  // A location token the app cannot refresh itself can still be minted
  // from the session of the company (agency) that owns the location.
  companyId = current?.companyId ?? companyId
  if (!isCompany && companyId && (await readSession(client, companyId))) {
    return mintLocationSession(client, { companyId, locationId: resourceId })
  }
  throw (
    failure ??
    new HighLevelError(
      `refreshSession: no ${current ? 'refresh token' : 'session'} is ` +
        `stored for ${subject}; install the app on it (see ` +
        'getAuthorizationUrl) or pass a companyId whose session can mint one',
      { code: 'reauthorize', operation: 'refreshSession' },
    )
  )
}

/**
 * Refreshes the stored session of a location or company now, even if it
 * has not expired, and returns the new one. Concurrent calls for the same
 * session share one token request.
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
