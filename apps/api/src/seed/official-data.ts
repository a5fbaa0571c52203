import { createRequire } from 'node:module'
import type { LegalType } from '../generated/sqlite/enums.ts'

const require = createRequire(import.meta.url)

interface EtalabEpci {
  code: string
  nom: string
  type: 'METRO' | 'CU' | 'CA' | 'CC' | 'EPT' | string
  membres: Array<{ code: string; siren: string; nom: string; populationMunicipale?: number; populationTotale?: number }>
}

export interface OfficialCommune {
  inseeCode: string
  siren: string
  name: string
  /** Population municipale, the legal population of the commune. */
  population: number | null
}

export interface OfficialEpci {
  siren: string
  name: string
  legalType: LegalType
  communes: OfficialCommune[]
}

const legalTypes: Record<string, LegalType> = {
  METRO: 'METROPOLE',
  CU: 'COMMUNAUTE_URBAINE',
  CA: 'COMMUNAUTE_D_AGGLOMERATION',
  CC: 'COMMUNAUTE_DE_COMMUNES',
  EPT: 'ETABLISSEMENT_PUBLIC_TERRITORIAL',
  // The Métropole de Lyon is a collectivité à statut particulier; as a territory it is a métropole.
  MET69: 'METROPOLE',
}

let cache: EtalabEpci[] | undefined
function etalabEpcis(): EtalabEpci[] {
  cache ??= require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[]
  return cache
}

function toOfficial(epci: EtalabEpci): OfficialEpci {
  const legalType = legalTypes[epci.type]
  if (!legalType) throw new Error(`Type d'EPCI inconnu « ${epci.type} » pour ${epci.nom}`)
  return {
    siren: epci.code,
    name: epci.nom,
    legalType,
    communes: epci.membres.map((m) => ({ inseeCode: m.code, siren: m.siren, name: m.nom, population: m.populationMunicipale ?? null })),
  }
}

/** An EPCI and its member communes from @etalab/decoupage-administratif: commune data is never hand-typed. */
export function officialEpci(siren: string): OfficialEpci {
  const epci = etalabEpcis().find((candidate) => candidate.code === siren)
  if (!epci) throw new Error(`Aucun EPCI de SIREN ${siren} dans le découpage administratif officiel`)
  return toOfficial(epci)
}

/** Every EPCI of the official data set (1,255), each with its member communes. */
export function allOfficialEpcis(): OfficialEpci[] {
  return etalabEpcis().map(toOfficial)
}
