// Writes a plan in one transaction: everything or nothing, audited as one import. A record changed
// by someone else since the plan was made (its version moved) aborts the whole import.
import { audit, type SystemActor } from '../audit/audit.service.ts'
import type { Viewer } from '../auth/viewer.ts'
import type { Db } from '../db.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { ImportFileError, type Deadline } from './import-limits.ts'
import type { ImportPlan } from './import-plan.ts'

export type ImportProgress = (step: 'lecture' | 'comparaison' | 'écriture', done: number, total: number) => void

const changedMeanwhile = () => new ImportFileError('Le schéma a été modifié pendant l’import : rien n’a été écrit. Relancez l’import.')

/** Updates grouped by their data: one statement per distinct change (« FORMER » for all who left…). */
async function updateGrouped<T>(items: ReadonlyArray<{ id: string; data: T }>, write: (ids: string[], data: T) => Promise<unknown>) {
  const groups = new Map<string, { ids: string[]; data: T }>()
  for (const item of items) {
    const key = JSON.stringify(item.data)
    const group = groups.get(key) ?? { ids: [], data: item.data }
    group.ids.push(item.id)
    groups.set(key, group)
  }
  for (const { ids, data } of groups.values()) await write(ids, data)
}

export async function applyPlan(db: Db, plan: ImportPlan, options: { territoryId: string; actor: Viewer | SystemActor; summary: unknown; deadline: Deadline; onProgress?: ImportProgress }) {
  const { actions, offers } = plan
  const total = actions.length + offers.length
  let done = 0
  const step = (count = 1) => {
    done += count
    if (done % 100 < count || done === total) options.onProgress?.('écriture', done, total)
  }
  const recordedAt = Date.now()
  await db.$transaction(
    async (tx) => {
      if (plan.domains.length) await tx.domain.createMany({ data: plan.domains })
      const created = offers.flatMap((offer) => (offer.create ? [offer.create] : []))
      if (created.length) await tx.offer.createMany({ data: created })
      for (const offer of offers) {
        if (offer.update) {
          const { count } = await tx.offer.updateMany({ where: { id: offer.id, version: offer.update.version }, data: { ...offer.update.data, version: { increment: 1 } } })
          if (count === 0) throw changedMeanwhile()
        }
        if (offer.staff) {
          await tx.offerStaff.deleteMany({ where: { offerId: offer.id } })
          await tx.offerStaff.createMany({ data: offer.staff.map((line) => ({ ...line, offerId: offer.id })) })
        }
        step()
      }
      const members = offers.flatMap((offer) => offer.members.create.map((member) => ({ ...member, offerId: offer.id })))
      if (members.length) await tx.offerMember.createMany({ data: members })
      await updateGrouped(offers.flatMap((offer) => offer.members.update.map(({ id, state }) => ({ id, data: { state } }))), (ids, data) => tx.offerMember.updateMany({ where: { id: { in: ids } }, data }))

      const newActions = actions.flatMap((action) => (action.create ? [action.create] : []))
      if (newActions.length) await tx.action.createMany({ data: newActions })
      step(newActions.length)
      for (const action of actions) {
        if (!action.update) continue
        const { count } = await tx.action.updateMany({ where: { id: action.id, version: action.update.version }, data: { ...action.update.data, version: { increment: 1 } } })
        if (count === 0) throw changedMeanwhile()
        step()
      }
      const participations = actions.flatMap((action) => action.participations.create)
      if (participations.length) await tx.participation.createMany({ data: participations })
      await updateGrouped(actions.flatMap((action) => action.participations.update), (ids, data) => tx.participation.updateMany({ where: { id: { in: ids } }, data }))
      // Points of one day list in recording order: each its own recording time, in the sheet's order.
      const progress: Prisma.ProgressUpdateCreateManyInput[] = actions.flatMap((action, i) => (action.progress ? [{ ...action.progress, createdAt: new Date(recordedAt + i) }] : []))
      if (progress.length) await tx.progressUpdate.createMany({ data: progress })
      await audit(tx, options.actor, { territoryId: options.territoryId, operation: 'importSchema', entityType: 'Territory', entityId: options.territoryId, after: options.summary })
      options.onProgress?.('écriture', total, total)
    },
    { timeout: Math.max(5_000, options.deadline.remaining()), maxWait: 10_000 },
  )
}
