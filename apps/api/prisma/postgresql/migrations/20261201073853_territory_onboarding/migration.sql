-- DropIndex
DROP INDEX "Organisation_inseeCode_key";

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "leftOn" TIMESTAMP(3),
ADD COLUMN     "mergedIntoInseeCode" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "platformAdmin" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_territoryId_inseeCode_key" ON "Organisation"("territoryId", "inseeCode");
