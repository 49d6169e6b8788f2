import { describe, expect, it } from 'vitest'
import { emitService } from '../../scripts/generator/emit-service.mjs'
import { readServices } from '../../scripts/generator/read-services.mjs'
import { findSpecDir } from './spec-dir'

const specDir = findSpecDir()

describe.skipIf(!specDir)('pagination table', () => {
  const contacts = specDir
    ? readServices(specDir).find((entry) => entry.service === 'contacts')
    : undefined

  function metadataOf(pagination: Record<string, unknown>, name: string) {
    const files = emitService(contacts!, { pagination })
    const source: string = files['contacts/index.ts']
    const start = source.indexOf(`export const ${name}Operation`)
    return source.slice(start, source.indexOf('\n', start))
  }

  it('copies an entry into the metadata of the operation it names', () => {
    const line = metadataOf(
      { getContacts: { cursor: 'startAfterId' } },
      'getContacts',
    )
    expect(line).toContain('pagination: {"cursor":"startAfterId"}')
  })

  it('emits a string entry verbatim, as an expression', () => {
    const line = metadataOf({ getContacts: 'pageByCursor' }, 'getContacts')
    expect(line).toContain('pagination: pageByCursor }')
  })

  it('leaves operations without an entry alone', () => {
    const line = metadataOf({ getContacts: { cursor: 'x' } }, 'getContact')
    expect(line).not.toContain('pagination')
  })
})
