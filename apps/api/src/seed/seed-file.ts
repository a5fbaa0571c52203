import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ActionStatus, CostKind, Eligibility, Instrument, JoinDeliberation, OfferKind, OrganisationKind, Openness, ParticipationRole, ParticipationState, StaffMode } from '../generated/sqlite/enums.ts'
import { costKeySchema, maxAnnualAmountEuros } from '@mutualis/domain'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date ISO AAAA-MM-JJ attendue').refine((value) => !Number.isNaN(Date.parse(value)), 'date invalide')
const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'clé en kebab-case attendue')
/** "metropole", "all-communes", "commune:<official name>" or the key of a listed organisation. */
const organisationRef = z.string().min(1)
const text = z.string().trim().min(1)

const participant = z.object({
  organisation: organisationRef,
  role: z.enum(ParticipationRole),
  state: z.enum(ParticipationState),
  since: isoDate.nullable(),
})

const action = z.object({
  key,
  domain: key,
  title: text,
  description: text.nullable(),
  instrument: z.enum(Instrument),
  status: z.enum(ActionStatus),
  openness: z.enum(Openness),
  openTo: z.array(organisationRef),
  effectiveDate: isoDate.nullable(),
  plannedDate: isoDate.nullable(),
  /** The offer the action advances; null for a study or an internal measure. */
  offer: key.nullable(),
  sourceText: text,
  participants: z.array(participant),
  progress: z.array(z.object({ date: isoDate, status: z.enum(ActionStatus), text })),
})

const offer = z.object({
  key,
  /** A name a maire understands on its own. */
  name: text,
  summary: text.nullable(),
  kind: z.enum(OfferKind),
  domain: key,
  provider: organisationRef.nullable(),
  /** null: derived from the offer's actions. */
  status: z.enum(ActionStatus).nullable(),
  eligibility: z.enum(Eligibility),
  openingStudied: z.boolean(),
  /** For eligibility LISTED: who it is offered to. */
  listed: z.array(organisationRef),
  members: z.array(
    z.object({
      organisation: organisationRef,
      state: z.enum(ParticipationState),
      since: isoDate.nullable(),
      until: isoDate.nullable(),
      deliberationRef: text.nullable(),
      deliberationDate: isoDate.nullable(),
    }),
  ),
  /** Members the source counts without naming them. */
  unnamedMembers: z.number().int().positive().nullable(),
  terms: z.object({
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    renewalDate: isoDate.nullable(),
    tacitRenewal: z.boolean().nullable(),
    noticeMonths: z.number().int().min(0).max(120).nullable(),
    /** null: the usual article of the offer's kind. */
    legalBasis: text.nullable(),
    joinDeliberations: z.array(z.enum(JoinDeliberation)).nullable(),
  }),
  cost: z.object({ kind: z.enum(CostKind), annualAmount: z.number().nonnegative().max(maxAnnualAmountEuros).nullable(), year: z.number().int().nullable(), key: costKeySchema.nullable() }),
  staff: z.array(z.object({ organisation: organisationRef, mode: z.enum(StaffMode), fte: z.number().positive(), note: text.nullable() })),
})

/** The reviewed record of one territory's schéma (seeds/<territory>/schema.json). */
export const seedFileSchema = z.object({
  territory: z.object({ siren: z.string().regex(/^\d{9}$/), name: text, legalType: z.string() }),
  report: z.object({ date: isoDate, label: text }),
  nonActionLines: z.array(z.string()),
  organisations: z.array(z.object({ key, kind: z.enum(OrganisationKind).exclude(['COMMUNE', 'EPCI']), name: text })),
  domains: z.array(z.object({ key, name: text, sourceHeading: z.string().nullable() })),
  offers: z.array(offer),
  actions: z.array(action).min(1),
})

export type SeedFile = z.infer<typeof seedFileSchema>
export type SeedAction = SeedFile['actions'][number]
export type SeedOffer = SeedFile['offers'][number]

export const seedsDir = path.resolve(import.meta.dirname, '../../../../seeds')

/** Reads and validates a territory's seed; a mistake names the field at fault. */
export function readSeedFile(file = path.join(seedsDir, 'dijon-metropole', 'schema.json')): SeedFile {
  const parsed = seedFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${path.relative(process.cwd(), file)} : ${z.prettifyError(parsed.error)}`)
  return parsed.data
}
