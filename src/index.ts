export { createClient, DEFAULT_BASE_URL } from './client/create-client'
export type {
  Client,
  ClientConfig,
  RequestOptions,
  TokenRequest,
  TokenResolver,
} from './client/types'
export type { Logger, LogLevel } from './client/logger'
export { HighLevelError, isHighLevelError } from './core/error'
export type { HighLevelErrorCode, HighLevelErrorOptions } from './core/error'
export { callOperation } from './core/call-operation'
export type { Operation, ParameterSpec, BodyEncoding } from './core/operation'
export * from './operations/index'
export type { TokenType } from './client/types'
export type { StorageAdapter, StorageSetOptions } from './storage/types'
export { memoryStorage } from './storage/memory-storage'
export {
  readSession,
  writeSession,
  deleteSession,
  getSessionKey,
} from './auth/sessions'
export type { OAuthSession } from './auth/sessions'
export { refreshSession } from './oauth/refresh-session'
export { getAuthorizationUrl } from './oauth/get-authorization-url'
export type { AuthorizationUrlOptions } from './oauth/get-authorization-url'
export { exchangeAuthorizationCode } from './oauth/exchange-authorization-code'
export type { ExchangeAuthorizationCodeOptions } from './oauth/exchange-authorization-code'
export { mintLocationSession } from './oauth/mint-location-session'
export { listInstalledLocations } from './oauth/list-installed-locations'
export type {
  InstalledLocation,
  ListInstalledLocationsParams,
} from './oauth/list-installed-locations'
export { getConfig, withConfig } from './client/config'
export { request } from './core/request'
export type { RawRequest } from './core/request'
export { withResponse } from './core/with-response'
export type { ResponseWith } from './core/with-response'
export type { Hook, HookContext, HookRequestOptions, Hooks } from './core/hooks'
export type { RetryOption, RetryOptions } from './core/retry'
export type { RateLimiter, RateLimitInfo } from './core/rate-limits'
export type { Pagination } from './core/operation'
export { createRateLimiter } from './rate-limit/index'
export type { RateLimiterOptions } from './rate-limit/index'
export { paginate, paginatePages } from './pagination/index'
export type {
  ItemOf,
  ListFunction,
  Page,
  PaginateOptions,
} from './pagination/index'
