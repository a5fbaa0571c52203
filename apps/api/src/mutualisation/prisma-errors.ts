/** Prisma's "unique constraint failed" (P2002), raised when two writers race on the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}
