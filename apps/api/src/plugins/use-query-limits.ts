import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor'

/**
 * Bounds on the shape of one document, checked before it runs: depth, aliases, tokens and
 * directives. What the answer would hold (lists multiplied) is the complexity limit of builder.ts,
 * which armor's cost limit cannot count. The commune page and the analysts' examples stay well inside.
 */
export function useQueryLimits() {
  return EnvelopArmorPlugin({
    maxDepth: { n: 12 },
    costLimit: { enabled: false },
    maxAliases: { n: 20 },
    maxTokens: { n: 3_000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: false },
  })
}
