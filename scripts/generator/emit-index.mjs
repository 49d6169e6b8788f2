// Emits src/operations/index.ts (every function under its root name, with
// its Params/Body/Response types) and src/operations/common-schemas.ts.
import { generatedHeader } from './emit-service.mjs'
import { pascalCase } from './names.mjs'
import { schemaToType, typeNameFor } from './schema-to-type.mjs'

export function emitIndex(services) {
  const blocks = services.map(({ service, operations }) => {
    const values = []
    const types = []
    for (const operation of operations) {
      values.push(renamed(operation.serviceName, operation.rootName))
      const local = pascalCase(operation.serviceName)
      const root = pascalCase(operation.rootName)
      if (operation.params.length)
        types.push(renamed(`${local}Params`, `${root}Params`))
      if (operation.body) types.push(renamed(`${local}Body`, `${root}Body`))
      types.push(renamed(`${local}Response`, `${root}Response`))
    }
    return (
      `export { ${values.join(', ')} } from './${service}'\n` +
      `export type { ${types.join(', ')} } from './${service}'\n`
    )
  })
  return `${generatedHeader('apps/*.json')}\n${blocks.join('\n')}`
}

function renamed(local, root) {
  return local === root ? local : `${local} as ${root}`
}

export function emitCommonSchemas(document) {
  const resolveRef = (ref) => {
    const name = ref.split('#')[1]?.replace(/^\/components\/schemas\//, '')
    return name && document.components?.schemas?.[name]
      ? typeNameFor(name)
      : `/* ${ref} is not defined in common-schemas.json */ unknown`
  }
  const declarations = Object.entries(document.components?.schemas ?? {}).map(
    ([name, schema]) =>
      `export type ${typeNameFor(name)} = ${schemaToType(schema, resolveRef)}\n`,
  )
  return `${generatedHeader('common/common-schemas.json')}\n${declarations.join('\n')}`
}
