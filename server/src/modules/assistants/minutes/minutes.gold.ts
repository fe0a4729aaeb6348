import fs from 'node:fs';
import path from 'node:path';
import type { ActionItem } from './minutes.types.js';
import { ROOT_DIR } from '../../../config/env.js';

const FIXTURES = path.join(ROOT_DIR, 'test/fixtures/minutes');

export interface GoldCase {
  id: string;
  set: 'shared' | 'own';
  text: string;
  attendees: string[];
  decisions: string[];
  actionItems: ActionItem[];
}

interface GoldFile {
  [id: string]: { file?: string; attendees: string[]; decisions: string[]; action_items: ActionItem[] };
}

/** The two shared sample transcripts and our own four, with their gold minutes. */
export function loadGold(): GoldCase[] {
  const load = (set: GoldCase['set'], dir: string, gold: string, file: (id: string, f?: string) => string) =>
    Object.entries(JSON.parse(fs.readFileSync(path.join(dir, gold), 'utf8')) as GoldFile).map(([id, g]) => ({
      id,
      set,
      text: fs.readFileSync(path.join(dir, file(id, g.file)), 'utf8'),
      attendees: g.attendees,
      decisions: g.decisions,
      actionItems: g.action_items,
    }));
  return [
    ...load('shared', path.join(FIXTURES, 'shared'), 'transcripts.gold.json', (id) => `${id}.vtt`),
    ...load('own', FIXTURES, 'gold.json', (_id, f) => f!),
  ];
}
