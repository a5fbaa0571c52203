-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "JointContract" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SharedService" ADD COLUMN     "archivedAt" TIMESTAMP(3);
