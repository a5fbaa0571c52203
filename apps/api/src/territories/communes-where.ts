/**
 * The communes a list shows: the territory's current members, unless former ones (that left or
 * merged into a commune nouvelle, kept with their history) are asked for too.
 */
export function communesWhere(includeFormer?: boolean | null) {
  return includeFormer ? { kind: 'COMMUNE' as const } : { kind: 'COMMUNE' as const, leftOn: null }
}
