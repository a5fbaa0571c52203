-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Domain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    CONSTRAINT "Domain_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Domain" ("id", "key", "name", "position", "territoryId") SELECT "id", "key", "name", "position", "territoryId" FROM "Domain";
DROP TABLE "Domain";
ALTER TABLE "new_Domain" RENAME TO "Domain";
CREATE INDEX "Domain_territoryId_position_idx" ON "Domain"("territoryId", "position");
CREATE UNIQUE INDEX "Domain_territoryId_key_key" ON "Domain"("territoryId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
