import type { Hooks } from '../core/hooks'
import type { Operation } from '../core/operation'
import type { RateLimiter, RateLimitInfo } from '../core/rate-limits'
import type { RetryOption } from '../core/retry'
import type { StorageAdapter } from '../storage/types'
import type { Logger, LogLevel } from './logger'

/** Which kind of token to use when an operation accepts both. */
export type TokenType = 'location' | 'agency'

/** Options accepted by `createClient`; hooks run on every call. */
export interface ClientConfig extends Hooks {
  /** Private integration token of a location or an agency. */
  privateIntegrationToken?: string
  /** A static OAuth access token of an agency (company). */
  agencyAccessToken?: string
  /** A static OAuth access token of a location (sub-account). */
  locationAccessToken?: string
  /**
   * OAuth client id of a Marketplace app (`<appId>-<suffix>`). With
   * `clientSecret`, sessions kept in `storage` are used and refreshed.
   */
  clientId?: string
  /** OAuth client secret; server-side only, never ship it to a browser. */
  clientSecret?: string
  /**
   * Where OAuth sessions are kept, keyed by app and location or company id;
   * `memoryStorage()` (lost on restart) by default.
   */
  storage?: StorageAdapter
  /** Token kind used when an operation accepts both; `location` by default. */
  preferredTokenType?: TokenType
  /**
   * Milliseconds before expiry at which a stored session is refreshed
   * ahead of use; 5 minutes by default.
   */
  refreshMargin?: number
  /** API root; defaults to `https://services.leadconnectorhq.com`. */
  baseURL?: string
  /**
   * The `fetch` every request of this client goes through; defaults to the
   * runtime's global `fetch`, looked up at call time.
   */
  fetch?: typeof globalThis.fetch
  /** Headers added to every request. */
  headers?: Record<string, string>
  /** Milliseconds before a request is abandoned; none by default. */
  timeout?: number
  /**
   * Ends every call of this client when aborted (a shutdown switch),
   * together with each call's own `signal` and `timeout`.
   */
  signal?: AbortSignal
  /**
   * Retries of network errors, 408, 429 and 5xx on GET, HEAD, PUT and
   * DELETE: a count, or options; 2 by default, `0` turns them off.
   */
  retry?: RetryOption
  /**
   * Paces calls per location or company to stay under HighLevel's burst
   * limit: `createRateLimiter()`. None by default.
   */
  rateLimiter?: RateLimiter
  /** Receives the package's logs; `console` by default. */
  logger?: Partial<Logger>
  /** Least severe level that is logged; `warn` by default. */
  logLevel?: LogLevel
}

/** Per-call options, the last argument of every operation function. */
export interface RequestOptions extends Hooks {
  /** Overrides the `Version` header the operation declares. */
  version?: string
  /** Extra headers for this call. */
  headers?: Record<string, string>
  /** Milliseconds before this call is abandoned. */
  timeout?: number
  /** Ends the call when aborted. */
  signal?: AbortSignal
  /** Retry rule for this call, over the client's (`0`: no retry). */
  retry?: RetryOption
  /**
   * Location whose OAuth session to use, for operations whose parameters
   * name no location (`getContact`). Not sent to the API.
   */
  locationId?: string
  /** Company (agency) whose OAuth session to use. Not sent to the API. */
  companyId?: string
  /** Token kind for this call when the operation accepts both. */
  preferredTokenType?: TokenType
}

/** What the token resolver is told about a call. */
export interface TokenRequest {
  client: Client
  operation: Operation
  params: Record<string, unknown> | undefined
  body: unknown
  options: RequestOptions | undefined
}

/** Chooses the bearer token for each call. */
export interface TokenResolver {
  /** The token to send, or `undefined` to send no `Authorization`. */
  getToken(request: TokenRequest): Promise<string | undefined>
  /**
   * Called once after a 401 with the token that was refused: a new token
   * for one retry, or `undefined` when there is none to try.
   */
  refreshToken?(
    request: TokenRequest,
    refused: string,
  ): Promise<string | undefined>
  /** Refuses a config this resolver cannot serve (throws). */
  checkConfig?(config: ClientConfig): void
}

/** The plain object `createClient` returns; pass it to every operation. */
export interface Client {
  readonly config: Readonly<ClientConfig> & { readonly baseURL: string }
  readonly fetch: typeof globalThis.fetch
  readonly auth: TokenResolver
  readonly storage: StorageAdapter
  readonly logger: Logger & { isLogged(level: LogLevel): boolean }
  /**
   * The latest `X-RateLimit-*` figures per location or company id (`''`
   * for calls that name neither), shared by clients from `withConfig`.
   */
  readonly rateLimits: Map<string, RateLimitInfo>
}
