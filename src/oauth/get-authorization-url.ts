/** Options of `getAuthorizationUrl`. */
export interface AuthorizationUrlOptions {
  /** The app's client id. */
  clientId: string
  /** Where HighLevel sends the user back with `?code=`. */
  redirectUri: string
  /** Scopes the app asks for, e.g. `['contacts.readonly']`. */
  scopes: readonly string[] | string
  /**
   * `true` for the white-label host (`marketplace.leadconnectorhq.com`),
   * or a host of your own; `marketplace.gohighlevel.com` by default.
   */
  whiteLabel?: boolean | string
  /**
   * `self` opens the login of a logged-out user in the same tab instead
   * of a new one (HighLevel's default).
   */
  loginWindowOpenMode?: 'self' | 'new'
  /** Opaque value HighLevel hands back, to tie the callback to the user. */
  state?: string
}

/**
 * Builds the URL that starts the authorization code flow: send the
 * location or agency admin there to install the app. Needs no client
 * secret, so it can run anywhere.
 *
 * https://marketplace.gohighlevel.com/docs/Authorization/Authorization
 *
 * @example
 * const url = getAuthorizationUrl({
 *   clientId: 'app1-x',
 *   redirectUri: 'https://myapp.com/oauth/callback',
 *   scopes: ['contacts.readonly', 'calendars.write'],
 * })
 */
export function getAuthorizationUrl(options: AuthorizationUrlOptions): string {
  const { whiteLabel, scopes } = options
  const host =
    typeof whiteLabel === 'string'
      ? whiteLabel.replace(/^https?:\/\//, '').replace(/\/+$/, '')
      : whiteLabel
        ? 'marketplace.leadconnectorhq.com'
        : 'marketplace.gohighlevel.com'
  const query: [string, string | undefined][] = [
    ['response_type', 'code'],
    ['redirect_uri', options.redirectUri],
    ['client_id', options.clientId],
    ['scope', typeof scopes === 'string' ? scopes : scopes.join(' ')],
    ['state', options.state],
    ['loginWindowOpenMode', options.loginWindowOpenMode],
  ]
  // Spaces between scopes are written %20, not `+`, as in HighLevel's docs.
  const search = query
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${encodeURIComponent(value as string)}`)
    .join('&')
  return `https://${host}/v2/oauth/chooselocation?${search}`
}
