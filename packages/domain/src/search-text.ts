/** Lower-case, accent-free, single-spaced text: « Éclairage public » and « eclairage  PUBLIC » compare equal. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

/** A record's readable key from its name: « Service commun Archives » → « service-commun-archives », at most `length` characters. */
export function slugOf(name: string, length: number): string {
  return searchText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, length)
}
