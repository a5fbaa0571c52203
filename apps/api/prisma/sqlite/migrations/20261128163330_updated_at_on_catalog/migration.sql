-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_JointContract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "renewalDate" DATETIME,
    "archivedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JointContract_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_JointContract" ("archivedAt", "endDate", "id", "key", "procedure", "renewalDate", "startDate", "subject", "territoryId") SELECT "archivedAt", "endDate", "id", "key", "procedure", "renewalDate", "startDate", "subject", "territoryId" FROM "JointContract";
DROP TABLE "JointContract";
ALTER TABLE "new_JointContract" RENAME TO "JointContract";
CREATE INDEX "JointContract_territoryId_endDate_idx" ON "JointContract"("territoryId", "endDate");
CREATE UNIQUE INDEX "JointContract_territoryId_key_key" ON "JointContract"("territoryId", "key");
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "inseeCode" TEXT,
    "siren" TEXT,
    "population" INTEGER,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Organisation_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Organisation" ("id", "inseeCode", "key", "kind", "name", "population", "searchName", "siren", "territoryId") SELECT "id", "inseeCode", "key", "kind", "name", "population", "searchName", "siren", "territoryId" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_inseeCode_key" ON "Organisation"("inseeCode");
CREATE INDEX "Organisation_territoryId_kind_searchName_idx" ON "Organisation"("territoryId", "kind", "searchName");
CREATE UNIQUE INDEX "Organisation_territoryId_key_key" ON "Organisation"("territoryId", "key");
CREATE TABLE "new_SharedService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdOn" DATETIME,
    "archivedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SharedService_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SharedService" ("archivedAt", "createdOn", "id", "key", "name", "territoryId") SELECT "archivedAt", "createdOn", "id", "key", "name", "territoryId" FROM "SharedService";
DROP TABLE "SharedService";
ALTER TABLE "new_SharedService" RENAME TO "SharedService";
CREATE UNIQUE INDEX "SharedService_territoryId_key_key" ON "SharedService"("territoryId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
