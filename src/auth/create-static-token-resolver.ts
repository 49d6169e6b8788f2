import type { TokenResolver } from '../client/types'
import { HighLevelError } from '../core/error'
import { chooseCredential } from './choose-credential'

/**
 * The browser build's token resolver: configured tokens only. Stored OAuth
 * sessions are refreshed with the app's client secret, which a page cannot
 * keep, so this resolver refuses OAuth credentials, in `createClient` and
 * in `withConfig` alike, and carries no refresh.
 */
export function createStaticTokenResolver(): TokenResolver {
  return {
    checkConfig(config) {
      if (config.clientId || config.clientSecret) {
        throw new HighLevelError(
          'createClient: clientId and clientSecret are for servers (anyone ' +
            'can read a secret shipped to a browser); in a browser, pass a ' +
            'locationAccessToken your server got from the OAuth session',
          { code: 'invalid_config' },
        )
      }
    },
    // Without a clientId the choice is always a token (or none).
    getToken: (request) =>
      chooseCredential(request) as Promise<string | undefined>,
  }
}
