import { describe, expect, it } from 'vitest'
import { typographyMistakes } from './typography.rules.ts'

describe('French typography mistakes', () => {
  it.each([
    ['10 a venir, 9 a étudier', ['« a » pour « à »', '« a » pour « à »']],
    ['Depuis le 1 avril 2024', ['« 1 » pour « 1er » devant un mois']],
    ['Mis en œuvre  le 3 mai', ['espace double']],
    ['Loading…', ['anglais dans l’interface']],
    ['Coût\u00A0: undefined\u00A0€', ['anglais dans l’interface']],
    ['Depuis le 01/01/2022 : 3 actions', ['espace insécable attendue avant « : »']],
    ['Pilote: Dijon Métropole', ['espace insécable attendue avant « : »']],
    ['Pourquoi ? Ainsi ; voilà\u00A0!', ['espace fine insécable attendue avant « ; ? ! »']],
    ['Le rapport dit « un agent\u00A0»', ['espaces insécables attendues dans « »']],
    ['Coût annuel 12\u202F500 €', ['espace insécable attendue avant « € »']],
  ])('finds the mistakes of « %s »', (text, mistakes) => {
    // One per kind and line: « a venir » and « a étudier » on one line are one finding of that kind.
    expect(typographyMistakes(text).map((m) => m.mistake)).toEqual([...new Set(mistakes)])
  })

  it.each(['10 à venir, 9 à étudier', 'Depuis le 1er avril 2024', 'le 11 avril', 'Le 21 janvier', 'À venir', 'Exploitation des données', 'Actions (Excel) · CSV', 'Mis en oeuvre au 1er janvier 2022', 'Coût\u00A0: 12\u202F500\u00A0€, le 1er avril à 10:30', 'Vraiment\u202F?! «\u00A0Oui\u00A0»', 'Voir https://www.dijon.fr/?a=1'])('finds none in « %s »', (text) => {
    expect(typographyMistakes(text)).toEqual([])
  })
})
