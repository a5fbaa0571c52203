-- CreateTable
CREATE TABLE "Territory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalType" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "inseeCode" TEXT,
    "siren" TEXT,
    "population" INTEGER,
    CONSTRAINT "Organisation_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Domain_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SharedService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdOn" DATETIME,
    CONSTRAINT "SharedService_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JointContract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "renewalDate" DATETIME,
    CONSTRAINT "JointContract_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "searchText" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "openness" TEXT NOT NULL,
    "effectiveDate" DATETIME,
    "plannedDate" DATETIME,
    "sourceText" TEXT NOT NULL,
    "sharedServiceId" TEXT,
    "jointContractId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Action_sharedServiceId_fkey" FOREIGN KEY ("sharedServiceId") REFERENCES "SharedService" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Action_jointContractId_fkey" FOREIGN KEY ("jointContractId") REFERENCES "JointContract" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "since" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Participation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Participation_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actionId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "statusAfter" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "author" TEXT,
    "meeting" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProgressUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_ActionOpenTo" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_ActionOpenTo_A_fkey" FOREIGN KEY ("A") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ActionOpenTo_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Territory_siren_key" ON "Territory"("siren");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_inseeCode_key" ON "Organisation"("inseeCode");

-- CreateIndex
CREATE INDEX "Organisation_territoryId_kind_searchName_idx" ON "Organisation"("territoryId", "kind", "searchName");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_territoryId_key_key" ON "Organisation"("territoryId", "key");

-- CreateIndex
CREATE INDEX "Domain_territoryId_position_idx" ON "Domain"("territoryId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_territoryId_key_key" ON "Domain"("territoryId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SharedService_territoryId_key_key" ON "SharedService"("territoryId", "key");

-- CreateIndex
CREATE INDEX "JointContract_territoryId_endDate_idx" ON "JointContract"("territoryId", "endDate");

-- CreateIndex
CREATE UNIQUE INDEX "JointContract_territoryId_key_key" ON "JointContract"("territoryId", "key");

-- CreateIndex
CREATE INDEX "Action_territoryId_position_idx" ON "Action"("territoryId", "position");

-- CreateIndex
CREATE INDEX "Action_territoryId_status_idx" ON "Action"("territoryId", "status");

-- CreateIndex
CREATE INDEX "Action_domainId_idx" ON "Action"("domainId");

-- CreateIndex
CREATE INDEX "Action_sharedServiceId_idx" ON "Action"("sharedServiceId");

-- CreateIndex
CREATE INDEX "Action_jointContractId_idx" ON "Action"("jointContractId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_territoryId_key_key" ON "Action"("territoryId", "key");

-- CreateIndex
CREATE INDEX "Participation_actionId_idx" ON "Participation"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_organisationId_actionId_key" ON "Participation"("organisationId", "actionId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_actionId_date_idx" ON "ProgressUpdate"("actionId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "_ActionOpenTo_AB_unique" ON "_ActionOpenTo"("A", "B");

-- CreateIndex
CREATE INDEX "_ActionOpenTo_B_index" ON "_ActionOpenTo"("B");
