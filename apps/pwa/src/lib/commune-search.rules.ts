import { searchText } from '@mutualis/domain'

/** Communes whose name contains what was typed, ignoring case and accents (« chenove » finds Chenôve); prefix matches first. */
export function filterCommunes<C extends { name: string; inseeCode: string }>(communes: readonly C[], typed: string): C[] {
  const wanted = searchText(typed).replace(/[-']/g, ' ')
  if (!wanted) return [...communes]
  const scored: Array<{ commune: C; starts: boolean }> = []
  for (const commune of communes) {
    const name = searchText(commune.name).replace(/[-']/g, ' ')
    const index = name.indexOf(wanted)
    if (index >= 0 || commune.inseeCode === wanted) scored.push({ commune, starts: index === 0 })
  }
  return scored.sort((a, b) => Number(b.starts) - Number(a.starts)).map((entry) => entry.commune)
}
