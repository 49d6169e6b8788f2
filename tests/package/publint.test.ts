import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

it('passes publint in strict mode on the packed package', async () => {
  const { messages, pkg } = await publint({ pkgDir: root, strict: true })

  expect(messages.map((message) => formatMessage(message, pkg))).toEqual([])
}, 60_000)
