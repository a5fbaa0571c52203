import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { as, createAccount, signIn } from '../fixtures/accounts.ts'
import { query } from '../fixtures/graphql.ts'

// Defects found reviewing the offers: each test failed before its fix.

let admin: ReturnType<typeof as>
beforeAll(async () => {
  admin = as(await signIn((await createAccount('ADMIN')).email))
})

const saveDoc = `mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on ValidationError { field message } } }`
const memberDoc = `mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename ... on UserError { message } } }`

describe('an annual amount the database cannot hold', () => {
  // The column is a 32-bit integer of cents (21 474 836,47 € at most): PostgreSQL refused 30 M€ with a 500.
  it.each([30_000_000, 1e9])('is refused as a VALIDATION error in French, never a 500 (%d €)', async (annualAmount) => {
    const result = await admin<any>(saveDoc, { input: { name: `Montant ${annualAmount}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount } })
    expect(result.errors).toBeUndefined()
    expect(result.data!.saveOffer).toMatchObject({ __typename: 'ValidationError', field: 'annualAmount' })
    expect(result.data!.saveOffer.message).toMatch(/^Le montant annuel doit être compris entre 0 et 20\s000\s000 €\.$/u)
  })

  it('still accepts 20 M€', async () => {
    const result = await admin<any>(saveDoc, { input: { name: 'Montant maximal', kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 20_000_000 } })
    expect(result.data!.saveOffer.__typename).toBe('Offer')
  })
})
