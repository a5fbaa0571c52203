import { searchText } from '@mutualis/domain'

/** Items whose text holds every typed word, ignoring case and accents. */
export function matchAllWords<T>(items: readonly T[], typed: string, text: (item: T) => string): T[] {
  const words = searchText(typed).split(' ').filter(Boolean)
  if (words.length === 0) return []
  return items.filter((item) => {
    const haystack = searchText(text(item))
    return words.every((word) => haystack.includes(word))
  })
}
