import { render } from 'solid-js/web'
import { App } from './app.tsx'
import { createMutualisClient } from './lib/client.ts'
import { setFrenchTypography } from './lib/french-typography.ts'
import { indexedDbOutboxStore } from './lib/outbox-store.ts'
import { markCacheReady } from './lib/query.ts'
import { interceptLinks } from './lib/router.ts'
import './styles.css'

const { client, hydrated } = createMutualisClient()
interceptLinks(document.body)
setFrenchTypography(document.documentElement)
void hydrated.then(markCacheReady)
render(() => <App client={client} outboxStore={indexedDbOutboxStore()} />, document.getElementById('root')!)
