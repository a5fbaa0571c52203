import { describe, expect, it } from 'vitest'
import { typographyMistakes } from './typography.rules.ts'

describe('French typography mistakes', () => {
  it.each([
    ['10 a venir, 9 a étudier', ['« a » pour « à »', '« a » pour « à »']],
    ['Depuis le 1 avril 2024', ['« 1 » pour « 1er » devant un mois']],
    ['Mis en œuvre  le 3 mai', ['espace double']],
    ['Loading…', ['anglais dans l’interface']],
    ['Coût : undefined €', ['anglais dans l’interface']],
  ])('finds the mistakes of « %s »', (text, mistakes) => {
    // One per kind and line: « a venir » and « a étudier » on one line are one finding of that kind.
    expect(typographyMistakes(text).map((m) => m.mistake)).toEqual([...new Set(mistakes)])
  })

  it.each(['10 à venir, 9 à étudier', 'Depuis le 1er avril 2024', 'le 11 avril', 'Le 21 janvier', 'À venir', 'Exploitation des données', 'Actions (Excel) · CSV', 'Mis en oeuvre au 1er janvier 2022'])('finds none in « %s »', (text) => {
    expect(typographyMistakes(text)).toEqual([])
  })
})
