import type { Plugin } from 'graphql-yoga'
import { documentProblem, requestRefused, variablesProblem } from '../request-limits.ts'

/**
 * Refuses a document nested beyond what the parser can take, and variables nested or listed beyond
 * the limits, as soon as yoga has read them, whatever route or body type brought them: before the
 * parser, the response cache's key or graphql-js's coercion walk them.
 */
export function useRequestLimits(): Plugin {
  return {
    onParams({ params }) {
      const problem = documentProblem(params.query) ?? variablesProblem(params.variables)
      if (problem) throw requestRefused(problem)
    },
  }
}
