import { createApp } from '../../server/src/app.js';
import type { Db } from '../../server/src/lib/db.js';
import { sweepRetention } from '../../server/src/modules/retention/retention.service.js';
import type { TestApp } from './app.js';

/** Erases one run's content the way the retention sweep does: its retention date is moved to now and a sweep runs. */
export async function purgeRun(t: TestApp, runId: string): Promise<void> {
  await t.deps.db.run.update({ where: { id: runId }, data: { retainUntil: new Date(t.deps.now().getTime() - 1) } });
  const sweep = await sweepRetention(t.deps, { trigger: 'manual' });
  if (sweep.runsPurged < 1) throw new Error('the run was not purged');
}

/** The same for a knowledge-base document. */
export async function purgeDocument(t: TestApp, documentId: string): Promise<void> {
  await t.deps.db.document.update({ where: { id: documentId }, data: { retainUntil: new Date(t.deps.now().getTime() - 1) } });
  const sweep = await sweepRetention(t.deps, { trigger: 'manual' });
  if (sweep.documentsPurged < 1) throw new Error('the document was not purged');
}

type ReadModel = 'run' | 'document';

/**
 * A database that runs `between` once, right after the first read of the row `id` (`findUnique` or
 * `findFirst` on `model`) has returned and before the caller sees the result: a purge placed exactly between a
 * service's read and its write, the race that otherwise needs luck and load to show.
 */
export function dbWithHookAfterRead(db: Db, model: ReadModel, id: string, between: () => Promise<void>): Db {
  let fired = false;
  const wrapRead =
    (read: (args: { where?: { id?: unknown } }) => Promise<unknown>) =>
    async (args: { where?: { id?: unknown } }): Promise<unknown> => {
      const row = await read(args);
      if (!fired && args?.where?.id === id) {
        fired = true;
        await between();
      }
      return row;
    };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === model) {
        const delegate = Reflect.get(target, prop) as object;
        return new Proxy(delegate, {
          get(d, k) {
            const value = Reflect.get(d, k) as unknown;
            if ((k === 'findUnique' || k === 'findFirst') && typeof value === 'function') {
              return wrapRead((value as (args: unknown) => Promise<unknown>).bind(d));
            }
            return value;
          },
        });
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The same app on a database with such a hook: sign in to it with `signedIn(hooked, user)`. */
export function appWithHookAfterRead(t: TestApp, model: ReadModel, id: string, between: () => Promise<void>): TestApp {
  const deps = { ...t.deps, db: dbWithHookAfterRead(t.deps.db, model, id, between) };
  const app = createApp(deps);
  return { ...t, app, deps };
}
