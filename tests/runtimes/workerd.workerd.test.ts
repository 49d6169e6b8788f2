import { expect, it } from 'vitest'
import { describeRuntimeSuite } from './runtime-suite'

it('runs inside workerd', () => {
  expect(navigator.userAgent).toBe('Cloudflare-Workers')
})

describeRuntimeSuite('workerd')
