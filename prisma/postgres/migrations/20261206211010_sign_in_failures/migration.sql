-- CreateTable
CREATE TABLE "SignInFailure" (
    "key" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInFailure_scoredAt_idx" ON "SignInFailure"("scoredAt");
