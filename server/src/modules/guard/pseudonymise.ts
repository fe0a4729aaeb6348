import { type DataClass } from './guard.types.js';

/** Placeholder -> the original value it stands for, e.g. { "[NAVN_1]": "Frida Lauritzen" }. */
export type PseudonymMapping = Record<string, string>;

export interface Pseudonymised {
  text: string;
  mapping: PseudonymMapping;
}

interface Span {
  type: DataClass;
  start: number;
  end: number;
}

/**
 * The word in a placeholder, in Danish: the model reads Danish text, and so does the person who sees what was
 * sent. ASCII capitals and _ only, so that every pattern that finds placeholders ([A-Z][A-Z_]*_\d+, also the
 * stream's, gateway/gateway.restore-stream.ts) finds these without knowing the list.
 */
export const PLACEHOLDER_LABELS: Record<DataClass, string> = {
  CPR: 'CPR',
  CVR: 'CVR',
  PHONE: 'TELEFON',
  EMAIL: 'EMAIL',
  ADDRESS: 'ADRESSE',
  POSTCODE_CITY: 'POSTNR_BY',
  BANK_ACCOUNT: 'KONTO',
  PERSON: 'NAVN',
  HEALTH: 'HELBRED',
  ETHNICITY: 'ETNICITET',
  RELIGION: 'RELIGION',
  UNION: 'FAGFORENING',
  SEXUAL_ORIENTATION: 'SEKSUALITET',
  CRIMINAL: 'STRAFFESAG',
};
const CLASS_OF_LABEL = new Map<string, DataClass>(Object.entries(PLACEHOLDER_LABELS).map(([c, l]) => [l, c as DataClass]));

const PLACEHOLDER = /\[([A-Z][A-Z_]*)_(\d+)\]/g;
const DIGIT_TYPES = new Set<DataClass>(['CPR', 'CVR', 'PHONE', 'BANK_ACCOUNT']);

/**
 * Replaces the entities of the given types with placeholders ([NAVN_1], [CPR_1], [HELBRED_1] ...) and returns the
 * mapping needed to restore them. Within a run the same value always gets the same placeholder: the same
 * name, or the same number however it is written ("220892-9820" and "2208929820"). A genitive written onto
 * a known name keeps its s outside the placeholder ("Albertes" -> "[NAVN_1]s"), so the model sees one
 * person. Pass the mapping of an earlier call as `previous` to continue numbering across texts of one run.
 * Placeholders never collide with bracketed text that was already in the input.
 */
export function pseudonymise(
  text: string,
  entities: readonly Span[],
  typesToMask: ReadonlySet<DataClass> | readonly DataClass[],
  previous: PseudonymMapping = {},
): Pseudonymised {
  const mask = typesToMask instanceof Set ? typesToMask : new Set(typesToMask as readonly DataClass[]);
  const spans = entities
    .filter((e) => mask.has(e.type))
    .map((e) => {
      if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > text.length || e.start >= e.end) {
        throw new RangeError(`entity ${e.type} [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
      }
      return e;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const mapping: PseudonymMapping = { ...previous };
  const byKey = new Map<string, string>();
  const used = new Map<string, Set<number>>();
  const next = new Map<string, number>();
  const reserve = (type: string, n: number): void => {
    let set = used.get(type);
    if (!set) used.set(type, (set = new Set()));
    set.add(n);
  };
  for (const [placeholder, value] of Object.entries(previous)) {
    const m = /^\[([A-Z_]+)_(\d+)\]$/.exec(placeholder);
    if (!m) continue;
    reserve(m[1]!, Number(m[2]));
    const type = CLASS_OF_LABEL.get(m[1]!);
    if (type) byKey.set(`${type}\u0000${normalise(type, value)}`, placeholder);
  }
  // Bracketed tokens already in the text must not be mistaken for ours on the way back.
  for (const m of text.matchAll(PLACEHOLDER)) reserve(m[1]!, Number(m[2]));

  const placeholderFor = (type: DataClass, value: string): string => {
    const key = `${type}\u0000${normalise(type, value)}`;
    const known = byKey.get(key);
    if (known) return known;
    const label = PLACEHOLDER_LABELS[type];
    let n = next.get(label) ?? 1;
    const taken = used.get(label);
    while (taken?.has(n)) n++;
    next.set(label, n + 1);
    reserve(label, n);
    const placeholder = `[${label}_${n}]`;
    byKey.set(key, placeholder);
    mapping[placeholder] = value;
    return placeholder;
  };

  const personValues = new Set(spans.filter((s) => s.type === 'PERSON').map((s) => normalise('PERSON', text.slice(s.start, s.end))));
  let out = '';
  let last = 0;
  for (const s of spans) {
    if (s.start < last) continue; // overlapping input: the first (longest) span wins
    const value = text.slice(s.start, s.end);
    out += text.slice(last, s.start);
    const norm = normalise(s.type, value);
    if (s.type === 'PERSON' && norm.length > 2 && norm.endsWith('s') && (personValues.has(norm.slice(0, -1)) || byKey.has(`PERSON\u0000${norm.slice(0, -1)}`))) {
      out += placeholderFor('PERSON', value.slice(0, -1)) + value.slice(-1);
    } else {
      out += placeholderFor(s.type, value);
    }
    last = s.end;
  }
  out += text.slice(last);
  return { text: out, mapping };
}

/**
 * Puts the original values back in place of the placeholders of `mapping`. Placeholders the mapping does not
 * know (or that a model invented) are left as they are, and so is every placeholder inside a link or markup
 * (see `insideLinkOrMarkup`): a model's answer is not trusted to decide where a person's data goes.
 */
export function restore(text: string, mapping: PseudonymMapping): string {
  return restoreBetween(text, mapping, 0, text.length);
}

/**
 * `restore` for the part [from, to) of `text`, judged in the whole text: what precedes `from` (an open tag, a
 * link) and what follows the placeholder up to the next whitespace decide whether it is inside a link. For the
 * draft as it streams (gateway/gateway.restore-stream.ts), which sends the text a piece at a time.
 */
export function restoreBetween(text: string, mapping: PseudonymMapping, from: number, to: number): string {
  const found = new RegExp(PLACEHOLDER.source, 'g');
  found.lastIndex = from;
  let out = '';
  let last = from;
  for (let m = found.exec(text); m && m.index + m[0].length <= to; m = found.exec(text)) {
    const whole = m[0];
    if (!Object.hasOwn(mapping, whole) || insideLinkOrMarkup(text, m.index, m.index + whole.length)) continue;
    out += text.slice(last, m.index) + mapping[whole]!;
    last = m.index + whole.length;
  }
  return out + text.slice(last, to);
}

/** How many placeholders of `mapping` in `text` stay unrestored because they are inside a link or markup. */
export function countKeptInLinks(text: string, mapping: PseudonymMapping): number {
  let n = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (Object.hasOwn(mapping, m[0]) && insideLinkOrMarkup(text, m.index, m.index + m[0].length)) n++;
  }
  return n;
}

/**
 * A restored value must never become part of a link or of markup. A model (or a passage of a document planted
 * to instruct it) can write `https://x.example/?d=[ADRESSE_1]`: restored, the real address would travel to
 * x.example as soon as someone clicks the link in the case system or e-mail client the approved text is pasted
 * into, which make links of such text by themselves. So the placeholder stays there, the person reviewing the
 * draft sees it, and nothing personal leaves in a link (docs/decisions/0006, addendum).
 *
 * Judged on the word around the placeholder (the characters up to whitespace on each side, as linkifiers cut
 * links), with the other placeholders in it counted as one letter: it is a link when it has a scheme
 * (`https://`, `mailto:`, `tel:` ...), a domain (`x.example`, `www.`, `name@x.example`) or is the target of a
 * Markdown link (`](`). Markup is any HTML-like tag the placeholder stands in, from `<` and a letter to `>`, even
 * across lines (`<a href="...">`, `<img src=... alt=...>`). Text beside a link, or between tags, is restored.
 */
export function insideLinkOrMarkup(text: string, start: number, end: number): boolean {
  if (insideTag(text, start)) return true;
  let wordStart = start;
  while (wordStart > 0 && !WHITESPACE.test(text[wordStart - 1]!)) wordStart--;
  let wordEnd = end;
  while (wordEnd < text.length && !WHITESPACE.test(text[wordEnd]!)) wordEnd++;
  const before = text.slice(wordStart, start).replace(PLACEHOLDER, 'x');
  const word = `${before}x${text.slice(end, wordEnd).replace(PLACEHOLDER, 'x')}`;
  return LINK_MARKS.some((mark) => mark.test(word)) || before.includes('](');
}

const WHITESPACE = /\s/;
const LINK_MARKS: readonly RegExp[] = [
  // Any scheme with an authority: https://, ftp://, a custom app's scheme://.
  /:\/\//,
  // Schemes without one that browsers and mail programs open.
  /(?:^|[^A-Za-z0-9+.-])(?:mailto|tel|sms|callto|facetime|skype|sip|sips|xmpp|geo|maps|magnet|data|javascript|vbscript|file|blob|news|webcal|urn|intent):/i,
  // A domain: labels and a lower-case top-level part, as in x.example, www.rk.dk, name@kommune.dk.
  /[A-Za-z0-9-]+\.(?:[A-Za-z0-9-]+\.)*[a-z]{2,24}(?![A-Za-z0-9-])/,
];

/** Whether `at` lies in an HTML-like tag: after a `<` that starts one, with no `>` (or new `<`) in between. */
function insideTag(text: string, at: number): boolean {
  const open = text.lastIndexOf('<', at);
  if (open < 0 || text.lastIndexOf('>', at) > open) return false;
  return /[A-Za-z/!?]/.test(text[open + 1] ?? '');
}

function normalise(type: DataClass, value: string): string {
  if (DIGIT_TYPES.has(type)) {
    let digits = value.replace(/\D/g, '');
    if (type === 'PHONE' && digits.length > 8) digits = digits.slice(-8);
    return digits;
  }
  return value.replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');
}
