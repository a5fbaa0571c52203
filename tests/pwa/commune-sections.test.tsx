import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CommuneSections, type JoinControls } from '../../apps/pwa/src/components/commune-sections.tsx'
import { createCommune, createOpportunity, createParticipation } from './factories.tsx'

afterEach(cleanup)

const noJoin: JoinControls = { allowed: false, waiting: new Set(), request: () => {} }

function section(name: RegExp) {
  return screen.getByRole('region', { name })
}

describe('the three sections of « Ma commune »', () => {
  it('shows what the commune takes part in (since when, instrument), what it can join (and how), and openings under study', () => {
    const commune = createCommune({
      participations: [createParticipation({ title: 'Service commun Informatique', since: '2019-03-01' })],
      joinable: [
        createOpportunity({ title: 'Groupement de commandes Électricité', howToJoin: 'Délibération avant la consultation.' }),
        createOpportunity({ title: 'Police municipale pluri-communale', openness: 'UNDER_STUDY', howToJoin: 'Signaler l’intérêt de la commune.' }),
      ],
    })
    render(() => <CommuneSections commune={commune} join={noJoin} />)

    const participates = section(/services auxquels chenôve participe/i)
    expect(within(participates).getByRole('link', { name: 'Service commun Informatique' })).toBeVisible()
    expect(participates.textContent).toContain('Depuis le 1 mars 2019')
    expect(participates.textContent).toContain('Service commun')

    const canJoin = section(/services que chenôve peut rejoindre/i)
    expect(within(canJoin).getByRole('link', { name: 'Groupement de commandes Électricité' })).toBeVisible()
    expect(canJoin.textContent).toContain('Comment rejoindre : Délibération avant la consultation.')
    expect(within(canJoin).queryByText(/police municipale/i)).toBeNull()

    const study = section(/ouverture à l'étude/i)
    expect(within(study).getByRole('link', { name: 'Police municipale pluri-communale' })).toBeVisible()
  })

  it('leaves former members and pending requests out of « participe »', () => {
    const commune = createCommune({
      participations: [createParticipation({ title: 'Ancien service', state: 'FORMER' }), createParticipation({ title: 'Adhésion votée', state: 'PLANNED' })],
    })
    render(() => <CommuneSections commune={commune} join={noJoin} />)
    const participates = section(/participe/i)
    expect(participates.textContent).not.toContain('Ancien service')
    expect(participates.textContent).toContain('Adhésion votée')
    expect(participates.textContent).toContain('Adhésion prévue')
  })

  it('says so in words when a section is empty', () => {
    render(() => <CommuneSections commune={createCommune({ name: 'Flavignerot' })} join={noJoin} />)
    expect(screen.getByText('Aucun service n\'est ouvert à Flavignerot en ce moment.')).toBeVisible()
    expect(screen.getByText('Flavignerot ne participe encore à aucun service partagé.')).toBeVisible()
  })

  it('offers « Demander à rejoindre » only to those allowed, and hands over the chosen service', () => {
    const opportunity = createOpportunity({ title: 'Centrale d’achat Fournitures' })
    const commune = createCommune({ joinable: [opportunity] })
    const { unmount } = render(() => <CommuneSections commune={commune} join={noJoin} />)
    expect(screen.queryByRole('button', { name: /demander à rejoindre/i })).toBeNull()
    unmount()

    const request = vi.fn()
    render(() => <CommuneSections commune={commune} join={{ allowed: true, waiting: new Set(), request }} />)
    fireEvent.click(screen.getByRole('button', { name: /^Demander à rejoindre\s?: Centrale d’achat Fournitures$/ }))
    expect(request).toHaveBeenCalledWith(opportunity)
  })

  it('shows a request kept on the device as waiting, and one the server holds as under review, without a second button', () => {
    const waitingOne = createOpportunity({ title: 'Waiting' })
    const reviewed = createOpportunity({ title: 'Reviewed', pendingRequest: true })
    const commune = createCommune({ joinable: [waitingOne, reviewed] })
    render(() => <CommuneSections commune={commune} join={{ allowed: true, waiting: new Set([waitingOne.action.id]), request: () => {} }} />)
    expect(screen.getByText('Demande d’adhésion en attente d’envoi')).toBeVisible()
    expect(screen.getByText('Demande d’adhésion en cours d’examen')).toBeVisible()
    expect(screen.queryByRole('button', { name: /demander à rejoindre/i })).toBeNull()
  })

  it('gives every status a word, not only a colour', () => {
    const commune = createCommune({ joinable: [createOpportunity({ action: { ...createOpportunity().action, status: 'NO_PROGRESS', statusLabel: "Pas d'avancée" } })] })
    render(() => <CommuneSections commune={commune} join={noJoin} />)
    expect(section(/peut rejoindre/i).textContent).toContain("Pas d'avancée")
  })
})
