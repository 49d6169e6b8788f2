import type { TokenRequest, TokenResolver } from '../client/types'
import { chooseCredential } from './choose-credential'
import { withoutPrefix } from '../core/without-prefix'
import { describeToken } from './describe-token'
import { isFresh, renewSession } from './renew-session'
import { readSession } from './sessions'

/**
 * Picks the token of each call from the operation's security requirement
 * names: the private integration token, else a static agency or location
 * token, else the stored OAuth session of the location or company the
 * call is about, renewed when it is about to expire.
 */
export function createTokenResolver(): TokenResolver {
  // Calls whose token was renewed already: a 401 on a token that new is
  // not the session's fault, and one renewal per call is the rule.
  const renewed = new WeakSet<TokenRequest>()
  // `refused`: the session token a 401 answered; renew it for one retry.
  const resolve = async (request: TokenRequest, refused?: string) => {
    const choice = await chooseCredential(
      request,
      async (token) => (await describeToken(token)).expiresAt! < Date.now(),
    )
    if (typeof choice !== 'object') return refused ? undefined : choice
    if (renewed.has(request)) return
    const { client } = request
    let session = refused ? undefined : await readSession(client, choice[0])
    if (!session || !(await isFresh(client, session))) {
      renewed.add(request)
      const renewal = renewSession(
        client,
        choice[0],
        refused ?? session?.access_token,
        choice[1],
      )
      // A refresh ahead of expiry that fails leaves a token that still
      // works for a few minutes: the call goes on with it.
      session =
        session && (await isFresh(client, session, 0))
          ? await renewal.catch((error: Error) => {
              client.logger.warn(
                `${request.operation.id}: the session of ${choice[0]} was ` +
                  `not refreshed ahead of expiry (${withoutPrefix(error.message)}); ` +
                  'using it until it expires',
              )
              return session!
            })
          : await renewal
    }
    return session.access_token
  }
  return { getToken: (request) => resolve(request), refreshToken: resolve }
}
