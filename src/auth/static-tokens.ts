import type { ClientConfig, TokenResolver } from '../client/types'

/**
 * Resolves tokens given once in the config: a private integration token is
 * sent on every operation; otherwise an agency token goes to operations
 * that accept one and a location token to the rest.
 */
export function createStaticTokenResolver(config: ClientConfig): TokenResolver {
  return {
    async getToken({ operation }) {
      if (operation.security.length === 0) return undefined
      if (config.privateIntegrationToken) return config.privateIntegrationToken

      const agency = operation.security.some((name) =>
        name.startsWith('Agency'),
      )
      const location = operation.security.some(
        (name) => name === 'bearer' || name.startsWith('Location'),
      )
      if (agency && !location) {
        return config.agencyAccessToken ?? config.locationAccessToken
      }
      return config.locationAccessToken ?? config.agencyAccessToken
    },
  }
}
