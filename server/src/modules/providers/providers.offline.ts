import { OFFLINE_NOTICE, ProviderError, type Completion, type CompletionRequest, type Provider } from './providers.types.js';

export const OFFLINE_MODEL = 'regelmotor-1';

/** Above this many words a sentence is split where a conjunction allows it. */
const LONG_SENTENCE_WORDS = 25;
/** Neither part of a split may be shorter than this, or the result reads worse than the original. */
const MIN_PART_WORDS = 6;

/**
 * Officialese (kancellisprog) and its plain Danish. Longer phrases first, so "med henblik på at" wins over
 * "med henblik på". Only replacements that keep the sentence grammatical whatever surrounds them.
 */
const PHRASES: [string, string][] = [
  ['De bedes venligst', 'Vi beder dig'],
  ['De bedes', 'Vi beder dig'],
  ['foretage en vurdering af', 'vurdere'],
  ['træffe afgørelse om', 'afgøre'],
  ['træffer afgørelse om', 'afgør'],
  ['med henblik på at', 'for at'],
  ['med henblik på', 'til'],
  ['er berettiget til', 'har ret til'],
  ['i henhold til', 'efter'],
  ['i medfør af', 'efter'],
  ['som følge af', 'på grund af'],
  ['foranlediget af', 'på grund af'],
  ['i forbindelse med', 'ved'],
  ['anmoder om', 'beder om'],
  ['anmode om', 'bede om'],
  ['såfremt', 'hvis'],
  ['dersom', 'hvis'],
  ['eftersom', 'fordi'],
  ['idet', 'fordi'],
  ['endvidere', 'desuden'],
  ['tillige', 'også'],
  ['hvorvidt', 'om'],
  ['vedrørende', 'om'],
  ['ovennævnte', 'nævnte'],
  ['forefindes', 'findes'],
  ['fremsendes', 'sendes'],
  ['fremsendte', 'sendte'],
  ['fremsendt', 'sendt'],
  ['fremsende', 'sende'],
  ['tilsendes', 'sendes'],
  ['tilsendt', 'sendt'],
  ['påbegyndes', 'begyndes'],
  ['påbegyndt', 'begyndt'],
  ['påbegynde', 'begynde'],
  ['jævnfør', 'se'],
  ['jf.', 'se'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters include æ, ø, å: \b would treat them as word boundaries, so the edges are Unicode lookarounds.
const RULES = PHRASES.map(([from, to]) => ({
  re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(from)}(?![\\p{L}\\p{N}])`, from === from.toLowerCase() ? 'giu' : 'gu'),
  to,
}));

function keepCase(found: string, replacement: string): string {
  const first = found.charAt(0);
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export function replaceOfficialese(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out = text;
  for (const { re, to } of RULES) {
    out = out.replace(re, (found) => {
      replaced++;
      return keepCase(found, to);
    });
  }
  return { text: out, replaced };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Where a long sentence may become two: after a comma before a main-clause conjunction, or at a semicolon. */
const SPLIT_AT = /(,\s+(?:og|men|så|for)\s+|;\s+)/gu;

function splitSentence(sentence: string): string[] {
  if (words(sentence) <= LONG_SENTENCE_WORDS) return [sentence];
  for (const m of sentence.matchAll(SPLIT_AT)) {
    const head = sentence.slice(0, m.index);
    const tail = sentence.slice(m.index + m[0].length);
    if (words(head) < MIN_PART_WORDS || words(tail) < MIN_PART_WORDS) continue;
    // "…, og vi …" becomes "…. Vi …": the conjunction "og" is dropped, the others keep their meaning.
    const conj = m[0].replace(/[,;]/g, '').trim();
    const rest = conj && conj !== 'og' ? `${conj} ${tail}` : tail;
    return [`${head}.`, ...splitSentence(rest.charAt(0).toUpperCase() + rest.slice(1))];
  }
  return [sentence];
}

export function splitLongSentences(text: string): { text: string; split: number } {
  let split = 0;
  const lines = text.split('\n').map((line) => {
    // A sentence ends at . ! or ? followed by space and a capital letter, a digit or a placeholder ([NAVN_1]).
    const sentences = line.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}[])/u);
    return sentences
      .map((s) => {
        const parts = splitSentence(s);
        split += parts.length - 1;
        return parts.join(' ');
      })
      .join(' ');
  });
  return { text: lines.join('\n'), split };
}

/**
 * A deterministic stand-in for a language model: the same input gives the same output, nothing leaves the
 * server, and the answer says plainly what made it. It lets trials run without any provider, and tests run
 * without network. A later issue makes its rules good; today it replaces officialese and splits long sentences.
 */
export function createOfflineProvider(): Provider {
  return {
    kind: 'offline',
    model: OFFLINE_MODEL,
    async complete(req: CompletionRequest): Promise<Completion> {
      if (req.signal?.aborted) throw new ProviderError('cancelled', 'offline');
      const a = replaceOfficialese(req.user.trim());
      const b = splitLongSentences(a.text);
      const summary =
        a.replaced || b.split
          ? `Erstattede ${a.replaced} kancelliudtryk og delte ${b.split} lange sætninger. Læs teksten igennem, før du bruger den.`
          : 'Fandt intet at ændre efter reglerne. Læs teksten igennem, før du bruger den.';
      const text = `[${OFFLINE_NOTICE}: ${summary}]\n\n${b.text}`;
      req.onToken?.(text);
      return { text, provider: 'offline', model: req.model ?? OFFLINE_MODEL, usage: { promptTokens: 0, completionTokens: 0 } };
    },
  };
}
