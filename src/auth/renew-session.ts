import type { Client } from '../client/types'
import { HighLevelError } from '../core/error'
import { redact } from '../core/redact'
import type { StorageAdapter } from '../storage/types'
import { describeToken } from './describe-token'
import { mintSession } from './mint-session'
import { requestToken, TOKEN_TIMEOUT } from './request-token'
import {
  getPendingInstallKey,
  getSessionKey,
  listCompanySessionIds,
  readSession,
  writeSession,
  type OAuthSession,
} from './sessions'

// Long enough for one token request; a crashed holder's lock expires.
const LOCK_TTL = 15_000
// Per store and session key: renewals in flight (every client of this
// process that shares a store waits for the same token request), and
// renewed sessions the store refused to take, kept until it does.
const renewals = new WeakMap<
  StorageAdapter,
  Map<string, Promise<OAuthSession>>
>()
const unsaved = new WeakMap<StorageAdapter, Map<string, KeptSession>>()

/** A renewed session, and the refresh token of the stored one it replaces. */
interface KeptSession {
  session: OAuthSession
  replaces: string | undefined
}

function mapOf<V>(
  maps: WeakMap<StorageAdapter, Map<string, V>>,
  client: Client,
): Map<string, V> {
  let map = maps.get(client.storage)
  if (!map) maps.set(client.storage, (map = new Map()))
  return map
}

/**
 * Whether the session can be used without renewing it first: it does not
 * expire within `margin` (the client's `refreshMargin`).
 */
export async function isFresh(
  client: Client,
  session?: OAuthSession,
  margin = client.config.refreshMargin ?? 300_000,
): Promise<boolean> {
  const expiresAt =
    session &&
    (session.expire_at ?? (await describeToken(session.access_token)).expiresAt)
  return !!session && !(expiresAt! - margin < Date.now())
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
  const key = getSessionKey(client, resourceId)
  const pending = mapOf(renewals, client)
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
  const stored = await readSession(client, resourceId)
  // A kept session stands for the stored one it replaced, only while the
  // store still holds that one: a delete (UNINSTALL) or a new install wins.
  const keptSessions = mapOf(unsaved, client)
  const key = getSessionKey(client, resourceId)
  const kept = keptSessions.get(key)
  if (kept && kept.replaces !== stored?.refresh_token) keptSessions.delete(key)
  const current = keptSessions.get(key)?.session ?? stored
  if (current?.access_token !== stale && (await isFresh(client, current))) {
    return current === stored
      ? current!
      : save(client, resourceId, current!, stored?.refresh_token)
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
      return await save(
        client,
        resourceId,
        {
          ...current,
          ...tokens,
          expire_at: tokens.expires_in && Date.now() + tokens.expires_in * 1000,
        },
        stored?.refresh_token,
      )
    } catch (error) {
      if ((error as HighLevelError).code !== 'reauthorize') throw error
      keptSessions.delete(key)
      // Without a shared lock another instance may have used the refresh
      // token first: its new session is then in the store.
      const latest = await readSession(client, resourceId)
      if (
        latest &&
        latest.access_token !== stored?.access_token &&
        (await isFresh(client, latest))
      ) {
        return latest
      }
      failure = error
    }
  }

  // A location token the app cannot refresh can be minted from the
  // session of the agency that owns the location. A location installed
  // before that session was stored has a pending install naming its
  // company, or none (HighLevel may leave it out): then each stored
  // company session is tried, when the store can list them.
  const install = (await client.storage.get(
    getPendingInstallKey(client, resourceId),
  )) as { companyId?: string } | undefined
  companyId = current?.companyId ?? companyId ?? install?.companyId
  const companies = companyId
    ? [companyId]
    : install
      ? await listCompanySessionIds(client)
      : []
  for (const id of userType === 'Company' ? [] : companies) {
    if (id === resourceId || !(await readSession(client, id))) continue
    try {
      return await mintSession(client, id, resourceId, {
        timeout: TOKEN_TIMEOUT,
      })
    } catch (error) {
      failure = error
    }
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
  replaces: string | undefined,
): Promise<OAuthSession> {
  const keptSessions = mapOf(unsaved, client)
  const key = getSessionKey(client, resourceId)
  try {
    await writeSession(client, resourceId, session)
    keptSessions.delete(key)
  } catch (error) {
    keptSessions.set(key, { session, replaces })
    client.logger.error(
      `refreshSession: the store refused the renewed session of ${resourceId}` +
        ` (${redact(String(error))}); it is kept in memory until stored`,
    )
  }
  return session
}
