/** What an access token's own claims say about it. */
export interface TokenFacts {
  /** Expiry in milliseconds since the epoch. */
  expiresAt?: number
  /** `Location` or `Company`, from HighLevel's `authClass` claim. */
  userType?: string
}

/**
 * Reads the claims of a HighLevel access token without verifying it: we
 * hold no key to verify with, and only need its expiry and kind. A token
 * that is not a JWT (a private integration token) gives `{}`.
 */
export function describeToken(token: string): TokenFacts {
  try {
    // https://www.rfc-editor.org/rfc/rfc7519#section-3: base64url JSON
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    const claims = JSON.parse(atob(payload))
    return {
      expiresAt: claims.exp * 1000 || undefined,
      userType: claims.authClass,
    }
  } catch {
    return {}
  }
}
