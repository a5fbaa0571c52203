import { dueWithin, type DueKind } from '@mutualis/domain'
import { GraphQLError } from 'graphql'
import { endOfDay, today } from '../analytics/history.rules.ts'
import { requireTerritory } from '../analytics/statistics.service.ts'
import { db } from '../db.ts'
import type { Offer, Prisma } from '../generated/sqlite/client.ts'

/** The days from today to the same day `months` later (the month's last day when it is shorter), both included. */
function dueWindow(months: number, now: Date): { from: Date; to: Date } {
  if (!Number.isInteger(months) || months < 0 || months > 120) {
    throw new GraphQLError('withinMonths : un nombre entier de mois entre 0 et 120 est attendu.', { extensions: { code: 'VALIDATION' } })
  }
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return { from: now, to: new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay))) }
}

/**
 * The offers whose end or renewal falls between today and `months` later (the notice deadline comes
 * before either, so it is within too when they are); no condition when `months` is not given.
 */
export function dueWithinWhere(months: number | null | undefined, now: Date): Prisma.OfferWhereInput {
  if (months == null) return {}
  const window = dueWindow(months, now)
  const within = { gte: window.from, lt: endOfDay(window.to) }
  return { OR: [{ endDate: within }, { renewalDate: within }] }
}

/**
 * Ends, renewals and notice deadlines between today and `months` ahead, in date order. A notice
 * deadline comes up to ten years before the date it is for, so every offer with an end or renewal
 * still ahead is a candidate; the rule of packages/domain picks the dates. One statement (plus the
 * query's nested selections).
 */
export async function offersDue(
  months: number,
  territorySiren: string | null | undefined,
  selection: { select?: Prisma.OfferSelect; include?: Prisma.OfferInclude },
): Promise<Array<{ offer: Offer; kind: DueKind; date: Date }>> {
  const now = today()
  dueWindow(months, now)
  await requireTerritory(territorySiren)
  const shape = selection.select ? { select: { ...selection.select, endDate: true, renewalDate: true, noticeMonths: true, name: true, id: true } } : { include: selection.include }
  const offers = (await db.offer.findMany({
    ...(shape as object),
    where: { archivedAt: null, ...(territorySiren ? { territory: { siren: territorySiren } } : {}), OR: [{ endDate: { gte: now } }, { renewalDate: { gte: now } }] },
    orderBy: { name: 'asc' },
  })) as Offer[]
  return offers
    .flatMap((offer) => dueWithin(offer, now, months).map((due) => ({ offer, ...due })))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.offer.name.localeCompare(b.offer.name, 'fr'))
}
