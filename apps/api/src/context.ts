import type { YogaInitialContext } from 'graphql-yoga'

/** Per-request context. The Prisma client is a module singleton (db.ts), never carried here. */
export interface Context extends YogaInitialContext {}

export function createContext(initial: YogaInitialContext): Context {
  return initial
}
