import { Match, Suspense, Switch, createEffect, lazy, on, onCleanup, onMount, type JSX } from 'solid-js'
import { cacheReady, ClientProvider } from './lib/query.ts'
import type { Client } from '@urql/core'
import { TabBar } from './components/tab-bar.tsx'
import { TopBar } from './components/top-bar.tsx'
import { UpdatePrompt } from './components/update-prompt.tsx'
import { createOutbox, OutboxContext } from './lib/outbox.ts'
import type { OutboxStore } from './lib/outbox-store.ts'
import { urqlSender } from './lib/outbox-sender.ts'
import { rememberedCommune } from './lib/remembered-commune.ts'
import { matchRoute } from './lib/route-match.ts'
import { currentLocation, navigate } from './lib/router.ts'
import { createViewerState, ViewerContext } from './lib/viewer.ts'
import CommunePage from './routes/commune-page.tsx'

// Only « Ma commune » is in the first bundle; the other screens load when opened.
const ActionPage = lazy(() => import('./routes/action-page.tsx'))
const SearchPage = lazy(() => import('./routes/search-page.tsx'))
const DashboardPage = lazy(() => import('./routes/dashboard-page.tsx'))
const LoginPage = lazy(() => import('./routes/login-page.tsx'))
const OutboxPage = lazy(() => import('./routes/outbox-page.tsx'))
const AccountPage = lazy(() => import('./routes/account-page.tsx'))
const OfferPage = lazy(() => import('./routes/offer-page.tsx'))
const ImpactPage = lazy(() => import('./routes/impact-page.tsx'))

function Screens() {
  const path = () => currentLocation().pathname
  const query = (name: string) => new URLSearchParams(currentLocation().search).get(name)
  const param = (pattern: string) => () => matchRoute(pattern, path())
  return (
    <Switch fallback={<NotFound />}>
      <Match when={path() === '/'}>
        <CommunePage />
      </Match>
      <Match when={param('/commune/:inseeCode')()} keyed>
        {(params) => <CommunePage inseeCode={params.inseeCode} />}
      </Match>
      <Match when={param('/commune/:inseeCode/cout')()} keyed>
        {(params) => <ImpactPage inseeCode={params.inseeCode} />}
      </Match>
      <Match when={param('/offre/:id')()} keyed>
        {(params) => <OfferPage id={params.id} inseeCode={query('commune') ?? rememberedCommune()} />}
      </Match>
      <Match when={param('/action/:id')()} keyed>
        {(params) => <ActionPage id={params.id} />}
      </Match>
      <Match when={path() === '/recherche'}>
        <SearchPage query={query('q') ?? ''} />
      </Match>
      <Match when={path() === '/tableau-de-bord'}>
        <DashboardPage />
      </Match>
      <Match when={path() === '/connexion'}>
        <LoginPage returnTo={query('retour')} />
      </Match>
      <Match when={path() === '/saisies'}>
        <OutboxPage />
      </Match>
      <Match when={path() === '/compte'}>
        <AccountPage />
      </Match>
    </Switch>
  )
}

function NotFound() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>
        <a href="/">Revenir à ma commune</a>
      </p>
    </>
  )
}

/** Session and outbox for every screen; pending submissions leave whenever the network comes back. */
function Services(props: { client: Client; outboxStore: OutboxStore; children: JSX.Element }) {
  const viewer = createViewerState()
  const outbox = createOutbox(props.outboxStore, urqlSender(props.client))
  // Sending waits for the stored cache too: a mutation result written during hydration would be shadowed.
  createEffect(on(cacheReady, (ready) => ready && void outbox.load().then(outbox.flush)))
  onMount(() => {
    const flush = () => void outbox.flush()
    window.addEventListener('online', flush)
    // A dead Wi-Fi still reports « online »: keep trying while something waits.
    const timer = setInterval(() => {
      if (navigator.onLine && outbox.items().some((item) => item.state === 'pending')) flush()
    }, 20_000)
    onCleanup(() => {
      window.removeEventListener('online', flush)
      clearInterval(timer)
    })
  })
  return (
    <ViewerContext.Provider value={viewer}>
      <OutboxContext.Provider value={outbox}>{props.children}</OutboxContext.Provider>
    </ViewerContext.Provider>
  )
}

export function App(props: { client: Client; outboxStore: OutboxStore }) {
  let main!: HTMLElement
  if (currentLocation().pathname === '/' && rememberedCommune()) navigate(`/commune/${rememberedCommune()}`, { replace: true })
  // After a change of screen, focus moves to its content so keyboard and screen reader users start there.
  createEffect(on(() => currentLocation().pathname, () => main.focus({ preventScroll: true }), { defer: true }))
  return (
    <ClientProvider value={props.client}>
      <Services client={props.client} outboxStore={props.outboxStore}>
        <a href="#contenu" class="skip-link">
          Aller au contenu
        </a>
        <TopBar />
        <UpdatePrompt />
        <main id="contenu" tabindex="-1" ref={main}>
          <Suspense fallback={<p role="status" aria-busy="true">Chargement…</p>}>
            <Screens />
          </Suspense>
        </main>
        <TabBar />
      </Services>
    </ClientProvider>
  )
}
