import { describe, expect, it } from 'vitest'
import { readListSizes } from '@mutualis/api/list-sizes.ts'
import { DashboardQuery } from '@mutualis/schema/documents/dashboard'
import { sentRequest } from '@mutualis/schema/sent'
import { sendAsApp } from '../fixtures/graphql.ts'

// The app's heaviest screens over Dijon's real list sizes (moved from bad-inputs.test.ts): the seed is the subject here.

describe("the app's own heaviest screens", () => {
  it('fit within the estimate once the real list sizes are read (the dashboard was refused at fixed sizes)', async () => {
    await readListSizes()
    const result = await sendAsApp(sentRequest(DashboardQuery, { territory: '242100410' }))
    expect(result.errors).toBeUndefined()
    expect(result.data?.membershipMatrix.rows.length).toBeGreaterThan(0)
  })
})
