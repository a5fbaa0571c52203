import { statusLabels } from '@mutualis/domain'
import { describe, expect, it } from 'vitest'
import { formatDate } from '../../apps/pwa/src/lib/format.ts'

describe('French as the council writes it', () => {
  it('says « 1er » for the first of the month, the plain number otherwise', () => {
    expect(formatDate('2022-01-01')).toBe('1er janvier 2022')
    expect(formatDate('2024-04-01T00:00:00.000Z')).toBe('1er avril 2024')
    expect(formatDate('2019-03-12')).toBe('12 mars 2019')
  })

  it('puts the accent on a capital À, so « 10 à venir, 9 à étudier » reads right in lower case', () => {
    expect(statusLabels.PLANNED).toBe('À venir')
    expect(statusLabels.TO_STUDY.toLowerCase()).toBe('à étudier')
  })
})
