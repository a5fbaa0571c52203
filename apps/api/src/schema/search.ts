import { rankSearchHits, searchHitKinds, type SearchHitKind } from '@mutualis/domain'
import { builder } from '../builder.ts'
import { ValidationError } from '../errors.ts'
import { searchAll, type SearchHit } from '../mutualisation/search.service.ts'
import { ActionRef } from './action.ts'
import { Commune } from './commune.ts'
import { DomainRef } from './domain.ts'
import { OfferRef } from './offer.ts'
import { territoryArgs } from './lists.ts'

const SearchHitKindEnum = builder.enumType('SearchHitKind', {
  values: Object.fromEntries(searchHitKinds.map((kind) => [kind, { value: kind }])) as unknown as Record<SearchHitKind, { value: SearchHitKind }>,
})

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'A commune, an offer, a domain or an action matching a search; the object itself in its own field.',
  fields: (t) => ({
    kind: t.field({ type: SearchHitKindEnum, resolve: (hit) => hit.kind }),
    name: t.exposeString('name', { description: 'Its name (an action’s title).' }),
    detail: t.exposeString('detail', { nullable: true, description: 'What places it: the domain, the kind of offer, the population.' }),
    commune: t.field({ type: Commune, nullable: true, resolve: (hit) => hit.commune ?? null }),
    offer: t.field({ type: OfferRef, nullable: true, resolve: (hit) => hit.offer ?? null }),
    domain: t.field({ type: DomainRef, nullable: true, resolve: (hit) => hit.domain ?? null }),
    action: t.field({ type: ActionRef, nullable: true, resolve: (hit) => hit.action ?? null }),
  }),
})

const searchLimits = { words: 2, first: 50 }

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHitRef],
    description: `Communes, offers, domains and actions whose words match, ranked: exact names first, then names, then mentions; accents and case ignored (${searchLimits.first} at most).`,
    args: {
      text: t.arg.string({ required: true, description: 'Two letters at least.' }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
      ...territoryArgs,
    },
    resolve: async (_root, args) => {
      const first = args.first ?? 20
      if (!Number.isInteger(first) || first < 1 || first > searchLimits.first) throw new ValidationError(`first : entre 1 et ${searchLimits.first}.`, 'first')
      if (args.text.trim().length < searchLimits.words) return []
      return rankSearchHits(args.text, await searchAll(args.text, args.territory)).slice(0, first)
    },
  }),
}))
