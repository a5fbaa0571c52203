-- AlterTable
ALTER TABLE "Action" ADD COLUMN "archivedAt" DATETIME;

-- AlterTable
ALTER TABLE "JointContract" ADD COLUMN "archivedAt" DATETIME;

-- AlterTable
ALTER TABLE "SharedService" ADD COLUMN "archivedAt" DATETIME;
