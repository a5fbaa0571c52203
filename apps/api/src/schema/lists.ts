import type { InputObjectRef, SchemaTypes } from '@pothos/core'
import { GraphQLError } from 'graphql'
import { builder } from '../builder.ts'
import { requestLimits } from '../request-limits.ts'

// What every list of the schema shares: its sort input, its arguments, the size it is counted at,
// and the pieces its entity's where-builder puts together.

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never

type Direction = 'asc' | 'desc'

const SortDirectionEnum = builder.enumType('SortDirection', {
  values: { ASC: { value: 'asc' as const, description: 'Croissant' }, DESC: { value: 'desc' as const, description: 'Décroissant' } },
})

/**
 * A list's sort input `<Name>Order { field, direction }` and the Prisma orderBy it stands for.
 * Every ordering ends with the id so that rows never tie and cursor pages never skip or repeat one.
 */
export function listOrder<Field extends string, OrderBy extends object>(
  name: string,
  fields: Record<Field, { description: string; orderBy: (direction: Direction) => OrderBy[] }>,
  defaultField: Field,
) {
  const FieldEnum = builder.enumType(`${name}OrderField`, {
    values: Object.fromEntries(Object.entries(fields).map(([field, spec]) => [field, { value: field, description: (spec as { description: string }).description }])) as unknown as Record<
      Field,
      { value: Field }
    >,
  })
  const Input = builder.inputType(`${name}Order`, {
    fields: (t) => ({
      field: t.field({ type: FieldEnum, required: true }),
      direction: t.field({ type: SortDirectionEnum, required: false, defaultValue: 'asc' }),
    }),
  })
  const toOrderBy = (order: { field: Field; direction?: Direction | null } | null | undefined): OrderBy[] => {
    const direction = order?.direction ?? 'asc'
    return [...fields[order?.field ?? defaultField].orderBy(direction), { id: direction } as OrderBy]
  }
  return { Input, toOrderBy }
}

/** Restricts a list to one territory when its SIREN is given. */
export const territoryArgs = builder.args((t) => ({
  territory: t.string({ required: false, description: 'SIREN of the EPCI; all territories when omitted.' }),
}))

export function territoryWhere(siren: string | null | undefined) {
  return siren ? { territory: { siren } } : {}
}

/** The arguments of a filtered, sorted list of the root query: `filter`, `orderBy` and `territory`. */
export function listArgs<Filter, Order>(filter: InputObjectRef<Types, Filter>, order: { Input: InputObjectRef<Types, Order> }) {
  return builder.args((t) => ({
    filter: t.field({ type: filter, required: false }),
    orderBy: t.field({ type: order.Input, required: false }),
    ...territoryArgs,
  }))
}

/**
 * The complexity of a nested list as long as a territory's list (an organisation's participations:
 * the EPCI itself takes part in most of its schéma), not as an ordinary nested one.
 */
export const territoryLongList = { field: 1, multiplier: requestLimits.territoryListSize }

export type GlobalId = { typename: string; id: string } | null | undefined

/** The database id behind a global id, refusing an id of another type (a commune's id is an organisation's). */
export function idOf(globalId: GlobalId, ...typenames: string[]): string | undefined {
  if (!globalId) return undefined
  if (!typenames.includes(globalId.typename)) {
    throw new GraphQLError(`L'identifiant donné désigne un objet ${globalId.typename}, et non ${typenames.join(' ou ')}.`, { extensions: { code: 'VALIDATION' } })
  }
  return globalId.id
}

/** A condition on a calendar-date column between two days, both included; nothing when neither is given. */
export function dayRange(from: Date | null | undefined, to: Date | null | undefined) {
  if (!from && !to) return undefined
  return { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) }
}

/** A condition on a timestamp column (createdAt, updatedAt) from the start of a day on. */
export function since(day: Date | null | undefined) {
  return day ? { gte: day } : undefined
}

/** One of the values, when a list of them is given. */
export const listed = <T>(values: T[] | null | undefined) => (values?.length ? { in: values } : undefined)

/** Drops undefined entries so that an absent filter adds no condition. */
export const defined = <T extends object>(where: T): T => Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined)) as T
