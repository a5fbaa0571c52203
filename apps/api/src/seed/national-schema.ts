import type { OfficialEpci } from './official-data.ts'
import type { SeedAction, SeedFile } from './seed-file.ts'

/** A small deterministic generator (mulberry32): the same SIREN always gives the same schéma. */
function randomFor(seed: string) {
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 2654435761) >>> 0, 2166136261)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Instruments communes join one by one, where a share of them take part rather than all or none. */
const joinedOneByOne = new Set(['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT', 'SERVICE_COMMUN', 'MISE_A_DISPOSITION'])

/**
 * A synthetic schéma for an EPCI, shaped on a reviewed one (Dijon Métropole's): the same domains,
 * services communs, marchés and actions, some left out and some in a second phase (~120 actions),
 * the communes named in the template replaced by the EPCI's own, and for instruments communes join
 * one by one, 10 to 50 % of its communes taking part. For load and scale measurements only.
 */
export function syntheticSchema(epci: OfficialEpci, template: SeedFile): SeedFile {
  const random = randomFor(epci.siren)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  const communes = epci.communes.map((c) => c.name)
  const centre = [...epci.communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0]?.name ?? epci.name
  const retext = (text: string) => text.replaceAll('Dijon Métropole', epci.name).replaceAll('Dijon', centre)
  const rekey = (key: string) => key.replaceAll('dijon', 'ville-centre')
  const communeFor = new Map<string, string>()
  const ref = (organisation: string) => {
    if (!organisation.startsWith('commune:')) return rekey(organisation)
    if (!communeFor.has(organisation)) communeFor.set(organisation, pick(communes))
    return `commune:${communeFor.get(organisation)}`
  }

  const adapt = (action: SeedAction, key: string, title: string): SeedAction => {
    const named = new Map(action.participants.map((p) => [ref(p.organisation), { ...p, organisation: ref(p.organisation) }]))
    if (joinedOneByOne.has(action.instrument) && !named.has('all-communes')) {
      const share = 0.1 + random() * 0.4
      for (const commune of communes) {
        if (random() >= share || named.has(`commune:${commune}`)) continue
        const state = random() < 0.85 ? 'MEMBER' : pick(['PLANNED', 'REQUESTED'] as const)
        named.set(`commune:${commune}`, { organisation: `commune:${commune}`, role: random() < 0.7 ? 'MEMBER' : 'BENEFICIARY', state, since: state === 'MEMBER' ? action.effectiveDate : null })
      }
    }
    return {
      ...action, key, title: retext(title),
      description: action.description && retext(action.description), sourceText: retext(action.sourceText),
      openTo: [...new Set(action.openTo.map(ref))], participants: [...named.values()],
      progress: action.progress.map((p) => ({ ...p, text: retext(p.text) })),
    }
  }

  const actions = template.actions.flatMap((action) => {
    const kept = random() < 0.9 ? [adapt(action, action.key, action.title)] : []
    const secondPhase = random() < 0.1 ? [adapt(action, `${action.key}-phase-2`, `${action.title} (phase 2)`)] : []
    return [...kept, ...secondPhase]
  })
  return {
    ...template,
    territory: { siren: epci.siren, name: epci.name, legalType: epci.legalType },
    organisations: template.organisations.map((o) => ({ ...o, key: rekey(o.key), name: retext(o.name) })),
    actions: actions.length > 0 ? actions : [adapt(template.actions[0], template.actions[0].key, template.actions[0].title)],
  }
}
