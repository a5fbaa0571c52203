import { readStored, store } from './device-storage.ts'

// The commune chosen on this device, so a mayor opening the app lands on their own commune.
const key = 'mutualis.commune'

export const rememberedCommune = (): string | null => readStored(key)

export const rememberCommune = (inseeCode: string) => store(key, inseeCode)
