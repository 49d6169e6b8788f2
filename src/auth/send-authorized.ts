import type { TokenRequest } from '../client/types'
import { isHighLevelError } from '../core/error'

/**
 * Sends a call with the token the client's resolver picks. When HighLevel
 * answers 401 and the token came from a stored session, the session is
 * renewed (shared with concurrent callers) and the call sent once more;
 * a second 401 is returned to the caller as is, so nothing loops.
 *
 * A refresh is shared, so it cannot end with one caller's `signal`: the
 * caller stops waiting for it instead, and `send` reports the abort.
 */
export async function sendAuthorized<TResult>(
  request: TokenRequest,
  signal: AbortSignal | undefined,
  send: (token: string | undefined) => Promise<TResult>,
): Promise<TResult> {
  const { auth } = request.client
  const token = await untilAborted(auth.getToken(request), signal)
  try {
    return await send(token)
  } catch (error) {
    if (!token || !isHighLevelError(error) || error.code !== 'unauthorized') {
      throw error
    }
    const fresh = await untilAborted(
      auth.refreshToken?.(request, token),
      signal,
    )
    if (!fresh && !signal?.aborted) throw error
    return send(fresh)
  }
}

/** `promise`'s outcome, or `undefined` as soon as `signal` aborts. */
function untilAborted<T>(
  promise: Promise<T> | undefined,
  signal: AbortSignal | undefined,
): Promise<T | undefined> | undefined {
  if (!signal || !promise) return promise
  return new Promise((resolve, reject) => {
    const stop = () => resolve(undefined)
    signal.addEventListener('abort', stop)
    if (signal.aborted) stop()
    promise
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop))
  })
}
