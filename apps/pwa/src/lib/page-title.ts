import { createEffect } from 'solid-js'

/** Sets the tab title, which screen readers announce on page change (RGAA 8.6). */
export function usePageTitle(title: () => string) {
  createEffect(() => {
    document.title = `${title()} — Mutualis`
  })
}
