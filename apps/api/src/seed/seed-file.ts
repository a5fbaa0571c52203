import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ActionStatus, Instrument, OrganisationKind, Openness, ParticipationRole, ParticipationState, ProcurementProcedure } from '../generated/sqlite/enums.ts'

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
  sharedService: key.nullable(),
  jointContract: key.nullable(),
  sourceText: text,
  participants: z.array(participant),
  progress: z.array(z.object({ date: isoDate, status: z.enum(ActionStatus), text })),
})

/** The reviewed record of one territory's schéma (seeds/<territory>/schema.json). */
export const seedFileSchema = z.object({
  territory: z.object({ siren: z.string().regex(/^\d{9}$/), name: text, legalType: z.string() }),
  report: z.object({ date: isoDate, label: text }),
  nonActionLines: z.array(z.string()),
  organisations: z.array(z.object({ key, kind: z.enum(OrganisationKind).exclude(['COMMUNE', 'EPCI']), name: text })),
  domains: z.array(z.object({ key, name: text, sourceHeading: z.string().nullable() })),
  sharedServices: z.array(z.object({ key, name: text, createdOn: isoDate.nullable() })),
  jointContracts: z.array(
    z.object({ key, subject: text, procedure: z.enum(ProcurementProcedure), startDate: isoDate.nullable(), endDate: isoDate.nullable(), renewalDate: isoDate.nullable() }),
  ),
  actions: z.array(action).min(1),
})

export type SeedFile = z.infer<typeof seedFileSchema>
export type SeedAction = SeedFile['actions'][number]

export const seedsDir = path.resolve(import.meta.dirname, '../../../../seeds')

/** Reads and validates a territory's seed; a mistake names the field at fault. */
export function readSeedFile(file = path.join(seedsDir, 'dijon-metropole', 'schema.json')): SeedFile {
  const parsed = seedFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${path.relative(process.cwd(), file)} : ${z.prettifyError(parsed.error)}`)
  return parsed.data
}
