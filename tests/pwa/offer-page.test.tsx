import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemberList } from '../../apps/pwa/src/components/member-list.tsx'
import { OfferForCommune } from '../../apps/pwa/src/components/offer-commune.tsx'
import { OfferDetails } from '../../apps/pwa/src/components/offer-details.tsx'
import { renewalText } from '../../apps/pwa/src/components/offer-terms.tsx'
import type { JoinControls } from '../../apps/pwa/src/lib/join-controls.ts'
import { createCommuneOffer, createMember, createOfferDetail } from './factories.tsx'

afterEach(cleanup)

const communes = ['Ahuy', 'Bressey-sur-Tille', 'Bretenière', 'Chenôve', 'Chevigny-Saint-Sauveur', 'Corcelles-les-Monts', 'Daix', 'Dijon']

describe('who is in an offer', () => {
  it('names five, keeps the others one tap away with their count, and adds those the source does not name', () => {
    render(() => <MemberList members={communes.map((name) => createMember({ name }))} unnamed={5} />)
    const lists = screen.getAllByRole('list')
    expect(within(lists[0]).getAllByRole('listitem')).toHaveLength(5)
    expect(screen.getByText('et 3 autres').tagName).toBe('SUMMARY')
    expect(within(lists[1]).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['Corcelles-les-Monts', 'Daix', 'Dijon'])
    expect(screen.getByText('+ 5 membres non nommés')).toBeVisible()
    expect(screen.getByText('13 membres')).toBeVisible()
  })

  it('says when no member is known, rather than « 0 membre »', () => {
    render(() => <MemberList members={[]} unnamed={null} />)
    expect(screen.getByText('Aucun membre renseigné')).toBeVisible()
  })

  it('shows no « et … autres » up to five, and never « depuis » for a planned member', () => {
    render(() => <MemberList members={[createMember({ name: 'Talant', since: '2024-04-01' }), createMember({ name: 'Fénay', state: 'PLANNED', stateLabel: 'Adhésion prévue', since: '2027-01-01' })]} unnamed={null} />)
    expect(screen.queryByText(/autres?$/)).toBeNull()
    expect(screen.getByText('Talant').parentElement!.textContent).toBe('Talant — membre depuis le 1er avril 2024')
    expect(screen.getByText('Fénay').parentElement!.textContent).toBe('Fénay — adhésion prévue')
  })
})

describe('the offer for my commune', () => {
  const join = (overrides: Partial<JoinControls> = {}): JoinControls => ({ allowed: true, waiting: new Set(), request: vi.fn(), ...overrides })

  const action = (id: string, openness: 'OPEN' | 'CLOSED') => ({ id, instrument: 'SERVICE_COMMUN' as const, openness, status: 'IN_PROGRESS' as const, openTo: [] })

  it('says what it costs the commune and the key behind it, and asks to join through the first action the commune may join', () => {
    const actions = [action('action-closed', 'CLOSED'), action('action-ads', 'OPEN'), action('action-other', 'OPEN')]
    const entry = createCommuneOffer({ name: 'Service commun ADS', annualCostLabel: '1 234 € par an', offer: { actions } })
    const controls = join()
    render(() => <OfferForCommune entry={entry} actions={actions} communeInseeCode="21166" communeName="Chenôve" costKey="50 % population + 50 % acte pondéré" totalCost="120 000 € par an" join={controls} signInHref={null} />)
    expect(screen.getByText('Peut rejoindre')).toBeVisible()
    expect(screen.getByText('1 234 € par an')).toBeVisible()
    expect(screen.getByText(/clé de répartition : 50 % population \+ 50 % acte pondéré/)).toBeVisible()
    fireEvent.click(screen.getByRole('button', { name: 'Demander à rejoindre' }))
    expect(controls.request).toHaveBeenCalledWith('action-ads', 'Service commun ADS')
  })

  it('offline, from what « Ma commune » stored, says the cost for the commune without the offer’s total nor a button', () => {
    const entry = createCommuneOffer({ annualCostLabel: '2 500 € par an' })
    render(() => <OfferForCommune entry={entry} actions={[]} communeInseeCode="21166" communeName="Chenôve" costKey={null} totalCost={null} join={join()} signInHref={null} />)
    expect(screen.getByText('2 500 € par an')).toBeVisible()
    expect(screen.queryByText(/Montant total/)).toBeNull()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('offers no button when no action of the offer takes requests (the API would refuse): « Comment rejoindre » says the way', () => {
    const entry = createCommuneOffer()
    render(() => <OfferForCommune entry={entry} actions={[action(entry.offer.actions[0].id, 'CLOSED')]} communeInseeCode="21166" communeName="Chenôve" costKey={null} totalCost="Gratuit" join={join()} signInHref={null} />)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('reads « Adhésion prévue » for a planned membership, « Adhère depuis le 1er … » for a current one, with no button', () => {
    const planned = createCommuneOffer({ membership: 'MEMBER', membershipLabel: 'Adhésion prévue', state: 'PLANNED', since: '2027-04-01' })
    const { unmount } = render(() => <OfferForCommune entry={planned} actions={[]} communeInseeCode="21166" communeName="Chenôve" costKey={null} totalCost="Gratuit" join={join()} signInHref={null} />)
    expect(screen.getByText('Adhésion prévue')).toBeVisible()
    expect(screen.queryByText(/depuis/i)).toBeNull()
    expect(screen.queryByRole('button')).toBeNull()
    unmount()
    const member = createCommuneOffer({ membership: 'MEMBER', membershipLabel: 'Adhère', state: 'MEMBER', since: '2022-01-01' })
    render(() => <OfferForCommune entry={member} actions={[]} communeInseeCode="21166" communeName="Chenôve" costKey={null} totalCost="Gratuit" join={join()} signInHref={null} />)
    expect(screen.getByText('Adhère depuis le 1er janvier 2022')).toBeVisible()
  })

  it('shows a request waiting on the device instead of a second button, and asks a visitor to sign in', () => {
    const entry = createCommuneOffer()
    const { unmount } = render(() => <OfferForCommune entry={entry} actions={[action(entry.offer.actions[0].id, 'OPEN')]} communeInseeCode="21166" communeName="Chenôve" costKey={null} totalCost="Gratuit" join={join({ waiting: new Set([entry.offer.actions[0].id]) })} signInHref={null} />)
    expect(screen.getByRole('status').textContent).toBe('Demande d’adhésion en attente d’envoi')
    expect(screen.queryByRole('button')).toBeNull()
    unmount()
    render(() => <OfferForCommune entry={entry} actions={[action(entry.offer.actions[0].id, 'OPEN')]} communeInseeCode="21166" communeName="Chenôve" costKey={null} totalCost="Gratuit" join={join({ allowed: false })} signInHref="/connexion?retour=%2Foffre%2Fx" />)
    expect(screen.getByRole('link', { name: 'Se connecter pour demander à rejoindre' }).getAttribute('href')).toBe('/connexion?retour=%2Foffre%2Fx')
  })

  it('says how renewal and notice work, or that the terms do not say', () => {
    expect(renewalText({ tacitRenewal: true, noticeMonths: 3 })).toBe('Tacite, préavis de 3 mois')
    expect(renewalText({ tacitRenewal: false, noticeMonths: null })).toBe('Sur décision expresse')
    expect(renewalText({ tacitRenewal: null, noticeMonths: null })).toBe('Non précisée')
  })
})

describe('whom to ask', () => {
  it('names the contact the coordinators gave, under its own heading', () => {
    render(() => <OfferDetails offer={createOfferDetail({ contact: 'Direction des archives : archives@metropole.test' })} entry={undefined} />)
    expect(screen.getByRole('heading', { level: 2, name: 'Contact' }).nextElementSibling?.textContent).toBe('Direction des archives : archives@metropole.test')
  })

  it('says nothing of a contact when none is given', () => {
    render(() => <OfferDetails offer={createOfferDetail({ contact: null })} entry={undefined} />)
    expect(screen.queryByRole('heading', { level: 2, name: 'Contact' })).toBeNull()
  })
})
