import type { TokenRequest } from '../client/types'
import { isHighLevelError } from '../core/error'

/**
 * Sends a call with the token the client's resolver picks. When HighLevel
 * answers 401 and the token came from a stored session, the session is
 * renewed (shared with concurrent callers) and the call sent once more;
 * a second 401 is returned to the caller as is, so nothing loops.
 */
export async function sendAuthorized<TResult>(
  request: TokenRequest,
  send: (token: string | undefined) => Promise<TResult>,
): Promise<TResult> {
  const { auth } = request.client
  const token = await auth.getToken(request)
  try {
    return await send(token)
  } catch (error) {
    const fresh =
      token && isHighLevelError(error) && error.code === 'unauthorized'
        ? await auth.refreshToken?.(request, token)
        : undefined
    if (!fresh) throw error
    return send(fresh)
  }
}
