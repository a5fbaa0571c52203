import { GraphQLError } from 'graphql'
import { builder } from '../builder.ts'

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses an ISO calendar date; rejects impossible dates such as 2023-02-30. */
export function parseIsoDate(value: unknown): Date {
  const match = typeof value === 'string' ? isoDate.exec(value) : null
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date invalide « ${String(value)} » : le format attendu est AAAA-MM-JJ.`, { extensions: { code: 'VALIDATION' } })
  }
  return date
}

builder.scalarType('Date', {
  description: 'Calendar date as an ISO 8601 string, YYYY-MM-DD.',
  serialize: (date) => date.toISOString().slice(0, 10),
  parseValue: parseIsoDate,
})
