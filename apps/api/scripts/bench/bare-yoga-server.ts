// The reference point of the benchmark: graphql-yoga answering `{ hello }`, nothing else.
import { createServer } from 'node:http'
import { createSchema, createYoga } from 'graphql-yoga'

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'bonjour' } } }),
  logging: false,
})
const server = createServer(yoga)
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare yoga ready'))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
