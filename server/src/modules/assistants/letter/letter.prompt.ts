import { ChatPromptTemplate } from '@langchain/core/prompts';
import { LETTER_SYSTEM_PROMPT } from '../assistants.prompts.js';

/**
 * The letter assistant's prompt for a language model: the reviewed Danish system prompt from
 * assistants.prompts.ts (klarsprog, du/vi, keep placeholders and every fact, add nothing) and the pseudonymised
 * letter as the user message, nothing else, so that exactly what the policy allowed is what leaves the server.
 * Built with LangChain's ChatPromptTemplate and formatted to the plain system/user strings a Provider takes.
 */
const template = ChatPromptTemplate.fromMessages([
  // The system prompt goes in as a variable, so braces in it are never read as template fields.
  ['system', '{instructions}'],
  ['human', '{letter}'],
]);

export async function letterPrompt(letter: string): Promise<{ system: string; user: string }> {
  const [system, user] = await template.formatMessages({ instructions: LETTER_SYSTEM_PROMPT, letter });
  return { system: contentOf(system?.content), user: contentOf(user?.content) };
}

function contentOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

/**
 * Models like to introduce their answer ("Her er det omskrevne brev:") or wrap it in a code fence; neither
 * belongs in a letter to a citizen. Only opening lines of that kind (at most two) are removed, never the
 * letter's own text, and trailing whitespace and a closing fence go too.
 */
const PREAMBLE =
  /^(?:(?:Her er|Herunder (?:er|følger)|Nedenfor (?:er|følger)|Sådan kunne|Omskrevet|Det omskrevne brev|Forslag til|Omskrivning)[^\n:]{0,80}:[ \t]*\n?|(?:Selvfølgelig|Sikkert|Gerne)[^\n]{0,80}\n)/iu;
/** How long an opening line may run before we stop waiting for its end to judge it. */
const LONGEST_PREAMBLE = 200;

/** How an answer with a preamble can begin; an opening that cannot become one of these streams at once. */
const PREAMBLE_STARTS = ['her er', 'herunder', 'nedenfor', 'sådan kunne', 'omskrevet', 'det omskrevne brev', 'forslag til', 'omskrivning', 'selvfølgelig', 'sikkert', 'gerne', '```'];
const mayBePreamble = (lead: string) => {
  const l = lead.toLowerCase();
  return PREAMBLE_STARTS.some((s) => s.startsWith(l) || l.startsWith(s));
};

/**
 * Cleans a model's answer as it streams, so the pieces a person sees add up to exactly the draft that is stored.
 * The opening is held back only while it could still be a preamble (until its first line is complete), then a
 * preamble is dropped; after that the pieces pass through unchanged. Inside a code fence, trailing whitespace
 * and backticks are held back until more text follows, so the closing fence never shows. The result does not
 * depend on how the answer was cut into pieces.
 */
export function answerCleaner(emit: (text: string) => void): { push(piece: string): void; end(): void } {
  let head = '';
  let decided = false;
  let fenced = false;
  let tail = '';
  let stripped = 0;
  const out = (piece: string) => {
    if (!fenced) {
      if (piece) emit(piece);
      return;
    }
    const text = tail + piece;
    const held = /[\s`]*$/u.exec(text)!.index;
    tail = text.slice(held);
    if (held > 0) emit(text.slice(0, held));
  };
  const decide = (final: boolean) => {
    while (!decided) {
      const lead = head.replace(/^\s+/u, '');
      const fence = /^```[\p{L}]*\n/u.exec(lead);
      if (fence && !fenced) {
        fenced = true;
        head = lead.slice(fence[0].length);
        continue;
      }
      const open = !lead.includes('\n') && lead.length < LONGEST_PREAMBLE;
      if (!final && (lead === '' || (open && mayBePreamble(lead)))) {
        head = lead;
        return;
      }
      const preamble = stripped < 2 ? PREAMBLE.exec(lead) : null;
      if (preamble) {
        stripped++;
        head = lead.slice(preamble[0].length);
        continue;
      }
      decided = true;
      head = '';
      out(lead);
    }
  };
  return {
    push(piece) {
      if (decided) out(piece);
      else {
        head += piece;
        decide(false);
      }
    },
    end() {
      decide(true);
    },
  };
}

/** The draft in a model's whole answer: the same cleaning as the stream gets. */
export function stripPreamble(answer: string): string {
  let draft = '';
  const cleaner = answerCleaner((t) => (draft += t));
  cleaner.push(answer.replace(/\r\n/g, '\n'));
  cleaner.end();
  return draft;
}

const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

/** The placeholders of the input that the draft no longer has: a draft without them would lose facts. */
export function missingPlaceholders(input: string, draft: string): string[] {
  const kept = new Set(draft.match(PLACEHOLDER) ?? []);
  return [...new Set(input.match(PLACEHOLDER) ?? [])].filter((p) => !kept.has(p));
}
