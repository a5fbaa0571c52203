import { searchText } from '@mutualis/domain'

/**
 * Items whose name contains what was typed, ignoring case, accents, hyphens and apostrophes
 * (« chenove » finds Chenôve), or whose code is what was typed (an INSEE code, a SIREN); names
 * starting with it first.
 */
export function filterByName<T extends { name: string }>(items: readonly T[], typed: string, code: (item: T) => string): T[] {
  const wanted = searchText(typed).replace(/[-']/g, ' ')
  if (!wanted) return [...items]
  const scored: Array<{ item: T; starts: boolean }> = []
  for (const item of items) {
    const name = searchText(item.name).replace(/[-']/g, ' ')
    const index = name.indexOf(wanted)
    if (index >= 0 || code(item) === wanted) scored.push({ item, starts: index === 0 })
  }
  return scored.sort((a, b) => Number(b.starts) - Number(a.starts)).map((entry) => entry.item)
}
