import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ActionStatus } from './enums.ts'
import { importColumnLabels } from './import-headers.rules.ts'
import { readStatus, statusSpellings, type StatusReading } from './import-status.rules.ts'
import { reportRow } from './import-text.ts'
import { statusLabels } from './labels.ts'

const statusOf = (reading: StatusReading) => (reading.ok ? reading.status : reading.reason)

describe('readStatus', () => {
  it.each<[string, ActionStatus]>([
    ['Mis en oeuvre', 'IMPLEMENTED'],
    ['mis en œuvre', 'IMPLEMENTED'],
    ['MIS EN ŒUVRE', 'IMPLEMENTED'],
    ['Mise en œuvre', 'IMPLEMENTED'],
    ['Mis en place', 'IMPLEMENTED'],
    ['réalisé', 'IMPLEMENTED'],
    ['Réalisée', 'IMPLEMENTED'],
    ['realises', 'IMPLEMENTED'],
    ['Fait', 'IMPLEMENTED'],
    ['faite', 'IMPLEMENTED'],
    ['Terminé', 'IMPLEMENTED'],
    ['Achevé', 'IMPLEMENTED'],
    ['Opérationnel', 'IMPLEMENTED'],
    ['En place', 'IMPLEMENTED'],
    ['Étude réalisée', 'IMPLEMENTED'],
    ['OK', 'IMPLEMENTED'],
    ['En cours', 'IN_PROGRESS'],
    ['EN COURS', 'IN_PROGRESS'],
    ['en cours ', 'IN_PROGRESS'],
    ['Encours', 'IN_PROGRESS'],
    ['Démarré', 'IN_PROGRESS'],
    ['Engagée', 'IN_PROGRESS'],
    ['Lancé', 'IN_PROGRESS'],
    ['Partiellement réalisé', 'IN_PROGRESS'],
    ['Réalisé en partie', 'IN_PROGRESS'],
    ['Mise en œuvre en cours', 'IN_PROGRESS'],
    ['Déploiement en cours', 'IN_PROGRESS'],
    ['À venir', 'PLANNED'],
    ['A venir', 'PLANNED'],
    ['a venir', 'PLANNED'],
    ['prévu', 'PLANNED'],
    ['Prévue', 'PLANNED'],
    ['Programmé', 'PLANNED'],
    ['Planifié', 'PLANNED'],
    ['En projet', 'PLANNED'],
    ['à l’étude', 'TO_STUDY'],
    ["à l'étude", 'TO_STUDY'],
    ['A L ETUDE', 'TO_STUDY'],
    ['a etudier', 'TO_STUDY'],
    ['À étudier', 'TO_STUDY'],
    ['En cours d’étude', 'TO_STUDY'],
    ["En cours d'étude", 'TO_STUDY'],
    ['Étude en cours', 'TO_STUDY'],
    ['En réflexion', 'TO_STUDY'],
    ['Envisagé', 'TO_STUDY'],
    ['non démarré', 'NOT_STARTED'],
    ['Non demarre', 'NOT_STARTED'],
    ['NON DÉMARRÉ', 'NOT_STARTED'],
    ['Pas encore démarré', 'NOT_STARTED'],
    ['Non commencé', 'NOT_STARTED'],
    ['Non réalisé', 'NOT_STARTED'],
    ['À lancer', 'NOT_STARTED'],
    ["Pas d'avancée", 'NO_PROGRESS'],
    ['Pas d’avancée', 'NO_PROGRESS'],
    ['Aucune avancée', 'NO_PROGRESS'],
    ['Au point mort', 'NO_PROGRESS'],
    ['En attente', 'NO_PROGRESS'],
    ['Suspendu', 'NO_PROGRESS'],
    ['abandonné', 'ABANDONED'],
    ['Abandonnée', 'ABANDONED'],
    ['ABANDON', 'ABANDONED'],
    ['Annulé', 'ABANDONED'],
    ['Sans suite', 'ABANDONED'],
    ['Classé sans suite', 'ABANDONED'],
    ['Non retenu', 'ABANDONED'],
    ['Non renseigné', 'NOT_REPORTED'],
    ['NC', 'NOT_REPORTED'],
    ['N.C.', 'NOT_REPORTED'],
    ['', 'NOT_REPORTED'],
    ['?', 'NOT_REPORTED'],
    ['-', 'NOT_REPORTED'],
    ['IN_PROGRESS', 'IN_PROGRESS'],
  ])('« %s » → %s', (written, status) => {
    expect(statusOf(readStatus(written))).toBe(status)
  })

  it('reads an empty cell as « Non renseigné », not as a refusal', () => {
    expect(readStatus(null)).toEqual({ ok: true, status: 'NOT_REPORTED', remark: null })
  })

  it.each([
    // The Dijon Métropole report writes the date after the status, in the same cell.
    ['Mis en oeuvre au 1er octobre 2021', 'IMPLEMENTED', 'au 1er octobre 2021'],
    ['Réalisé en octobre 2021', 'IMPLEMENTED', 'en octobre 2021'],
    ['à venir début 2023', 'PLANNED', 'début 2023'],
    ['Prévu en 2023', 'PLANNED', 'en 2023'],
    ['En cours : affranchissement mutualisé', 'IN_PROGRESS', 'affranchissement mutualisé'],
    ['Mis en œuvre (2021)', 'IMPLEMENTED', '2021'],
    ['Abandonné - faute de candidats', 'ABANDONED', 'faute de candidats'],
  ])('« %s » is %s, with the remark « %s »', (written, status, remark) => {
    expect(readStatus(written)).toEqual({ ok: true, status, remark })
  })

  it('does not read a verb for a status: « Réaliser une veille » is no « réalisé »', () => {
    expect(readStatus('Réaliser collectivement une veille').ok).toBe(false)
  })

  it('refuses an unknown status with the closest statuses', () => {
    expect(readStatus('Réalsé')).toEqual({ ok: false, reason: 'Statut inconnu : « Réalsé ».', suggestions: ['Mis en œuvre'], suggestion: 'Vouliez-vous dire « Mis en œuvre » ?' })
  })

  it('gives the import report its row: row, column, value, reason, suggestion', () => {
    const reading = readStatus('Réalsé')
    expect(!reading.ok && reportRow(12, importColumnLabels.status, 'Réalsé', reading)).toEqual({ row: 12, column: 'Statut', value: 'Réalsé', reason: 'Statut inconnu : « Réalsé ».', suggestion: 'Vouliez-vous dire « Mis en œuvre » ?' })
  })

  it('refuses a status far from any with the list of accepted ones', () => {
    const reading = readStatus('Prioritaire')
    expect(reading).toMatchObject({ ok: false, reason: 'Statut inconnu : « Prioritaire ».', suggestions: [] })
    expect(reading.ok === false && reading.suggestion).toBe(`Statuts acceptés : ${Object.values(statusLabels).join(', ')}.`)
  })

  it('reads every spelling it lists as its own status (no spelling shadowed by another status)', () => {
    for (const [status, spellings] of Object.entries(statusSpellings)) for (const spelling of spellings) expect([spelling, statusOf(readStatus(spelling))]).toEqual([spelling, status])
  })

  it('reads back every label the exports write, however it is cased or accented', () => {
    const written = fc.tuple(fc.constantFrom(...Object.values(ActionStatus)), fc.constantFrom('upper', 'lower', 'bare', 'padded')).map(([status, how]) => {
      const label = statusLabels[status]
      const text = how === 'upper' ? label.toUpperCase() : how === 'lower' ? label.toLowerCase() : how === 'bare' ? label.normalize('NFD').replace(/\p{Diacritic}/gu, '') : ` ${label}  `
      return { status, text }
    })
    fc.assert(
      fc.property(written, ({ status, text }) => {
        expect(readStatus(text)).toEqual({ ok: true, status, remark: null })
      }),
    )
  })
})
