import { builder } from '../builder.ts'

export type Direction = 'asc' | 'desc'

export const SortDirectionEnum = builder.enumType('SortDirection', {
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
