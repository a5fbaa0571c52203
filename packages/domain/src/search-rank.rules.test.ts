import { describe, expect, it } from 'vitest'
import { rankSearchHits, searchRank, type RankedText } from './search-rank.rules.ts'

const hit = (kind: RankedText['kind'], name: string, body = ''): RankedText => ({ kind, name, body })

describe('search ranking', () => {
  it.each([
    ['restauration collective', hit('DOMAIN', 'Restauration collective'), 0],
    ['RESTAURATION', hit('OFFER', 'Restauration collective — groupe de travail'), 1],
    ['collective restauration', hit('OFFER', 'Restauration collective — groupe de travail'), 2],
    ['restauration', hit('ACTION', 'Mutualiser les marchés', 'Restauration collective'), 3],
    ['chenove', hit('COMMUNE', 'Chenôve'), 0],
  ])('« %s » ranks %o at %i', (typed, candidate, rank) => {
    expect(searchRank(typed, candidate)).toBe(rank)
  })

  it('puts what is named before what only mentions it, communes and offers before actions', () => {
    const hits = [
      hit('ACTION', 'Étudier l’achat mutualisé de denrées', 'Accueil extrascolaire restauration'),
      hit('ACTION', 'Restauration : diagnostic partagé', 'Restauration collective'),
      hit('OFFER', 'Restauration collective — groupe de travail inter-collectivités'),
      hit('DOMAIN', 'Restauration collective'),
    ]
    expect(rankSearchHits('restauration', hits).map((h) => `${h.kind} ${h.name}`)).toEqual([
      'OFFER Restauration collective — groupe de travail inter-collectivités',
      'DOMAIN Restauration collective',
      'ACTION Restauration : diagnostic partagé',
      'ACTION Étudier l’achat mutualisé de denrées',
    ])
  })
})
