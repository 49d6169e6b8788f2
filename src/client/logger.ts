/** Any object with these methods can receive the package's logs. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug'

export const LEVELS: readonly LogLevel[] = [
  'silent',
  'error',
  'warn',
  'info',
  'debug',
]

/**
 * Wraps a logger so that calls below `level` do nothing. Callers check
 * `isLogged` before building anything costly for a message.
 */
export function createLogger(
  target: Partial<Logger> = console,
  level: LogLevel = 'warn',
): Logger & { isLogged(level: LogLevel): boolean } {
  const rank = LEVELS.indexOf(level)
  const method =
    (name: Exclude<LogLevel, 'silent'>) =>
    (message: string, details?: Record<string, unknown>) => {
      if (LEVELS.indexOf(name) > rank) return
      const line = `[highlevel-fetch] ${message}`
      if (details) target[name]?.(line, details)
      else target[name]?.(line)
    }
  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    isLogged: (name) => name !== 'silent' && LEVELS.indexOf(name) <= rank,
  }
}
