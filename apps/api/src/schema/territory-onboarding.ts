import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { NotAllowedError, NotFoundError, ValidationError } from '../errors.ts'
import { createTerritory, refreshTerritory, type OnboardingResult } from '../territories/territory-onboarding.service.ts'

const TerritoryOnboarding = builder.objectRef<OnboardingResult>('TerritoryOnboarding').implement({
  description: 'What creating or refreshing a territory from the official data did (or, in a dry run, would do).',
  fields: (t) => ({
    territory: t.prismaField({ type: 'Territory', resolve: (query, result) => db.territory.findUniqueOrThrow({ ...query, where: { id: result.territory.id } }) }),
    created: t.exposeBoolean('created', { description: 'The territory did not exist before.' }),
    changed: t.exposeBoolean('changed', { description: 'Something was written; false when the territory already matched the release (or in a dry run).' }),
    added: t.int({ description: 'Communes added.', resolve: (result) => result.changes.added.length }),
    rejoined: t.int({ description: 'Former communes that are members again.', resolve: (result) => result.changes.rejoined.length }),
    left: t.int({ description: 'Communes marked as having left (kept, with their history).', resolve: (result) => result.changes.left.length }),
    merged: t.int({ description: 'Communes marked as merged into a commune nouvelle (kept, with their history).', resolve: (result) => result.changes.merged.length }),
    updated: t.int({ description: 'Communes whose name, population or SIREN changed.', resolve: (result) => result.changes.updated.length }),
    report: t.stringList({ description: 'One French line per change, then a closing sentence.', resolve: (result) => result.lines }),
  }),
})

const onboardingErrors = [ValidationError, NotFoundError, NotAllowedError]
const sirenDescription = 'SIREN of the EPCI, as in @etalab/decoupage-administratif (9 digits, e.g. 242100410).'

builder.mutationField('createTerritory', (t) =>
  t.field({
    type: TerritoryOnboarding,
    description: 'Creates an EPCI from the official data with its member communes (platform admins). Run again, it changes nothing.',
    authScopes: { signedIn: true },
    errors: { types: onboardingErrors, directResult: true, union: { name: 'CreateTerritoryResult' } },
    args: { siren: t.arg.string({ required: true, description: sirenDescription }) },
    resolve: (_root, args, { viewer }) => createTerritory(db, { siren: args.siren, actor: signedIn(viewer) }),
  }),
)

builder.mutationField('refreshTerritory', (t) =>
  t.field({
    type: TerritoryOnboarding,
    description: 'Applies the installed official release to a territory (its admins, or platform admins): communes that left or merged are marked, never deleted.',
    authScopes: { signedIn: true },
    errors: { types: onboardingErrors, directResult: true, union: { name: 'RefreshTerritoryResult' } },
    args: { siren: t.arg.string({ required: true, description: sirenDescription }), dryRun: t.arg.boolean({ required: false, defaultValue: false, description: 'Report what would change, write nothing.' }) },
    resolve: (_root, args, { viewer }) => refreshTerritory(db, { siren: args.siren, actor: signedIn(viewer), dryRun: args.dryRun ?? false }),
  }),
)
