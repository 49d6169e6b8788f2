import type { Client } from '../client/types'
import { HighLevelError } from '../core/error'
import { redact } from '../core/redact'
import type { StorageAdapter } from '../storage/types'
import { describeToken } from './describe-token'
import { mintSession } from './mint-session'
import { requestToken } from './request-token'
import {
  getPendingInstallKey,
  getSessionKey,
  readSession,
  writeSession,
  type OAuthSession,
} from './sessions'

// Long enough for one token request; a crashed holder's lock expires.
const LOCK_TTL = 15_000
// Renewals in flight per store and session key: every client of this
// process that shares a store waits for the same token request.
const renewals = new WeakMap<
  StorageAdapter,
  Map<string, Promise<OAuthSession>>
>()
// Renewed sessions a store refused to take, by session key, until one
// does: the newest session of an app's location, whichever store it is for.
const unsaved = new Map<string, OAuthSession>()

/** Whether the session can be used without renewing it first. */
export async function isFresh(
  client: Client,
  session?: OAuthSession,
): Promise<boolean> {
  const expiresAt =
    session &&
    (session.expire_at ?? (await describeToken(session.access_token)).expiresAt)
  return (
    !!session &&
    !(expiresAt! - (client.config.refreshMargin ?? 300_000) < Date.now())
  )
}

/**
 * Replaces the session of `resourceId` whose access token is `stale`.
 * Callers share one attempt per session; processes sharing the store
 * take its lock, and each re-reads the session first in case another
 * already renewed it. The new session is stored before any caller gets
 * it; a failure leaves the stored session as it was.
 */
export function renewSession(
  client: Client,
  resourceId: string,
  stale: string | undefined,
  companyId?: string,
): Promise<OAuthSession> {
  const { storage } = client
  const key = getSessionKey(client, resourceId)
  let pending = renewals.get(storage)
  if (!pending) renewals.set(storage, (pending = new Map()))
  let renewal = pending.get(key)
  if (!renewal) {
    renewal = renewUnderLock(client, resourceId, key, stale, companyId)
    pending.set(key, renewal)
    const settle = () => pending.delete(key)
    renewal.then(settle, settle)
  }
  return renewal
}

async function renewUnderLock(
  client: Client,
  resourceId: string,
  key: string,
  stale: string | undefined,
  companyId: string | undefined,
): Promise<OAuthSession> {
  const { storage } = client
  for (let waited = 0; ; waited += 100) {
    // Past the lock's lifetime its holder is gone: renew without it.
    const release =
      !storage.lock || waited > LOCK_TTL
        ? async () => {}
        : await storage.lock(key, LOCK_TTL)
    if (release) {
      try {
        return await renew(client, resourceId, stale, companyId)
      } finally {
        await release().catch(() => {})
      }
    }
    // Another process is renewing it: renew() finds its session once the
    // lock is free.
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function renew(
  client: Client,
  resourceId: string,
  stale: string | undefined,
  companyId: string | undefined,
): Promise<OAuthSession> {
  // Re-read under the lock: the previous holder may have renewed it.
  const kept = unsaved.get(getSessionKey(client, resourceId))
  const current = kept ?? (await readSession(client, resourceId))
  if (current?.access_token !== stale && (await isFresh(client, current))) {
    return kept ? save(client, resourceId, kept) : current!
  }

  const userType =
    current?.userType ??
    (current && (await describeToken(current.access_token)).userType)
  let failure: unknown = new HighLevelError(
    `refreshSession: no session of ${resourceId} is stored that can be ` +
      'used or renewed: install the app there (exchangeAuthorizationCode)',
    { code: 'reauthorize' },
  )
  if (current?.refresh_token) {
    try {
      const tokens = await requestToken(client, 'refreshSession', resourceId, {
        grant_type: 'refresh_token',
        refresh_token: current.refresh_token,
        user_type: userType === 'Company' ? userType : 'Location',
      })
      return await save(client, resourceId, {
        ...current,
        ...tokens,
        expire_at: tokens.expires_in && Date.now() + tokens.expires_in * 1000,
      })
    } catch (error) {
      if ((error as HighLevelError).code !== 'reauthorize') throw error
      // Without a shared lock another instance may have used the refresh
      // token first: its new session is then in the store.
      const latest = await readSession(client, resourceId)
      if (latest && latest.access_token !== current.access_token) return latest
      failure = error
    }
  }

  // A location token the app cannot refresh can be minted from the
  // session of the agency that owns the location; a location installed
  // before that session was stored names its company in a pending install.
  companyId =
    current?.companyId ??
    companyId ??
    (
      (await client.storage.get(getPendingInstallKey(client, resourceId))) as
        { companyId?: string } | undefined
    )?.companyId
  if (
    userType !== 'Company' &&
    companyId &&
    companyId !== resourceId &&
    (await readSession(client, companyId))
  ) {
    return mintSession(client, companyId, resourceId)
  }
  throw failure
}

/**
 * Stores a renewed session. HighLevel has already spent the old refresh
 * token, so a store that fails does not fail the call: the session is
 * kept in this process, and the next call for it stores it again.
 */
async function save(
  client: Client,
  resourceId: string,
  session: OAuthSession,
): Promise<OAuthSession> {
  const key = getSessionKey(client, resourceId)
  try {
    await writeSession(client, resourceId, session)
    unsaved.delete(key)
  } catch (error) {
    unsaved.set(key, session)
    client.logger.error(
      `refreshSession: the store refused the renewed session of ${resourceId}` +
        ` (${redact(String(error))}); it is kept in memory until stored`,
    )
  }
  return session
}
