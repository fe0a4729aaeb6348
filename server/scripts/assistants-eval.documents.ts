/**
 * The documents assistant, scored over the API: the set's knowledge base is uploaded into a trial (POST
 * /api/trials/:trialId/documents, policy interne-referater), the script waits for each indexing job (GET
 * /api/jobs/:id) as the page does, then asks each question with POST /api/runs (assistant `documents`).
 *
 * From the run's `details` (DocumentsRunDetails): an answerable question is a hit when the first citation is in
 * the gold document and its span overlaps the gold passage (the shared sample data's scoring suggestion), and the
 * run answered; a question is declined when `answered` is false.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CSRF_HEADER } from '../src/contracts/auth.js';
import { DocumentsRunDetails, DocumentUploadResponse } from '../src/contracts/documents.js';
import { JobResponse } from '../src/contracts/jobs.js';
import {
  FIXTURES,
  fixed,
  nOf,
  ratio,
  readJsonl,
  sendRun,
  take,
  trialWith,
  type EvalApp,
  type ScoreReport,
  setFiles,
  type SetFiles,
  type SetName,
} from './assistants-eval.harness.js';
import type { Client } from '../../test/support/factories.js';

const POLICY = 'interne-referater';
const INDEX_TIMEOUT_MS = 120_000;

interface Question {
  id: string;
  question: string;
  gold: { answerable: boolean; doc?: string; passage?: string };
}

const dir = path.join(FIXTURES, 'documents');
/** own = our extra questions, shared = the shared sample's eight; both on the same three documents. */
export const SETS: SetFiles<{ kb: string; questions: string }> = {
  'blind-8': { kb: path.join(dir, 'blind-8/kb'), questions: path.join(dir, 'blind-8/questions.jsonl') },
  blind: { kb: path.join(dir, 'blind-5/kb'), questions: path.join(dir, 'blind-5/questions.jsonl') },
  'blind-7': { kb: path.join(dir, 'blind-7/kb'), questions: path.join(dir, 'blind-7/questions.jsonl') },
  'blind-6': { kb: path.join(dir, 'blind-6/kb'), questions: path.join(dir, 'blind-6/questions.jsonl') },
  'blind-4': { kb: path.join(dir, 'blind-4/kb'), questions: path.join(dir, 'blind-4/questions.jsonl') },
  'blind-3': { kb: path.join(dir, 'blind-3/kb'), questions: path.join(dir, 'blind-3/questions.jsonl') },
  'blind-2': { kb: path.join(dir, 'blind-2/kb'), questions: path.join(dir, 'blind-2/questions.jsonl') },
  'dev-3': { kb: path.join(dir, 'dev-3/kb'), questions: path.join(dir, 'dev-3/questions.jsonl') },
  own: { kb: path.join(dir, 'kb'), questions: path.join(dir, 'extra-questions.jsonl') },
  shared: { kb: path.join(dir, 'kb'), questions: path.join(dir, 'kb-questions.jsonl') },
};

/** Uploads one document and waits until its indexing job has finished; the job's final status. */
async function uploadAndWait(c: Client, trialId: string, file: string): Promise<{ id: string; status: string }> {
  const res = await c.agent
    .post(`/api/trials/${trialId}/documents`)
    .set(CSRF_HEADER, c.csrf)
    .attach('file', fs.readFileSync(file), { filename: path.basename(file), contentType: 'text/markdown' });
  if (res.status !== 202) return { id: '', status: `upload ${res.status}` };
  const { document, jobId } = DocumentUploadResponse.parse(res.body);
  const started = Date.now();
  for (;;) {
    const { job } = JobResponse.parse((await c.get(`/api/jobs/${jobId}`).expect(200)).body);
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED' || job.status === 'CANCELLED') return { id: document.id, status: job.status };
    if (Date.now() - started > INDEX_TIMEOUT_MS) throw new Error(`indexing ${path.basename(file)} did not finish within ${INDEX_TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function scoreDocuments(e: EvalApp, set: SetName, limit = 0): Promise<ScoreReport> {
  const { kb, questions: qfile } = setFiles(SETS, set, 'documents');
  const questions = take(readJsonl<Question>(qfile), limit);
  const { trialId, leader, person } = await trialWith(e, 'documents', POLICY);
  const notes: string[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  let notIndexed = 0;
  for (const f of fs.readdirSync(kb).filter((n) => n.endsWith('.md')).sort()) {
    const { id, status } = await uploadAndWait(leader, trialId, path.join(kb, f));
    if (status !== 'SUCCEEDED') {
      notIndexed++;
      notes.push(`${f}: not indexed (${status})`);
    }
    ids.set(f, id);
    texts.set(f, fs.readFileSync(path.join(kb, f), 'utf8'));
  }
  const refusals: string[] = [];
  const answerable = { n: 0, hit: 0, declined: 0 };
  const unanswerable = { n: 0, declined: 0 };
  for (const q of questions) {
    const outcome = await sendRun(await person(), trialId, 'documents', q.question);
    if (q.gold.answerable) answerable.n++;
    else unanswerable.n++;
    if (!outcome.ok) {
      refusals.push(outcome.code);
      notes.push(`${q.id}: refused (${outcome.status} ${outcome.code})`);
      continue;
    }
    const details = DocumentsRunDetails.parse(outcome.run.details);
    if (!q.gold.answerable) {
      if (!details.answered) unanswerable.declined++;
      else notes.push(`${q.id}: unanswerable, answered from ${details.citations[0]?.filename ?? '-'} "${details.citations[0]?.heading ?? ''}"`);
      continue;
    }
    if (!details.answered) {
      answerable.declined++;
      notes.push(`${q.id}: answerable, declined (${details.reason ?? '-'})`);
      continue;
    }
    const top = details.citations[0];
    const start = texts.get(q.gold.doc!)?.indexOf(q.gold.passage!) ?? -1;
    const end = start + (q.gold.passage?.length ?? 0);
    if (top && start >= 0 && top.documentId === ids.get(q.gold.doc!) && top.startChar < end && top.endChar > start) answerable.hit++;
    else notes.push(`${q.id}: first citation ${top ? `${top.filename} "${top.heading ?? ''}" ${top.startChar}-${top.endChar}` : 'none'}, gold ${q.gold.doc} ${start}-${end}`);
  }
  const refused = refusals.length;
  const refusedText = refused ? ` (${refused} refused: ${[...new Set(refusals)].join(', ')})` : '';
  const kbText = notIndexed ? `; ${notIndexed} of ${ids.size} documents not indexed` : '';
  return {
    assistant: 'documents',
    set,
    cases: questions.length,
    refused,
    notes,
    measures: [
      {
        measure: 'right passage cited first (answerable)',
        value: `${nOf(answerable.hit, answerable.n)} (${fixed(ratio(answerable.hit, answerable.n), 2)})${refusedText}${kbText}`,
        fraction: ratio(answerable.hit, answerable.n),
      },
      { measure: 'unanswerable questions declined', value: nOf(unanswerable.declined, unanswerable.n), fraction: ratio(unanswerable.declined, unanswerable.n) },
      { measure: 'answerable questions wrongly declined', value: nOf(answerable.declined, answerable.n), fraction: ratio(answerable.declined, answerable.n) },
    ],
  };
}
