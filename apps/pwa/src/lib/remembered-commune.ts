// The commune chosen on this device, so a mayor opening the app lands on their own commune.
const key = 'mutualis.commune'

export function rememberedCommune(): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function rememberCommune(inseeCode: string) {
  try {
    localStorage.setItem(key, inseeCode)
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
}
