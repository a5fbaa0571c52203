import { describe, expect, it } from 'vitest'
import { searchText } from './search-text.ts'

describe('searchText', () => {
  it.each([
    ['Éclairage public', 'eclairage public'],
    ['Chenôve', 'chenove'],
    ['Mis en œuvre', 'mis en oeuvre'],
    ['  Perrigny-lès-Dijon\n', 'perrigny-les-dijon'],
    ['l’énergie', "l'energie"],
  ])('%s → %s', (input, expected) => {
    expect(searchText(input)).toBe(expected)
  })
  it('joins several parts and skips empty ones', () => {
    expect(searchText('Garage', null, 'Véhicules')).toBe('garage vehicules')
  })
})
