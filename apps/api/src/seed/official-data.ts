import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { findEpci, type OfficialCommune, type OfficialEpciEntry, type OfficialTerritory } from '@mutualis/domain'

const require = createRequire(import.meta.url)
const packageName = '@etalab/decoupage-administratif'

/** A member commune as the official data gives it. */
export type OfficialMember = OfficialTerritory['members'][number]

/** An EPCI and its member communes from the official data. */
export interface OfficialEpci {
  siren: string
  name: string
  legalType: OfficialTerritory['legalType']
  communes: OfficialMember[]
}

/** One yearly release of the official data: what the rules of packages/domain take as plain arguments. */
export interface OfficialRelease {
  epcis: readonly OfficialEpciEntry[]
  communes: readonly OfficialCommune[]
  /** The day its perimeters take effect: a commune it no longer lists left on that day. */
  effectiveOn: Date
  /** « découpage administratif officiel 2026 (@etalab/decoupage-administratif 6.0.0) ». */
  label: string
}

let epciCache: OfficialEpciEntry[] | undefined
let communeCache: OfficialCommune[] | undefined
// Parsing 13 MB of JSON takes a few hundred milliseconds: once per process.
const epciEntries = () => (epciCache ??= require(`${packageName}/data/epci.json`) as OfficialEpciEntry[])
const communeEntries = () => (communeCache ??= require(`${packageName}/data/communes.json`) as OfficialCommune[])

/**
 * The year of the installed release, from the table of years and versions its README keeps (the
 * data files carry no date). The COG and the EPCI perimeters of a year are those of its 1 January.
 */
function releaseYear(): { version: string; year: number | null } {
  const dir = path.dirname(require.resolve(`${packageName}/package.json`))
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8')
  const row = readme.split('\n').map((line) => line.split('|').map((cell) => cell.trim())).find((cells) => cells[2] === version && /^\d{4}$/.test(cells[1] ?? ''))
  return { version, year: row ? Number(row[1]) : null }
}

let releaseCache: OfficialRelease | undefined

/** The installed release; when its year cannot be read, its perimeters are taken as of today. */
export function officialRelease(): OfficialRelease {
  if (releaseCache) return releaseCache
  const { version, year } = releaseYear()
  const today = new Date()
  const effectiveOn = year ? new Date(Date.UTC(year, 0, 1)) : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
  releaseCache = { epcis: epciEntries(), communes: communeEntries(), effectiveOn, label: `découpage administratif officiel ${year ?? ''} (${packageName} ${version})`.replace('  ', ' ') }
  return releaseCache
}

const asEpci = (territory: OfficialTerritory): OfficialEpci => ({ siren: territory.siren, name: territory.name, legalType: territory.legalType, communes: territory.members })

/** An EPCI and its member communes from @etalab/decoupage-administratif: commune data is never hand-typed. */
export function officialEpci(siren: string): OfficialEpci {
  const found = findEpci(siren, epciEntries())
  if (!found.ok) throw new Error(found.reason)
  return asEpci(found.epci)
}

/** Every EPCI of the official data set (1,255), each with its member communes. */
export function allOfficialEpcis(): OfficialEpci[] {
  return epciEntries().map((entry) => officialEpci(entry.code))
}
