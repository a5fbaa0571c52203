import { db } from '../db.ts'

/**
 * Whether someone not signed in may read the published schéma: yes unless a territory has asked
 * for a login. One indexed count per anonymous request, so a change of setting applies at once on
 * every API process.
 */
export async function anonymousMayRead(): Promise<boolean> {
  return (await db.territory.count({ where: { requireLoginToRead: true } })) === 0
}
