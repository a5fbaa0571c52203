import { decodeGlobalID } from '@pothos/plugin-relay'
import { getNamedType, getNullableType, GraphQLInputObjectType, GraphQLList, GraphQLScalarType, type GraphQLSchema } from 'graphql'
import { HttpError } from '../reads/http-error.ts'

/** A query parameter an export cannot read: the reader's mistake (400), named in French. */
export class BadParameter extends HttpError {
  constructor(message: string) {
    super(400, message)
  }
}

/** Query parameters that are not filter fields: the territory and the sort, as in the GraphQL arguments. */
const listArguments = ['territory', 'orderBy', 'direction']

/**
 * The GraphQL variables `{ filter, orderBy, territory }` for an export URL. Each parameter is a field
 * of the list's filter input, spelled the same way (`?status=IN_PROGRESS,PLANNED&communeInseeCode=21166`);
 * list fields take comma-separated or repeated values. GraphQL then validates the values exactly as
 * it does for the API, so a filter means the same thing in both places.
 */
export function variablesFromParams(
  params: URLSearchParams,
  schema: GraphQLSchema,
  filterTypeName: string | null,
): { filter?: Record<string, unknown>; orderBy?: { field: string; direction: string }; territory: string | null } {
  const filterType = filterTypeName ? schema.getType(filterTypeName) : null
  const fields = filterType instanceof GraphQLInputObjectType ? filterType.getFields() : {}
  const filter: Record<string, unknown> = {}
  for (const name of new Set(params.keys())) {
    if (listArguments.includes(name)) continue
    const field = fields[name]
    if (!field) {
      const accepted = [...Object.keys(fields), ...(filterTypeName ? listArguments : ['territory'])].join(', ')
      throw new BadParameter(`Paramètre inconnu « ${name} ». Paramètres acceptés : ${accepted}.`)
    }
    const type = getNullableType(field.type)
    const values = params.getAll(name).flatMap((value) => (type instanceof GraphQLList ? value.split(',') : [value])).map((v) => v.trim()).filter(Boolean)
    const scalar = getNamedType(type)
    if (scalar.name === 'ID') for (const value of values) checkGlobalId(name, value)
    const parsed = values.map((value) => (scalar instanceof GraphQLScalarType && (scalar.name === 'Int' || scalar.name === 'Float') ? Number(value) : scalar.name === 'Boolean' ? value === 'true' : value))
    filter[name] = type instanceof GraphQLList ? parsed : parsed[0]
  }
  const orderBy = params.get('orderBy')
  return {
    ...(filterTypeName ? { filter } : {}),
    ...(orderBy ? { orderBy: { field: orderBy, direction: (params.get('direction') ?? 'ASC').toUpperCase() } } : {}),
    territory: params.get('territory'),
  }
}

/**
 * An ID parameter holds a global id as the API gives it (`?domain=RG9tYWluOjEy`). Checked here so
 * that a mistyped link says which parameter is wrong (400), instead of reaching the API, which names
 * neither the parameter nor the value.
 */
function checkGlobalId(name: string, value: string) {
  try {
    decodeGlobalID(value)
  } catch {
    throw new BadParameter(`Le paramètre « ${name} » attend un identifiant global tel que l'API le donne (champ id) ; « ${value} » n'en est pas un.`)
  }
}
