/**
 * A package message without its `[highlevel-fetch]` prefix, for passing
 * to the logger, which adds the prefix itself: the line carries it once.
 */
export function withoutPrefix(message: string): string {
  return message.replace(/^\[highlevel-fetch\] /, '')
}
