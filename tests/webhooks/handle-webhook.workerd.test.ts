import { expect, it } from 'vitest'
import { describeWebhookSuite } from './webhook-suite'

it('runs inside workerd', () => {
  expect(navigator.userAgent).toBe('Cloudflare-Workers')
})

describeWebhookSuite('workerd')
