import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'

// Prisma's CLI would download a native schema engine; the wasm build runs offline through a driver adapter.
let initialised = false
function initialiseWasm() {
  if (initialised) return
  const wasmUrl = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
  const module = new WebAssembly.Module(fs.readFileSync(fileURLToPath(wasmUrl)))
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': wasmBindings })
  wasmBindings.__wbg_set_wasm(instance.exports)
  ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
  initialised = true
}

export const prismaDir = path.resolve(import.meta.dirname, '../../prisma')

export function schemaFiles(provider: 'sqlite' | 'postgresql') {
  const dir = path.join(prismaDir, provider)
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.prisma'))
    .map((name) => ({ path: path.join(dir, name), content: fs.readFileSync(path.join(dir, name), 'utf8') }))
}

export interface OpenEngine {
  engine: SchemaEngine
  /** Frees the engine and closes the connections it opened (SQLite keeps the file locked otherwise). */
  close(): Promise<void>
  /** Turns the engine's "External error id#N" into the driver's own message. */
  explain(error: unknown): Error
}

export async function openSchemaEngine(provider: 'sqlite' | 'postgresql', factory: SqlMigrationAwareDriverAdapterFactory): Promise<OpenEngine> {
  initialiseWasm()
  const opened: SqlDriverAdapter[] = []
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  }
  const remember = (adapter: SqlDriverAdapter) => (opened.push(adapter), adapter)
  const bound = bindMigrationAwareSqlAdapterFactory(tracked)
  const datamodels = schemaFiles(provider).map((file) => [file.path, file.content] as [string, string])
  const engine = await wasmBindings.SchemaEngine.new({ datamodels }, () => {}, bound)
  const explain = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const id = /External error id#(\d+)/.exec(message)?.[1]
    const cause = id ? bound.errorRegistry.consumeError(Number(id)) : undefined
    return new Error(cause ? `${message}: ${JSON.stringify(cause.error)}` : message)
  }
  const close = async () => {
    engine.free()
    // Adapters from one factory may share a pool: close each once, whatever the others do.
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()))
  }
  return { engine, explain, close }
}
