export { handleWebhook } from './handle-webhook'
export { processWebhook } from './process-webhook'
export { isWebhookEvent } from './is-webhook-event'
export {
  verifyWebhookSignature,
  type VerifyWebhookSignatureOptions,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookPublicKeys,
  type WebhookSignatureFailure,
  type WebhookVerification,
} from './verify-webhook-signature'
export type {
  WebhookPublicKey,
  WebhookSignatureScheme,
} from './import-public-key'
export {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  HIGHLEVEL_RSA_PUBLIC_KEY,
} from './public-keys'
export {
  completePendingInstall,
  completePendingInstalls,
} from './pending-installs'
export type {
  AnyWebhookEvent,
  UnknownWebhookEvent,
  WebhookContext,
  WebhookHandler,
  WebhookHandlers,
  WebhookOptions,
  WebhookOutcome,
  WebhookRejectionReason,
} from './types'
export * from './events.generated'
