import type { Operation } from '../core/operation'
import type { Logger, LogLevel } from './logger'

/** Options accepted by `createClient`. */
export interface ClientConfig {
  /** Private integration token of a location or an agency. */
  privateIntegrationToken?: string
  /** A static OAuth access token of an agency (company). */
  agencyAccessToken?: string
  /** A static OAuth access token of a location (sub-account). */
  locationAccessToken?: string
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
  /** Receives the package's logs; `console` by default. */
  logger?: Partial<Logger>
  /** Least severe level that is logged; `warn` by default. */
  logLevel?: LogLevel
}

/** Per-call options, the last argument of every operation function. */
export interface RequestOptions {
  /** Overrides the `Version` header the operation declares. */
  version?: string
  /** Extra headers for this call. */
  headers?: Record<string, string>
  /** Milliseconds before this call is abandoned. */
  timeout?: number
  /** Ends the call when aborted. */
  signal?: AbortSignal
}

/** What the token resolver is told about a call. */
export interface TokenRequest {
  operation: Operation
  params: Record<string, unknown> | undefined
  body: unknown
  options: RequestOptions | undefined
}

/** Chooses the bearer token for each call. */
export interface TokenResolver {
  /** The token to send, or `undefined` to send no `Authorization`. */
  getToken(request: TokenRequest): Promise<string | undefined>
}

/** The plain object `createClient` returns; pass it to every operation. */
export interface Client {
  readonly config: Readonly<ClientConfig> & { readonly baseURL: string }
  readonly fetch: typeof globalThis.fetch
  readonly auth: TokenResolver
  readonly logger: Logger & { isLogged(level: LogLevel): boolean }
}
