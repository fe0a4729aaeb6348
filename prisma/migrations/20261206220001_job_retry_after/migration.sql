-- AlterTable
ALTER TABLE "Job" ADD COLUMN "runAfter" DATETIME;
