export { createRateLimiter } from './create-rate-limiter'
export type { RateLimiterOptions } from './create-rate-limiter'
