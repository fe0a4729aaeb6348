-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "fourEyes" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "briefingRevision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RetentionSweep" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "trigger" TEXT NOT NULL,
    "runsPurged" INTEGER NOT NULL DEFAULT 0,
    "documentsPurged" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "startedById" TEXT,

    CONSTRAINT "RetentionSweep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionSweep_startedAt_idx" ON "RetentionSweep"("startedAt");
