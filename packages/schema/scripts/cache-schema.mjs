// Writes src/cache-schema.json: the part of schema.graphql graphcache reads at run time (object,
// interface and union types, their fields' types, implementations). The full introspection
// (src/introspection.ts) types the documents at compile time; shipping it would triple the app's
// first download. Run by `pnpm --filter @mutualis/schema generate`; a test checks it is fresh.
import fs from 'node:fs'
import path from 'node:path'
import { buildSchema, introspectionFromSchema } from 'graphql'

const packageDir = path.resolve(import.meta.dirname, '..')

/** A field's type reference, names and wrappers only. */
function typeRef(ref) {
  return ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? { kind: ref.kind, ofType: typeRef(ref.ofType) } : { kind: ref.kind, name: ref.name }
}

export function cacheSchema(sdl) {
  const { __schema: schema } = introspectionFromSchema(buildSchema(sdl), { descriptions: false })
  const kept = new Set(['OBJECT', 'INTERFACE', 'UNION'])
  const types = schema.types
    .filter((type) => kept.has(type.kind) && !type.name.startsWith('__'))
    .map((type) => ({
      kind: type.kind,
      name: type.name,
      ...(type.fields ? { fields: type.fields.map((field) => ({ name: field.name, type: typeRef(field.type) })) } : {}),
      ...(type.kind === 'OBJECT' ? { interfaces: type.interfaces.map((item) => ({ kind: item.kind, name: item.name })) } : {}),
      ...(type.possibleTypes ? { possibleTypes: type.possibleTypes.map((item) => ({ kind: item.kind, name: item.name })) } : {}),
    }))
  return {
    __schema: {
      queryType: { name: schema.queryType.name },
      mutationType: schema.mutationType ? { name: schema.mutationType.name } : null,
      subscriptionType: null,
      types,
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sdl = fs.readFileSync(path.join(packageDir, 'schema.graphql'), 'utf8')
  const output = process.argv[2] ?? path.join(packageDir, 'src/cache-schema.json')
  fs.writeFileSync(output, `${JSON.stringify(cacheSchema(sdl))}\n`)
}
