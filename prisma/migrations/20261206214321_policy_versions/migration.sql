-- CreateTable
CREATE TABLE "PolicyVersion" (
    "policyId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "lastServedAt" DATETIME NOT NULL,

    PRIMARY KEY ("policyId", "version")
);
