// The ceiling of an uncached answer: graphql-yoga with Mutualis's printed schema, answering the
// benchmark's query from memory with graphql-js's default resolvers — no database, no
// authorisation, no ORM. What remains is parsing the request, validating, executing the
// selection over the answer's objects and serialising it: the part of a Mutualis answer that
// data access cannot make cheaper.
import fs from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { createSchema, createYoga } from 'graphql-yoga'

const schemaFile = path.resolve(import.meta.dirname, '../../../../packages/schema/schema.graphql')
const { data } = JSON.parse(fs.readFileSync(process.env.ANSWER_FILE!, 'utf8')) as { data: Record<string, unknown> }
// Each root field returns a fresh copy of the recorded answer, as a resolver returns new objects.
const Query = Object.fromEntries(Object.entries(data).map(([field, value]) => [field, () => structuredClone(value)]))
const yoga = createYoga({ schema: createSchema({ typeDefs: fs.readFileSync(schemaFile, 'utf8'), resolvers: { Query } }), logging: false })
const server = createServer(yoga)
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ceiling ready'))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
