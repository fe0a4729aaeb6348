import { type DataClass } from './guard.types.js';

/** Placeholder -> the original value it stands for, e.g. { "[PERSON_1]": "Frida Lauritzen" }. */
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

const PLACEHOLDER = /\[([A-Z][A-Z_]*)_(\d+)\]/g;
const DIGIT_TYPES = new Set<DataClass>(['CPR', 'CVR', 'PHONE', 'BANK_ACCOUNT']);

/**
 * Replaces the entities of the given types with placeholders ([PERSON_1], [CPR_1] ...) and returns the
 * mapping needed to restore them. Within a run the same value always gets the same placeholder: the same
 * name, or the same number however it is written ("220892-9820" and "2208929820"). A genitive written onto
 * a known name keeps its s outside the placeholder ("Albertes" -> "[PERSON_1]s"), so the model sees one
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
    byKey.set(`${m[1]}\u0000${normalise(m[1] as DataClass, value)}`, placeholder);
  }
  // Bracketed tokens already in the text must not be mistaken for ours on the way back.
  for (const m of text.matchAll(PLACEHOLDER)) reserve(m[1]!, Number(m[2]));

  const placeholderFor = (type: DataClass, value: string): string => {
    const key = `${type}\u0000${normalise(type, value)}`;
    const known = byKey.get(key);
    if (known) return known;
    let n = next.get(type) ?? 1;
    const taken = used.get(type);
    while (taken?.has(n)) n++;
    next.set(type, n + 1);
    reserve(type, n);
    const placeholder = `[${type}_${n}]`;
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
 * know (or that a model invented) are left as they are.
 */
export function restore(text: string, mapping: PseudonymMapping): string {
  return text.replace(PLACEHOLDER, (whole) => (Object.hasOwn(mapping, whole) ? mapping[whole]! : whole));
}

function normalise(type: DataClass, value: string): string {
  if (DIGIT_TYPES.has(type)) {
    let digits = value.replace(/\D/g, '');
    if (type === 'PHONE' && digits.length > 8) digits = digits.slice(-8);
    return digits;
  }
  return value.replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');
}
