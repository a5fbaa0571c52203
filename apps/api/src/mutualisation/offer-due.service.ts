import { dueWithin, type DueKind } from '@mutualis/domain'
import { dueWindow } from '../analytics/list-filters.ts'
import { today } from '../analytics/history.rules.ts'
import { requireTerritory } from '../analytics/statistics.service.ts'
import { db } from '../db.ts'
import type { Offer, Prisma } from '../generated/sqlite/client.ts'

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
