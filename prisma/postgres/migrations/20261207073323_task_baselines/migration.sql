-- CreateTable
CREATE TABLE "TaskBaseline" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assistant" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskBaseline_trialId_userId_assistant_key" ON "TaskBaseline"("trialId", "userId", "assistant");

-- AddForeignKey
ALTER TABLE "TaskBaseline" ADD CONSTRAINT "TaskBaseline_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskBaseline" ADD CONSTRAINT "TaskBaseline_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
