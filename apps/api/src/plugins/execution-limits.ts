import { useExecutionCeiling } from './use-execution-ceiling.ts'
import { useQueryLimits } from './use-query-limits.ts'

/**
 * The bounds on running a document, the same for a /graphql request (http/yoga.ts) and for a read
 * in process (reads/read-as.ts): graphql-armor's on its shape, then the ceiling on values resolved
 * and time. The complexity estimate is the schema's own (builder.ts).
 */
export function executionLimits() {
  return [useQueryLimits(), useExecutionCeiling()]
}
