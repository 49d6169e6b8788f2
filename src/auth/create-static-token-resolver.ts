import type { TokenResolver } from '../client/types'
import { chooseCredential } from './choose-credential'

/**
 * The browser build's token resolver: configured tokens only. Stored OAuth
 * sessions are refreshed with the app's client secret, which a page cannot
 * keep, so that build refuses OAuth credentials and carries no refresh.
 */
export function createStaticTokenResolver(): TokenResolver {
  return {
    // Without a clientId the choice is always a token (or none).
    getToken: (request) =>
      chooseCredential(request) as Promise<string | undefined>,
  }
}
