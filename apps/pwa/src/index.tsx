import { render } from 'solid-js/web'
import { App } from './app.tsx'
import { createMutualisClient } from './lib/client.ts'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { setFrenchTypography } from './lib/french-typography.ts'
import { indexedDbOutboxStore } from './lib/outbox-store.ts'
import { preloadQuery } from './lib/preload.ts'
import { markCacheReady } from './lib/query.ts'
import { rememberedCommune } from './lib/remembered-commune.ts'
import { matchRoute } from './lib/route-match.ts'
import { interceptLinks } from './lib/router.ts'
import './styles.css'

const { client, hydrated } = createMutualisClient()
// « Ma commune », the first screen (« / » opens the commune remembered on the device): its data is on its way while the stored cache loads.
const firstCommune = matchRoute('/commune/:inseeCode', location.pathname)?.inseeCode ?? (location.pathname === '/' ? rememberedCommune() : null)
if (firstCommune) preloadQuery(client, CommunePageQuery, { inseeCode: firstCommune })
interceptLinks(document.body)
setFrenchTypography(document.documentElement)
void hydrated.then(markCacheReady)
render(() => <App client={client} outboxStore={indexedDbOutboxStore()} />, document.getElementById('root')!)
