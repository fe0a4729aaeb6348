/**
 * Quotes in a language model's answer, checked against the passages it was sent. A quote is text in »…« (or
 * “…”, „…“, "…") right before a source reference such as [1] or [1, 2]; it stays only when it stands verbatim,
 * after whitespace is normalised, in a passage it cites. Anything else is a sentence the model wrote itself
 * and presented as the source's words: it is removed from the answer and counted, and the count is shown to the
 * reviewer. The reference itself stays: the statement may still rest on that source.
 */
const QUOTE = /(?:»([^«»]{1,2000})«|“([^“”]{1,2000})”|„([^„“”]{1,2000})[“”]|"([^"\n]{1,2000})")([ \t]*)((?:\[\d{1,2}(?:\s*,\s*\d{1,2})*\][ \t]*)+)/gu;

const normalise = (s: string) => s.replace(/\s+/gu, ' ').trim();

export interface CheckedQuotes {
  /** The answer without the quotes that are not in their sources. */
  text: string;
  removed: number;
  /** The quotes that are, with the source they were found in (1-based, as in the prompt). */
  kept: { n: number; quote: string }[];
}

/** `sources[i]` is the text sent as source i + 1 (pseudonymised, as the model saw it). */
export function checkQuotes(answer: string, sources: string[]): CheckedQuotes {
  const normalised = sources.map(normalise);
  const kept: CheckedQuotes['kept'] = [];
  let removed = 0;
  const text = answer.replace(QUOTE, (whole, a?: string, b?: string, c?: string, d?: string, _space?: string, refs?: string) => {
    const quote = normalise(a ?? b ?? c ?? d ?? '');
    const cited = (refs!.match(/\d+/g) ?? []).map(Number);
    const found = cited.find((n) => n >= 1 && n <= sources.length && quote.length > 0 && normalised[n - 1]!.includes(quote));
    if (found !== undefined) {
      kept.push({ n: found, quote });
      return whole;
    }
    removed++;
    return refs!;
  });
  // A removed quote can leave a space before punctuation or two spaces in a row.
  return { text: removed ? text.replace(/[ \t]+([.,;:!?])/gu, '$1').replace(/[ \t]{2,}/gu, ' ') : text, removed, kept };
}
