import { createSignal, type Accessor } from 'solid-js'
import { readStored, store } from './device-storage.ts'
import { useViewer } from './viewer.ts'

// The intercommunalité this device reads: the account's when signed in, otherwise the one chosen
// (or implied by the last commune opened) and remembered on the device. No screen lists the
// communes or searches the actions of every territory the service holds.
const key = 'mutualis.territory'

const [remembered, setRemembered] = createSignal<string | null>(readStored(key))

export function rememberTerritory(siren: string) {
  setRemembered(siren)
  store(key, siren)
}

/** A reader who chose the wrong intercommunalité chooses again. */
export function forgetTerritory() {
  setRemembered(null)
  store(key, null)
}

/**
 * The SIREN of the intercommunalité the reader reads, or null until it is known. `undecided`: no
 * territory yet because the account is still loading (a signed-in reader on a new device must not
 * be asked to choose); `chosen`: the device's choice, not the account's.
 */
export function useTerritory(): { siren: Accessor<string | null>; undecided: Accessor<boolean>; chosen: Accessor<boolean> } {
  const { viewer, known } = useViewer()
  const siren = () => viewer()?.territory.siren ?? remembered()
  return { siren, undecided: () => siren() === null && !known(), chosen: () => !viewer() && remembered() !== null }
}
