import { threadId } from 'node:worker_threads';

/** Used by server/src/lib/runtime.test.ts: runs in a worker thread of its own. */
export async function describeThread(label: string): Promise<{ label: string; threadId: number }> {
  return { label, threadId };
}

export async function refuse(reason: string): Promise<never> {
  throw new Error(`refused: ${reason}`);
}
