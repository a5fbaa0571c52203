import { render } from 'solid-js/web'
import { App } from './app.tsx'
import { createMutualisClient } from './lib/client.ts'
import { indexedDbOutboxStore } from './lib/outbox-store.ts'
import { interceptLinks } from './lib/router.ts'
import './styles.css'

interceptLinks(document.body)
render(() => <App client={createMutualisClient()} outboxStore={indexedDbOutboxStore()} />, document.getElementById('root')!)
