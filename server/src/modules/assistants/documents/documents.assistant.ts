import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { Citation, DocumentsRunDetails } from '../../../contracts/documents.js';
import { countReadyDocuments, retrievePassages, type Passage } from '../../documents/documents.service.js';
import { OFFLINE_NOTICE } from '../../providers/providers.types.js';
import type { Assistant, AssistantRequest, AssistantResult } from '../assistant.types.js';
import { checkQuotes } from './documents.quotes.js';
import { answersQuestion } from './documents.decide.js';

export const NOT_FOUND_ANSWER = 'Jeg kan ikke finde svaret i prøvehandlingens dokumenter.';
export const EMPTY_KNOWLEDGE_BASE_ANSWER =
  'Prøvehandlingens vidensbase er tom, så der er ingen dokumenter at søge i. Bed lederen af prøvehandlingen om at tilføje dokumenter.';
export const ALL_REFUSED_ANSWER =
  'De afsnit, der kunne besvare spørgsmålet, indeholder oplysninger, som prøvehandlingens datapolitik ikke tillader at sende til sprogmodellen. Læs dem selv i dokumenterne, eller spørg lederen af prøvehandlingen.';

/**
 * A relevance (BM25 score / ln(1 + collection size), see retrieval.ts) half of which admits a passage as context
 * for a language model. Whether the question is answered at all is decided in documents.decide.ts.
 */
export const RELEVANCE_THRESHOLD = 2.0;
/** Passages given to a language model: the best, and up to three more that clear a lower bar as context. */
const MAX_SOURCES = 4;
const CONTEXT_THRESHOLD = RELEVANCE_THRESHOLD / 2;
/** Passages the offline engine quotes: the best, and a second only when it is nearly as good. */
const MAX_QUOTES = 2;
const SECOND_QUOTE_RATIO = 0.75;

const PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    [
      'Du besvarer medarbejderes spørgsmål ud fra kommunens interne dokumenter.',
      'Brug kun de nummererede kilder, du får. Henvis til den kilde, et udsagn bygger på, med dens nummer i firkantede parenteser, fx [1] eller [2].',
      'Citerer du en kilde, så gengiv sætningen ordret i »…« lige før henvisningen, fx »Ferie skal søges senest 1. marts.« [1]. Et citat, der ikke står ordret i kilden, fjernes.',
      'Står svaret ikke i kilderne, så svar præcis: "{notFound}" og intet andet. Svar aldrig ud fra din egen viden.',
      'Svar kort og klart på dansk.',
      'Teksten kan indeholde pladsholdere i firkantede parenteser, fx [NAVN_1] eller [TELEFON_1]. De står i stedet for personoplysninger. Gengiv dem nøjagtigt, og gæt aldrig på, hvad de dækker over.',
    ].join(' '),
  ],
  ['human', 'Kilder:\n\n{sources}\n\nSpørgsmål: {question}'],
]);

/**
 * Whether a passage clears a bar: its BM25 relevance, or, when hybrid retrieval found it by its embedding, a
 * cosine similarity of at least EMBEDDING_MIN_SIMILARITY (docs/decisions/0007). Without embeddings this is the
 * BM25 rule alone.
 */
function clears(req: AssistantRequest, p: Passage, bar: number): boolean {
  return p.relevance >= bar || (p.similarity !== undefined && p.similarity >= req.deps.config.embeddingMinSimilarity);
}

function citationOf(n: number, p: Passage): Citation {
  return { n, documentId: p.documentId, filename: p.filename, heading: p.heading, quote: p.quote, startChar: p.startChar, endChar: p.endChar, score: p.relevance };
}

function sourceLabel(c: Citation): string {
  return c.heading ? `${c.filename}, afsnittet "${c.heading}"` : c.filename;
}

function result(req: AssistantRequest, draft: string, details: DocumentsRunDetails, usage = { promptTokens: 0, completionTokens: 0 }): AssistantResult {
  // Nothing was sent to a model on these paths: the run records the offline engine.
  return { draft, details, provider: 'offline', model: req.deps.providers.offline.model, usage };
}

/** The offline engine: the best passage(s), verbatim, with where they stand. */
function offlineAnswer(req: AssistantRequest, passages: Passage[]): AssistantResult {
  const best = passages[0]!;
  const quoted = passages
    .slice(0, MAX_QUOTES)
    .filter((p, i) => i === 0 || (p.relevance >= SECOND_QUOTE_RATIO * best.relevance && p.quote !== best.quote));
  const citations = quoted.map((p, i) => citationOf(i + 1, p));
  const draft = [
    `${OFFLINE_NOTICE}. Sådan står der i prøvehandlingens dokumenter:`,
    '',
    ...citations.map((c) => `»${c.quote}« [${c.n}]`),
    '',
    'Kilder:',
    ...citations.map((c) => `[${c.n}] ${sourceLabel(c)}`),
  ].join('\n');
  return result(req, draft, { answered: true, reason: 'answered', citations, engine: 'offline-retrieval' });
}

/** Numbers in square brackets that name a source we sent. */
export function citedNumbers(text: string, count: number): number[] {
  const seen = new Set<number>();
  for (const m of text.matchAll(/\[(\d{1,2})(?:\s*,\s*(\d{1,2}))*\]/g)) {
    for (const n of m[0].match(/\d+/g) ?? []) {
      const k = Number(n);
      if (k >= 1 && k <= count) seen.add(k);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * Answers a question from the trial's knowledge base. Retrieval runs on our side; only when the best passage
 * is relevant enough does anything go to a model, and then each passage first meets the run's policy through
 * `req.protect` (masked like the question, or left out when the policy would refuse it).
 */
export const documentsAssistant: Assistant = {
  id: 'documents',
  async run(req: AssistantRequest): Promise<AssistantResult> {
    if ((await countReadyDocuments(req.deps, req.trialId)) === 0) {
      return result(req, EMPTY_KNOWLEDGE_BASE_ANSWER, { answered: false, reason: 'no_documents', citations: [] });
    }
    // Placeholders ([NAVN_1]) say nothing about the topic; searching with them would only add noise.
    const query = req.text.replace(/\[[A-ZÆØÅ_]+_\d+\]/g, ' ');
    const found = await retrievePassages(req.deps, req.trialId, query, MAX_SOURCES, req.actor, req.runId);
    // Answered when the retrieval signals agree (documents.decide.ts), or an embedding is close enough.
    const embedded = found.filter((p) => p.similarity !== undefined && p.similarity >= req.deps.config.embeddingMinSimilarity);
    if (!answersQuestion(found) && embedded.length === 0) {
      return result(req, NOT_FOUND_ANSWER, { answered: false, reason: 'not_found', citations: [] });
    }
    if (req.provider.kind === 'offline') return offlineAnswer(req, answersQuestion(found) ? found : embedded);

    const sent: { passage: Passage; text: string }[] = [];
    for (const passage of found.filter((p) => clears(req, p, CONTEXT_THRESHOLD))) {
      const text = req.protect(passage.text);
      if (text !== null) sent.push({ passage, text });
    }
    if (sent.length === 0) return result(req, ALL_REFUSED_ANSWER, { answered: false, reason: 'all_refused', citations: [] });

    const sources = sent.map((s, i) => `[${i + 1}] ${s.passage.filename}${s.passage.heading ? ` – ${s.passage.heading}` : ''}\n${s.text}`).join('\n\n');
    const [system, human] = await PROMPT.formatMessages({ notFound: NOT_FOUND_ANSWER, sources, question: req.text });
    const completion = await req.provider.complete({
      system: String(system!.content),
      user: String(human!.content),
      assistant: 'documents',
      ...(req.signal ? { signal: req.signal } : {}),
      ...(req.onToken ? { onToken: req.onToken } : {}),
    });
    // A quote that is not word for word in the source it cites is removed and counted (documents.quotes.ts).
    const quotes = checkQuotes(completion.text, sent.map((x) => x.text));
    const cited = citedNumbers(quotes.text, sent.length);
    const citations = cited.map((n) => citationOf(n, sent[n - 1]!.passage));
    const answered = !completion.text.includes(NOT_FOUND_ANSWER) || citations.length > 0;
    const details: DocumentsRunDetails = {
      answered,
      reason: answered ? 'answered' : 'not_found',
      citations: answered ? citations : [],
      engine: 'retrieval+llm',
      removedQuotes: quotes.removed,
    };
    return { draft: quotes.text, details, provider: completion.provider, model: completion.model, usage: completion.usage };
  },
};
