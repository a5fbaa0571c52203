-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';
