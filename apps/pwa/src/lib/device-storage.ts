// What this device remembers between visits (the commune, the intercommunalité, the last answer's
// time). Private browsing or a full disk may refuse storage: a choice then lasts for this visit only.

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Stores a value, or forgets it when null. */
export function store(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // Refused: see above.
  }
}
