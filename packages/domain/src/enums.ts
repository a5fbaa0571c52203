// Generated from apps/api/prisma/models.prisma at install (apps/api/scripts/generate.mjs).
export * from './generated/enums.ts'
