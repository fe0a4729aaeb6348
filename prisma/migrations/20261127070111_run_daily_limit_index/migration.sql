-- DropIndex
DROP INDEX "Run_userId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Run_userId_trialId_createdAt_status_idx" ON "Run"("userId", "trialId", "createdAt", "status");
