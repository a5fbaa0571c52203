import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'

/**
 * How many items of a list to render now: the first `step` at once, then `step` more in each
 * following task until `length`. A long list then never makes one long task on a phone's first
 * screen (Lighthouse counts every task over 50 ms as blocking), and what shows first is what is
 * on the first screen. `done` tells when the whole list is in the page.
 */
export function createProgressive(length: Accessor<number>, step: number): { shown: Accessor<number>; done: Accessor<boolean> } {
  const [shown, setShown] = createSignal(step)
  const done = () => shown() >= length()
  createEffect(() => {
    if (done()) return
    const next = setTimeout(() => setShown(shown() + step))
    onCleanup(() => clearTimeout(next))
  })
  return { shown, done }
}
