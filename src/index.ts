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
