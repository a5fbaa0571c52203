import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it } from 'vitest'
import { CommuneOffers } from '../../apps/pwa/src/components/commune-offers.tsx'
import { impactSummary } from '../../apps/pwa/src/components/impact-line.tsx'
import { byFrenchName } from '../../apps/pwa/src/lib/commune-offers.rules.ts'
import schema from '../../seeds/dijon-metropole/schema.json'
import { createCommune, createCommuneOffer } from './factories.tsx'

afterEach(cleanup)

const nothingWaiting = { waiting: new Set<string>() }

function chenove() {
  return createCommune({
    offers: [
      createCommuneOffer({ name: 'Groupement de commandes Électricité', domain: 'achats', annualCostLabel: 'Gratuit' }),
      createCommuneOffer({ name: 'Centrale d’achat Fournitures', domain: 'achats', annualCostLabel: '1 234 € par an' }),
      createCommuneOffer({ name: 'Réseau des DRH', domain: 'rh', annualCostLabel: 'Coût non renseigné' }),
      createCommuneOffer({ name: 'Service commun Informatique', membership: 'MEMBER', membershipLabel: 'Adhère', state: 'MEMBER', since: '2019-03-01', domain: 'rh' }),
      createCommuneOffer({ name: 'Service commun Archives', membership: 'MEMBER', membershipLabel: 'Adhésion prévue', state: 'PLANNED', since: '2027-04-01', domain: 'rh' }),
      createCommuneOffer({ name: 'Police pluri-communale', membership: 'UNDER_STUDY', membershipLabel: 'Ouverture à l’étude' }),
      createCommuneOffer({ name: 'Ancien groupement', membership: 'FORMER', membershipLabel: 'Ancien membre' }),
    ],
  })
}

const panel = () => screen.getByRole('tabpanel')
const lines = () => within(panel()).getAllByRole('link').map((link) => link.querySelector('.offer-name')?.textContent)

describe('« Ma commune », answer first', () => {
  it('counts each answer in the segmented control and opens on « Peut rejoindre »', () => {
    render(() => <CommuneOffers commune={chenove()} join={nothingWaiting} />)
    const tabs = screen.getAllByRole('tab')
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Peut rejoindre 3', 'Adhère déjà 2', 'À l’étude 1'])
    expect(tabs[0].getAttribute('aria-selected')).toBe('true')
    expect(panel().getAttribute('aria-labelledby')).toBe(tabs[0].id)
  })

  it('groups the offers by domain in the schéma’s order, one line each, and links each to its page for this commune', () => {
    render(() => <CommuneOffers commune={chenove()} join={nothingWaiting} />)
    expect(within(panel()).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Ressources humaines', 'Achats publics'])
    expect(lines()).toEqual(['Réseau des DRH', 'Centrale d’achat Fournitures', 'Groupement de commandes Électricité'])
    const link = within(panel()).getByRole('link', { name: /Réseau des DRH/ })
    expect(link.getAttribute('href')).toMatch(/^\/offre\/offer-\d+\?commune=21166$/)
  })

  it('gives each line its kind, status in words and the yearly cost for the commune', () => {
    render(() => <CommuneOffers commune={chenove()} join={nothingWaiting} />)
    const costs = [...panel().querySelectorAll('.offer-cost')].map((cost) => cost.textContent)
    expect(costs).toEqual(['Coût non renseigné', '1 234 € par an', 'Gratuit'])
    expect(within(panel()).getByRole('link', { name: /Réseau des DRH/ }).textContent).toContain('Groupement de commandes · ◐ En cours')
  })

  it('switches answer on tap and with the arrow keys, and calls a planned membership « Adhésion prévue », never « Depuis »', () => {
    render(() => <CommuneOffers commune={chenove()} join={nothingWaiting} />)
    fireEvent.click(screen.getByRole('tab', { name: /Adhère déjà/ }))
    expect(lines()).toEqual(['Service commun Archives', 'Service commun Informatique'])
    const planned = within(panel()).getByRole('link', { name: /Archives/ })
    expect(planned.textContent).toContain('Adhésion prévue')
    expect(planned.textContent).not.toMatch(/depuis/i)

    fireEvent.keyDown(screen.getByRole('tab', { name: /Adhère déjà/ }), { key: 'ArrowRight' })
    expect(screen.getByRole('tab', { name: /À l’étude/ }).getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /À l’étude/ }))
    expect(lines()).toEqual(['Police pluri-communale'])
  })

  it('puts a long answer in the page a few domains at a time, marked busy until the last one is in', async () => {
    const offers = Array.from({ length: 12 }, (_, index) =>
      createCommuneOffer({ name: `Offre ${index + 1}`, offer: { domain: { id: `domaine-${index}`, name: `Domaine ${index + 1}`, position: index } } }),
    )
    render(() => <CommuneOffers commune={createCommune({ offers })} join={nothingWaiting} />)
    const domainTitles = () => within(panel()).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)
    expect(domainTitles()).toEqual(['Domaine 1', 'Domaine 2', 'Domaine 3', 'Domaine 4'])
    expect(panel().getAttribute('aria-busy')).toBe('true')
    await waitFor(() => expect(panel().getAttribute('aria-busy')).toBe('false'))
    expect(domainTitles()).toEqual(offers.map((_, index) => `Domaine ${index + 1}`))
    expect(lines()).toEqual(offers.map((_, index) => `Offre ${index + 1}`))
  })

  it('opens on the segment the address asks for, and says so in words when one is empty', () => {
    render(() => <CommuneOffers commune={createCommune({ name: 'Flavignerot' })} join={nothingWaiting} segment="adhere" />)
    expect(screen.getByRole('tab', { name: /Adhère déjà/ }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByText('Flavignerot n’adhère encore à aucune offre.')).toBeVisible()
  })

  it('shows a request kept on the device as waiting, and one the server holds as under review', () => {
    const waiting = createCommuneOffer({ name: 'En attente' })
    const reviewed = createCommuneOffer({ name: 'Examinée', membership: 'REQUESTED', membershipLabel: 'Demande en cours', pendingRequest: true })
    render(() => <CommuneOffers commune={createCommune({ offers: [waiting, reviewed] })} join={{ waiting: new Set([waiting.offer.actions[0].id]) }} />)
    expect(within(panel()).getByRole('link', { name: /En attente/ }).textContent).toContain('Demande d’adhésion en attente d’envoi')
    expect(within(panel()).getByRole('link', { name: /Examinée/ }).textContent).toContain('Demande d’adhésion en cours d’examen')
  })

  it('lists offers in French alphabetical order, accents and capitals aside, as a French collator would for every offer of the schéma', () => {
    const names = ['Équipements sportifs', 'école numérique', 'Eclairage public', 'Achats', 'Zones d’activité']
    expect(byFrenchName(names, (name) => name)).toEqual(['Achats', 'Eclairage public', 'école numérique', 'Équipements sportifs', 'Zones d’activité'])
    const seeded = schema.offers.map((offer) => offer.name)
    expect(byFrenchName(seeded, (name) => name)).toEqual([...seeded].sort(new Intl.Collator('fr').compare))
  })

  it('sums up the yearly impact in one line', () => {
    const impact = { year: 2026, annualCost: 12345, annualCostLabel: '12\u202f345\u00a0€', unknownCostOffers: 2, staffFte: 0.5, staffFteLabel: '0,5 ETP', byOffer: [] }
    expect(impactSummary(impact)).toBe('Coût annuel connu en 2026 : 12\u202f345\u00a0€ · 0,5 ETP · 2 offres au coût non renseigné')
    expect(impactSummary({ ...impact, annualCost: 0, annualCostLabel: '0\u00a0€', unknownCostOffers: 0, staffFte: 0, staffFteLabel: '0 ETP' })).toBe('Coût annuel connu en 2026 : 0\u00a0€ · 0 ETP')
  })
})
