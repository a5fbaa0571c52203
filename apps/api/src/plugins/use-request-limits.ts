import type { Plugin } from 'graphql-yoga'
import { requestRefused, variablesProblem } from '../request-limits.ts'

/**
 * Refuses variables nested beyond the limit as soon as yoga has read them, whatever route or body
 * type brought them, before the response cache keys them or graphql-js coerces them.
 */
export function useRequestLimits(): Plugin {
  return {
    onParams({ params }) {
      const problem = variablesProblem(params.variables)
      if (problem) throw requestRefused(problem)
    },
  }
}
