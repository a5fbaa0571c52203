import { describe, expect, it } from 'vitest'
import type { OfferKind } from './enums.ts'
import { importKey } from './import-text.ts'
import { importKindLabels, kindSpellings, readInstrument, readOfferKind, type KindReading } from './import-kind.rules.ts'
import { instrumentLabels } from './labels.ts'
import { offerKindLabels } from './offer.rules.ts'

const read = (reading: KindReading) => (reading.ok ? (reading.kind ?? reading.instrument) : { reason: reading.reason, suggestions: reading.suggestions })

describe('readOfferKind', () => {
  it.each<[string, OfferKind | 'ETUDE' | 'AUTRE']>([
    ['Service commun', 'SERVICE_COMMUN'],
    ['services communs', 'SERVICE_COMMUN'],
    ['SERVICES COMMUNS', 'SERVICE_COMMUN'],
    ['Service commun (art. L5211-4-2 CGCT)', 'SERVICE_COMMUN'],
    ['Service commun L5211-4-2', 'SERVICE_COMMUN'],
    ['SC', 'SERVICE_COMMUN'],
    ['Mise à disposition ascendante', 'MISE_A_DISPOSITION_ASCENDANTE'],
    ['MAD ascendante', 'MISE_A_DISPOSITION_ASCENDANTE'],
    ['Mise à disposition ascendante (de la commune vers l’EPCI)', 'MISE_A_DISPOSITION_ASCENDANTE'],
    ['mise a disposition descendante', 'MISE_A_DISPOSITION_DESCENDANTE'],
    ['Convention de mise à disposition descendante', 'MISE_A_DISPOSITION_DESCENDANTE'],
    ['Mise à disposition de l’EPCI vers les communes', 'MISE_A_DISPOSITION_DESCENDANTE'],
    ['Convention de gestion', 'CONVENTION_DE_GESTION'],
    ['CONVENTION DE GESTION', 'CONVENTION_DE_GESTION'],
    ['Conventions de gestion de services', 'CONVENTION_DE_GESTION'],
    ['Groupement de commandes', 'GROUPEMENT_DE_COMMANDES'],
    ['groupement de commande', 'GROUPEMENT_DE_COMMANDES'],
    ['Groupements de commandes', 'GROUPEMENT_DE_COMMANDES'],
    ['Achat groupé', 'GROUPEMENT_DE_COMMANDES'],
    ['GC', 'GROUPEMENT_DE_COMMANDES'],
    ["Centrale d'achat", 'CENTRALE_D_ACHAT'],
    ['Centrale d’achats', 'CENTRALE_D_ACHAT'],
    ['UGAP', 'CENTRALE_D_ACHAT'],
    ['Entente', 'ENTENTE'],
    ['Entente intercommunale', 'ENTENTE'],
    ['Ententes intercommunales', 'ENTENTE'],
    ['Convention', 'CONVENTION'],
    ['Convention de partenariat', 'CONVENTION'],
    ['Prestation de services', 'CONVENTION'],
    ['Outil partagé', 'OUTIL_PARTAGE'],
    ['Outils mutualisés', 'OUTIL_PARTAGE'],
    ['Réseau', 'RESEAU'],
    ['RESEAU', 'RESEAU'],
    ['Réseau d’échanges', 'RESEAU'],
    ['Étude', 'ETUDE'],
    ['etudes', 'ETUDE'],
    ['Étude de faisabilité', 'ETUDE'],
    ['Autre', 'AUTRE'],
    ['Divers', 'AUTRE'],
    ['SERVICE_COMMUN', 'SERVICE_COMMUN'],
  ])('« %s » is %s', (written, kind) => {
    expect(read(readOfferKind(written))).toBe(kind)
  })

  it('gives the instrument of an offer kind to the actions that advance it', () => {
    expect(readOfferKind('Services communs')).toEqual({ ok: true, kind: 'SERVICE_COMMUN', instrument: 'SERVICE_COMMUN' })
    expect(readOfferKind('MAD descendante')).toEqual({ ok: true, kind: 'MISE_A_DISPOSITION_DESCENDANTE', instrument: 'MISE_A_DISPOSITION' })
    expect(readOfferKind('Étude')).toEqual({ ok: true, kind: null, instrument: 'ETUDE' })
  })

  it('says nothing for an empty cell', () => {
    for (const empty of [null, undefined, '', '   ']) expect(readOfferKind(empty)).toEqual({ ok: true, kind: null, instrument: null })
  })

  it('reads a mise à disposition that does not say which way from its provider, and refuses it without one', () => {
    expect(read(readOfferKind('Convention de mise à disposition', 'TERRITORY'))).toBe('MISE_A_DISPOSITION_DESCENDANTE')
    expect(read(readOfferKind('Mise à disposition de personnel', 'COMMUNE'))).toBe('MISE_A_DISPOSITION_ASCENDANTE')
    expect(read(readOfferKind('MAD', null))).toEqual({
      reason: '« MAD » ne dit pas dans quel sens les services sont mis à disposition, et aucun porteur ne le dit.',
      suggestions: ['Mise à disposition descendante', 'Mise à disposition ascendante'],
    })
    expect(read(readOfferKind('Mise à disposition', 'OTHER'))).toMatchObject({ suggestions: ['Mise à disposition descendante', 'Mise à disposition ascendante'] })
    // A direction written wins over the provider's.
    expect(read(readOfferKind('MAD ascendante', 'TERRITORY'))).toBe('MISE_A_DISPOSITION_ASCENDANTE')
  })

  it('refuses an unknown type with the closest accepted ones', () => {
    expect(read(readOfferKind('Servise comun'))).toEqual({ reason: 'Type inconnu : « Servise comun ».', suggestions: ['Service commun'] })
    expect(read(readOfferKind('Groupement de comandes'))).toMatchObject({ suggestions: ['Groupement de commandes'] })
    expect(read(readOfferKind('centrale dachat'))).toMatchObject({ suggestions: ['Centrale d’achat'] })
    const far = readOfferKind('Délégation de service public')
    expect(far.ok).toBe(false)
    if (!far.ok) expect(far.suggestion).toContain('Types acceptés : Service commun, Mise à disposition ascendante')
  })

  it('reads back every label the template and the exports write, and each offer kind’s own label', () => {
    for (const [kind, label] of Object.entries(importKindLabels)) expect(read(readOfferKind(label)), label).toBe(kind)
    for (const [kind, label] of Object.entries(offerKindLabels)) expect(read(readOfferKind(label)), label).toBe(kind)
  })

  it('reads the instrument of an action without an offer, a mise à disposition whichever way', () => {
    expect(readInstrument('Convention de mise à disposition')).toEqual({ ok: true, instrument: 'MISE_A_DISPOSITION' })
    expect(readInstrument('Étude préalable')).toEqual({ ok: true, instrument: 'ETUDE' })
    expect(readInstrument('')).toEqual({ ok: true, instrument: null })
    for (const [instrument, label] of Object.entries(instrumentLabels)) expect(readInstrument(label), label).toEqual({ ok: true, instrument })
    expect(readInstrument('Subvention').ok).toBe(false)
  })

  it('gives each spelling to one type only', () => {
    const owners = new Map<string, string>()
    for (const [kind, spellings] of Object.entries(kindSpellings)) {
      for (const spelling of spellings) {
        const key = importKey(spelling)
        expect(owners.get(key) ?? kind, spelling).toBe(kind)
        owners.set(key, kind)
      }
    }
  })
})
