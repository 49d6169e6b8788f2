import { HighLevelError } from '../core/error'
import type { RetryOptions } from '../core/retry'
import { memoryStorage } from '../storage/memory-storage'
import { redact } from '../core/redact'
import { createLogger, LEVELS } from './logger'
import type { Client, ClientConfig, TokenResolver } from './types'

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com'

const TOKEN_KEYS = [
  'privateIntegrationToken',
  'agencyAccessToken',
  'locationAccessToken',
  'clientId',
  'clientSecret',
] as const

// The memory-storage warning is given once per process: code that builds
// a client per request (serverless) would log it on every request.
let memoryWarned = false

/**
 * The client object of `createClient`, with the token resolver of the
 * build: the full one, or the browser build's (configured tokens only),
 * which may refuse parts of the config (`withConfig` builds through here
 * too, with the client's resolver).
 */
export function buildClient(config: ClientConfig, auth: TokenResolver): Client {
  auth.checkConfig?.(config ?? {})
  const baseURL = validateConfig(config)
  const logger = createLogger(config.logger, config.logLevel)
  if (config.clientId && !config.storage && !memoryWarned) {
    memoryWarned = logger.isLogged('warn')
    logger.warn(
      'createClient: sessions in memoryStorage() are lost on restart; ' +
        'pass storage (redis, mongodb, unstorage) to keep them',
    )
  }
  const client: Client = {
    config: { ...config, baseURL },
    // Looked up per call, so a fetch installed after createClient is used.
    fetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    auth,
    storage: config.storage ?? memoryStorage(),
    logger,
    rateLimits: new Map(),
  }
  // Printing the client (util.inspect) or JSON.stringify(client) shows the
  // config with its tokens and secret redacted. Node's inspect hook is
  // keyed by Symbol.for, so node:util is not imported.
  const masked = () => ({ config: redact(client.config) })
  return Object.defineProperties(client, {
    toJSON: { value: masked },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: masked },
  })
}

function validateConfig(config: ClientConfig): string {
  const fail = (message: string): never => {
    throw new HighLevelError(`createClient: ${message}`, {
      code: 'invalid_config',
      operation: 'createClient',
    })
  }
  if (typeof config !== 'object' || config === null) {
    fail('config must be an object')
  }

  for (const key of TOKEN_KEYS) {
    const token = config[key]
    if (token !== undefined && (typeof token !== 'string' || token === '')) {
      fail(`${key} must be a non-empty string`)
    }
  }
  if (!config.clientId !== !config.clientSecret) {
    fail('clientId and clientSecret go together: pass both or neither')
  }
  if (!TOKEN_KEYS.some((key) => config[key])) {
    fail(
      'no token given: pass privateIntegrationToken, agencyAccessToken, ' +
        "locationAccessToken, or an OAuth app's clientId and clientSecret",
    )
  }

  if (config.fetch !== undefined && typeof config.fetch !== 'function') {
    fail('fetch must be a function')
  }
  if (
    config.timeout !== undefined &&
    !(typeof config.timeout === 'number' && config.timeout > 0)
  ) {
    fail('timeout must be a positive number of milliseconds')
  }
  const margin = config.refreshMargin
  if (margin !== undefined && !(typeof margin === 'number' && margin >= 0)) {
    fail('refreshMargin must be a number of milliseconds, 0 or more')
  }
  const retry: unknown = config.retry
  const limit =
    typeof retry === 'object' && retry ? (retry as RetryOptions).limit : retry
  if (limit !== undefined && !(Number.isInteger(limit) && Number(limit) >= 0)) {
    fail('retry must be a count of retries (0 or more) or retry options')
  }
  if (config.logLevel !== undefined && !LEVELS.includes(config.logLevel)) {
    fail(`logLevel must be one of ${LEVELS.join(', ')}`)
  }

  const baseURL = config.baseURL ?? DEFAULT_BASE_URL
  let url: URL | undefined
  try {
    url = new URL(baseURL)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    fail(
      `baseURL must be an http(s) URL without query or hash, got "${baseURL}"`,
    )
  }
  return baseURL.replace(/\/+$/, '')
}
