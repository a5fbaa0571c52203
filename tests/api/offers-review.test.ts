import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { query } from '../fixtures/graphql.ts'
import { aCommune, aSignedInUser, aTerritory, type BuiltTerritory } from '../fixtures/builders.ts'
import { impactRows } from '@mutualis/api/export/export-offers.ts'

// Defects found reviewing the offers: each test failed before its fix.

let territory: BuiltTerritory
let admin: Awaited<ReturnType<typeof aSignedInUser>>['client']
beforeAll(async () => {
  territory = await aTerritory()
  admin = (await aSignedInUser(territory, { role: 'ADMIN' })).client
})

const saveDoc = `mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on ValidationError { field message } } }`
const memberDoc = `mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename ... on UserError { message } } }`

describe('an annual amount the database cannot hold', () => {
  // The column is a 32-bit integer of cents (21 474 836,47 € at most): PostgreSQL refused 30 M€ with a 500.
  it.each([30_000_000, 1e9])('is refused as a VALIDATION error in French, never a 500 (%d €)', async (annualAmount) => {
    const result = await admin<any>(saveDoc, { input: { name: `Montant ${annualAmount}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount } })
    expect(result.errors).toBeUndefined()
    expect(result.data!.saveOffer).toMatchObject({ __typename: 'ValidationError', field: 'annualAmount' })
    expect(result.data!.saveOffer.message).toMatch(/^Le montant annuel doit être compris entre 0 et 20\s000\s000\s€\.$/u)
  })

  it('still accepts 20 M€', async () => {
    const result = await admin<any>(saveDoc, { input: { name: 'Montant maximal', kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 20_000_000 } })
    expect(result.data!.saveOffer.__typename).toBe('Offer')
  })
})

describe('a former member’s impact', () => {
  // Commune.impact kept only current and planned members: a commune that paid for the whole of 2024
  // and half of 2025 before leaving showed nothing for either year, while Commune.offers(year: 2025)
  // gave it its share.
  it('counts the years, or the part of the year, the commune was a member', async () => {
    const commune = await aCommune(territory)
    const saved = await admin<any>(saveDoc, {
      input: { name: `Service quitté ${randomUUID().slice(0, 6)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 36500, costKey: [{ basis: 'POPULATION', percent: 100 }] },
    })
    const offerId = saved.data!.saveOffer.id
    const member = await admin<any>(memberDoc, { input: { offerId, organisationId: encodeGlobalID('Commune', commune.id), state: 'FORMER', since: '2020-01-01', until: '2025-06-30' } })
    expect(member.data!.setOfferMember.__typename).toBe('OfferMember')
    const impact = (year: number) => `y${year}: impact(year: ${year}) { annualCost byOffer { state offer { id } annualCost } ifJoined { offer { id } } }`
    const data = await query(`query ($insee: String!) { commune(inseeCode: $insee) { ${impact(2024)} ${impact(2025)} ${impact(2026)} } }`, { insee: commune.inseeCode })
    const line = (year: number) => data.commune[`y${year}`].byOffer.find((l: { offer: { id: string } }) => l.offer.id === offerId)
    expect(line(2024)).toEqual({ state: 'FORMER', offer: { id: offerId }, annualCost: 36500 })
    // 181 of 365 days in 2025.
    expect(line(2025)).toEqual({ state: 'FORMER', offer: { id: offerId }, annualCost: 18100 })
    expect(line(2026)).toBeUndefined()
    expect(data.commune.y2024.annualCost).toBeGreaterThanOrEqual(36500)
  })

  it('reads « Ancien membre » in the impact export for such a line', () => {
    const line = (state: 'MEMBER' | 'PLANNED' | 'FORMER' | null) => ({ state, annualCost: 100, staffFte: 0, offer: { name: 'Service', kindLabel: 'Service commun' } })
    const rows = impactRows({ name: 'Fontaine-lès-Dijon', inseeCode: '21278', population: 9000, impact: { year: 2025, byOffer: [line('MEMBER'), line('PLANNED'), line('FORMER')], ifJoined: [line(null)] } })
    expect(rows.map((row) => row[5])).toEqual(['Membre', 'Membre', 'Ancien membre', 'Peut rejoindre'])
  })
})

describe('after the review', () => {
  it('refuses a membership change on an archived offer, an amount finer than a cent, and says « élément » for another territory', async () => {
    const save = (input: Record<string, unknown>) =>
      admin<any>('mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on ValidationError { field message } } }', { input })
    const cents = await save({ name: 'Offre au millième', kind: 'ENTENTE', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 0.001 })
    expect(cents.data.saveOffer).toMatchObject({ __typename: 'ValidationError', field: 'annualAmount', message: 'Le montant annuel se donne au centime près (deux décimales au plus).' })

    const offer = (await save({ name: 'Offre bientôt archivée', kind: 'ENTENTE', eligibility: 'ALL_COMMUNES' })).data.saveOffer
    await admin('mutation ($id: ID!) { archiveOffer(id: $id) { __typename } }', { id: offer.id })
    const commune = await aCommune(territory)
    const member = await admin<any>('mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename ... on ValidationError { message } } }', {
      input: { offerId: offer.id, organisationId: encodeGlobalID('Commune', commune.id), state: 'MEMBER' },
    })
    expect(member.data.setOfferMember).toEqual({ __typename: 'ValidationError', message: 'Cette offre est archivée : ses adhésions ne changent plus.' })

    const elsewhere = (await aSignedInUser(await aTerritory(), { role: 'ADMIN' })).client
    const refused = await elsewhere<any>('mutation ($id: ID!) { archiveOffer(id: $id) { __typename } }', { id: offer.id })
    expect(refused.errors?.[0]).toMatchObject({ message: 'Cet élément relève d’un autre territoire.', extensions: { code: 'FORBIDDEN' } })
  })
})
