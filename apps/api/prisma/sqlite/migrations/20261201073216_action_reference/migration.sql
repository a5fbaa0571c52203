-- AlterTable
ALTER TABLE "Action" ADD COLUMN "reference" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Action_territoryId_reference_key" ON "Action"("territoryId", "reference");
