-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "possiblyHighRisk" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dataProtectionAdviser" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ComplianceApproval" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "factsHash" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "approvedById" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplianceApproval_trialId_kind_approvedAt_idx" ON "ComplianceApproval"("trialId", "kind", "approvedAt");

-- AddForeignKey
ALTER TABLE "ComplianceApproval" ADD CONSTRAINT "ComplianceApproval_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceApproval" ADD CONSTRAINT "ComplianceApproval_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
