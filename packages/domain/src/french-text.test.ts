import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { frenchText, inProse, spacingRules } from './french-text.ts'

/** The expected texts below write U+00A0 as « ~ » (TeX's tie) and U+202F as « ^ ». */
const set = (text: string) => text.replaceAll('~', '\u00A0').replaceAll('^', '\u202F')

describe('frenchText', () => {
  it.each([
    ['Coût : 12 €', 'Coût~: 12~€'],
    ['Périmètre actuel: Dijon métropole', 'Périmètre actuel~: Dijon métropole'],
    ['Délibérations nécessaires :', 'Délibérations nécessaires~:'],
    ['Mis en œuvre au 1er octobre 2021 ; la suite en 2022', 'Mis en œuvre au 1er octobre 2021^; la suite en 2022'],
    ['Pourquoi ? Parce que !', 'Pourquoi^? Parce que^!'],
    ['Vraiment?! Oui!', 'Vraiment^?! Oui^!'],
    ['Le rapport dit « un agent »', 'Le rapport dit «~un agent~»'],
    ['«sans espace»', '«~sans espace~»'],
    ['« Quoi ? »', '«~Quoi^?~»'],
    ['Il a dit « oui »: bien', 'Il a dit «~oui~»~: bien'],
    ['Trop  :  d’espaces', 'Trop~:  d’espaces'],
    ['Une fine\u202F: remplacée, une insécable\u00A0; aussi', 'Une fine~: remplacée, une insécable^; aussi'],
    ['12 500€ par an', '12 500~€ par an'],
    ['Note:\nà revoir', 'Note~:\nà revoir'],
    // Left as written: times, addresses, code, and signs that are not punctuation there.
    ['Réunion à 10:30, fin à 12:15.', 'Réunion à 10:30, fin à 12:15.'],
    ['Voir https://www.dijon.fr/a?b=1&c=2 : la délibération', 'Voir https://www.dijon.fr/a?b=1&c=2~: la délibération'],
    ['Adresse : www.cotedor.fr/contact?x=1 !', 'Adresse~: www.cotedor.fr/contact?x=1^!'],
    ['mailto:dgs@dijon.fr', 'mailto:dgs@dijon.fr'],
    ['Tapez `a: b; c?` puis validez', 'Tapez `a: b; c?` puis validez'],
    ['si a != b', 'si a != b'],
    ['Quoi ??', 'Quoi^??'],
    ['Ratio 3:1, std::vector', 'Ratio 3:1, std::vector'],
    ['« À venir »', '«~À venir~»'],
    ['', ''],
  ])('« %s »', (text, expected) => {
    expect(frenchText(text)).toBe(set(expected))
  })

  it('leaves a guillemet at the edge of a text alone, since what lies beyond is not known', () => {
    expect(frenchText('Aucune commune ne correspond à «')).toBe('Aucune commune ne correspond à «')
    expect(frenchText('».')).toBe('».')
    expect(frenchText(' ».')).toBe(set('~».'))
  })

  // Text with many of the signs concerned, so the generated cases meet the rules.
  const prose = fc.string({ unit: fc.constantFrom('a', 'é', '1', '0', ' ', ' ', '\u00A0', '\u202F', '\t', '\n', ':', ';', '?', '!', '«', '»', '€', '/', '.', '`', '(', ')', '’', 'http://', 'www.'), maxLength: 40 })
  const withoutSpaces = (text: string) => text.replace(/[ \t\u00A0\u2009\u202F]/g, '')

  it('is idempotent', () => {
    fc.assert(fc.property(prose, (text) => frenchText(frenchText(text)) === frenchText(text)))
  })

  it('changes nothing but spaces', () => {
    fc.assert(fc.property(prose, (text) => withoutSpaces(frenchText(text)) === withoutSpaces(text)))
  })

  it('leaves a text each rule agrees with', () => {
    fc.assert(fc.property(prose, (text) => spacingRules.every((rule) => inProse(frenchText(text), rule.fix) === frenchText(text))))
  })
})
