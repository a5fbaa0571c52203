import { createResponseCache } from './use-response-cache.ts'

/** The process's response cache: yoga's plugins, the /graphql route's cached answers, the in-process reads. */
export const responseCache = createResponseCache()
