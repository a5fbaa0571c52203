import { createServer } from 'node:http'
import { ConfigError } from '../config-error.ts'

const port = Number(process.env.PORT ?? 4000)

function fail(message: string): never {
  console.error(`Mutualis n'a pas démarré : ${message}`)
  process.exit(1)
}

// Every request's promise is awaited and answered (handler.ts); should one ever escape, it is logged
// here instead of ending the process and every other request with it (Node's default).
process.on('unhandledRejection', (reason) => console.error('Promesse rejetée sans traitement :', reason))

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT « ${process.env.PORT} » n'est pas un numéro de port (0 à 65535).`)
  // Loaded after the checks above: reading the database configuration may itself raise a ConfigError.
  const { prepareDatabase } = await import('../startup.ts')
  const { createHttpHandler, pwaDist } = await import('./handler.ts')
  const { staticFiles } = await import('./static-files.ts')
  await prepareDatabase()
  const { watchListSizes } = await import('../list-sizes.ts')
  await watchListSizes()
  const handle = createHttpHandler(staticFiles(pwaDist, { warm: true }))
  const server = createServer((req, res) => void handle(req, res))
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`le port ${port} est déjà utilisé ; choisissez-en un autre avec PORT=4001 pnpm start.`)
    if (error.code === 'EACCES') fail(`le port ${port} est réservé ; choisissez un port au-dessus de 1024 avec PORT.`)
    fail(error.message)
  })
  server.listen(port, () => {
    console.log(`Mutualis : http://localhost:${port}/ — GraphQL (GraphiQL) : http://localhost:${port}/graphql`)
  })
  // Stop taking requests, let those under way finish (10 s at most), close the database, exit 0.
  const { db } = await import('../db.ts')
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    console.log('Mutualis s’arrête : les requêtes en cours se terminent, puis la base est fermée.')
    const finished = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const deadline = setTimeout(() => server.closeAllConnections(), 10_000)
    void finished
      .then(() => db.$disconnect())
      .finally(() => {
        clearTimeout(deadline)
        process.exit(0)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message)
  console.error(error)
  fail('erreur inattendue (détail ci-dessus).')
})
