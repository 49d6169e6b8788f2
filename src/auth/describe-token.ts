/** What an access token's own claims say about it. */
export interface TokenFacts {
  /** Expiry in milliseconds since the epoch. */
  expiresAt?: number
  /** `Location` or `Company`, from HighLevel's `authClass` claim. */
  userType?: string
}

/**
 * Reads the claims of a HighLevel access token with jose's `decodeJwt`,
 * which never verifies: we hold no key to verify with, and only need its
 * expiry and kind. A token that is not a JWT (a private integration
 * token) gives `{}`.
 */
export async function describeToken(token: string): Promise<TokenFacts> {
  try {
    // jose is ESM only: loaded on first use, so require() of the CommonJS
    // build works on Node versions that cannot require() ES modules, and
    // only the decoder is bundled.
    const { decodeJwt } = await import('jose/jwt/decode')
    const claims = decodeJwt(token)
    return {
      expiresAt: claims.exp ? claims.exp * 1000 : undefined,
      userType: claims.authClass as string | undefined,
    }
  } catch {
    return {}
  }
}
