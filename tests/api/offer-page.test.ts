import { beforeAll, describe, expect, it } from 'vitest'
import { OfferPageQuery } from '@mutualis/schema/documents/offer'
import { sentRequest } from '@mutualis/schema/sent'
import { as, createAccount, signIn } from '../fixtures/accounts.ts'
import { queryAsApp } from '../fixtures/graphql.ts'

// The offer's own page, read with the request the app sends, after an admin has written the offer.

let admin: ReturnType<typeof as>
beforeAll(async () => {
  admin = as(await signIn((await createAccount('ADMIN')).email))
})

const saveDoc = `mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on ValidationError { field message } } }`
const offer = { kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES' }

async function pageOf(id: string) {
  const data = await queryAsApp(sentRequest(OfferPageQuery, { id }))
  return data.node?.__typename === 'Offer' ? data.node : null
}

describe('whom to ask about an offer', () => {
  it('shows the contact an admin gave, trimmed, to anyone reading the offer', async () => {
    const saved = await admin<any>(saveDoc, { input: { ...offer, name: 'Service commun Archives', contact: '  Direction des archives : archives@metropole.test  ' } })
    expect(saved.data!.saveOffer.__typename).toBe('Offer')
    expect((await pageOf(saved.data!.saveOffer.id))?.contact).toBe('Direction des archives : archives@metropole.test')
  })

  it('has none until one is given, and loses it when an update leaves it out', async () => {
    const saved = await admin<any>(saveDoc, { input: { ...offer, name: 'Service commun Paie', contact: 'Service paie' } })
    const id = saved.data!.saveOffer.id
    await admin<any>(saveDoc, { input: { ...offer, id, name: 'Service commun Paie' } })
    expect((await pageOf(id))?.contact).toBeNull()
  })

  it('refuses a contact longer than a reference, naming the field', async () => {
    const saved = await admin<any>(saveDoc, { input: { ...offer, name: 'Service commun Courrier', contact: 'x'.repeat(201) } })
    expect(saved.data!.saveOffer).toMatchObject({ __typename: 'ValidationError', field: 'contact' })
  })
})
