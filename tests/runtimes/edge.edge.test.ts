import { expect, it } from 'vitest'
import { describeRuntimeSuite } from './runtime-suite'

declare const EdgeRuntime: string | undefined

it('runs inside the edge runtime', () => {
  expect(typeof EdgeRuntime).toBe('string')
})

describeRuntimeSuite('the edge runtime')
