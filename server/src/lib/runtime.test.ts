import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runOnceInWorker, siblingModule } from './runtime.js';

const FIXTURE = new URL('../../../test/support/once-worker.fixture.ts', import.meta.url);

describe('runtime', () => {
  it('names a sibling module with the extension of the module asking: .ts from the sources, .js when built', () => {
    expect(siblingModule('file:///app/server/src/modules/files/files.extract.ts', './files.parse').href).toBe(
      'file:///app/server/src/modules/files/files.parse.ts',
    );
    expect(siblingModule('file:///app/dist/server/src/main.js', '../../prisma/tools/schema-engine').href).toBe(
      'file:///app/dist/prisma/tools/schema-engine.js',
    );
  });

  it('runs a function of a TypeScript module once in another thread and returns its result', async () => {
    const result = await runOnceInWorker<{ label: string; threadId: number }>(FIXTURE, 'describeThread', ['migrations']);
    expect(result.label).toBe('migrations');
    expect(result.threadId).not.toBe(threadId);
  });

  it('passes a rejection on with its message, so that a failed migration stops the start with the reason', async () => {
    await expect(runOnceInWorker(FIXTURE, 'refuse', ['table exists'])).rejects.toThrow('refused: table exists');
  });
});
