import { createSignal } from 'solid-js'

// A hand router: five screens do not need a library, and the first screen stays small.
const [location, setLocation] = createSignal(readLocation())

function readLocation() {
  return { pathname: window.location.pathname, search: window.location.search }
}

window.addEventListener('popstate', () => setLocation(readLocation()))

export const currentLocation = location

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
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
