-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "runAfter" TIMESTAMP(3);
