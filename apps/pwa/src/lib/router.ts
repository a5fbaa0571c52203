import { createSignal } from 'solid-js'

// A hand router: five screens do not need a library, and the first screen stays small.
const [location, setLocation] = createSignal(readLocation())

// How many screens of this app lie behind the current one: a « back » button only when there is one.
function readLocation() {
  const depth = (history.state as { depth?: number } | null)?.depth ?? 0
  return { pathname: window.location.pathname, search: window.location.search, depth }
}

window.addEventListener('popstate', () => setLocation(readLocation()))

export const currentLocation = location
export const canGoBack = () => location().depth > 0

export function navigate(to: string, options: { replace?: boolean } = {}) {
  const depth = location().depth
  if (options.replace) history.replaceState({ depth }, '', to)
  else history.pushState({ depth: depth + 1 }, '', to)
  setLocation(readLocation())
  window.scrollTo(0, 0)
}

/** Follows same-origin links without reloading; modified clicks (new tab…) keep their meaning. */
export function interceptLinks(root: HTMLElement) {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = (event.target as Element).closest('a')
    if (!link || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return
    if (link.pathname.startsWith('/graphql')) return
    // Anchors within the page (skip link, section summary) keep the browser's own jump.
    if (link.hash && link.pathname === window.location.pathname && link.search === window.location.search) return
    event.preventDefault()
    navigate(link.pathname + link.search + link.hash)
  })
}
