import { expect, it } from 'vitest'
import { describeWebhookSuite } from './webhook-suite'

declare const EdgeRuntime: string | undefined

it('runs inside the edge runtime', () => {
  expect(typeof EdgeRuntime).toBe('string')
})

describeWebhookSuite('the edge runtime')
