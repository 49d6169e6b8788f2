import { expect } from 'vitest'
import { HighLevelError } from '../../src/index'

/** The HighLevelError a call rejects with; fails the test if it resolves. */
export async function failure(
  promise: Promise<unknown>,
): Promise<HighLevelError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(HighLevelError)
  return error as HighLevelError
}
