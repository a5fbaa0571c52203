import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OutboxEntry } from '../../apps/pwa/src/components/outbox-entry.tsx'
import { createProgressItem } from './factories.tsx'

afterEach(cleanup)

const outbox = () => ({ resendOverCurrent: vi.fn(async () => {}), dismiss: vi.fn(async () => {}) })

describe('what the user sees of a submission kept on the device', () => {
  it('shows a waiting update as « En attente d’envoi », with what was typed, and nothing to click', () => {
    render(() => <ul><OutboxEntry item={createProgressItem({ input: { actionId: 'a', status: 'IN_PROGRESS', note: 'Convention signée', date: '2026-11-27', meeting: 'Copil', clientMutationId: 'x', expectedVersion: 1 } })} outbox={outbox()} /></ul>)
    expect(screen.getByText('En attente d’envoi')).toBeVisible()
    expect(screen.getByRole('listitem').textContent).toContain('27 novembre 2026 · Copil — Convention signée')
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('shows an accepted one as « Enregistré », which the user may clear', () => {
    const actions = outbox()
    const item = createProgressItem({ state: 'accepted' })
    render(() => <ul><OutboxEntry item={item} outbox={actions} /></ul>)
    expect(screen.getByText('Enregistré')).toBeVisible()
    fireEvent.click(screen.getByRole('button', { name: 'Retirer de la liste' }))
    expect(actions.dismiss).toHaveBeenCalledWith(item)
  })

  it('shows a conflict with the server’s current status and lets the user send anyway or give up', () => {
    const actions = outbox()
    const item = createProgressItem({
      state: 'conflict',
      message: "Quelqu'un a modifié cette action entre-temps.",
      current: { status: 'IMPLEMENTED', statusLabel: 'Mis en œuvre', version: 4 },
    })
    render(() => <ul><OutboxEntry item={item} outbox={actions} /></ul>)
    expect(screen.getByText('Conflit à résoudre')).toBeVisible()
    expect(screen.getByText("Quelqu'un a modifié cette action entre-temps.")).toBeVisible()
    expect(screen.getByText(/État actuel sur le serveur/).textContent).toContain('Mis en œuvre')
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer quand même' }))
    expect(actions.resendOverCurrent).toHaveBeenCalledWith(item)
    fireEvent.click(screen.getByRole('button', { name: 'Abandonner ma saisie' }))
    expect(actions.dismiss).toHaveBeenCalledWith(item)
  })

  it('shows a refusal with the server’s reason', () => {
    render(() => <ul><OutboxEntry item={createProgressItem({ state: 'rejected', message: 'La date est dans le futur.' })} outbox={outbox()} /></ul>)
    expect(screen.getByText('Refusé')).toBeVisible()
    expect(screen.getByText('La date est dans le futur.')).toBeVisible()
  })
})
