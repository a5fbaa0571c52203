import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor'

/**
 * Bounds on what one document may ask for, so no request can exhaust the server: depth, cost,
 * aliases, tokens and directives. The commune page and the analysts' examples stay well inside.
 */
export function useQueryLimits() {
  return EnvelopArmorPlugin({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 20 },
    maxTokens: { n: 3_000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: false },
  })
}
