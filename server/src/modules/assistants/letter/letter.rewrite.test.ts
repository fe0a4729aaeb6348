import { describe, expect, it } from 'vitest';
import { developmentLetters, ownLetters, sharedLetters } from '../../../../../test/fixtures/letters/letters.js';
import { checkLetter, splitSentences } from './letter.checklist.js';
import { lix } from './letter.lix.js';
import { rewriteLetter } from './letter.rewrite.js';
import { OFFICIALESE } from './letter.wordlist.js';

// Our letters already written in plain Danish (du, short sentences, no officialese); the rest have officialese.
const PLAIN = ['own-02', 'own-04', 'own-06', 'own-07'];
const formal = [...sharedLetters(), ...ownLetters().filter((l) => !PLAIN.includes(l.id))];
const plain = ownLetters().filter((l) => PLAIN.includes(l.id));

/** The facts a rewrite must keep, as multisets: numbers (amounts, dates, times, phone), law references, placeholders. */
function facts(text: string): Record<string, string[]> {
  return {
    numbers: (text.match(/\d+(?:[.,:]\d+)*/g) ?? []).sort(),
    law: (text.match(/§\s*\d+(?:,\s*stk\.\s*\d+)?/g) ?? []).sort(),
    placeholders: (text.match(/\[[A-Z][A-Z_]*_\d+\]/g) ?? []).sort(),
    emails: (text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).sort(),
    dates: (text.match(/\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?: \d{4})?/g) ?? []).sort(),
  };
}

describe('the offline engine rewrites letters by plain-language rules', () => {
  it.each(formal.map((l) => [l.id, l] as const))('%s: LIX goes down', (_id, letter) => {
    const { text } = rewriteLetter(letter.text);
    expect(lix(text)).toBeLessThan(lix(letter.text));
  });

  it.each(formal.map((l) => [l.id, l] as const))('%s: every number, date, amount, § and e-mail survives exactly', (_id, letter) => {
    expect(facts(rewriteLetter(letter.text).text)).toEqual(facts(letter.text));
  });

  it.each([...formal, ...ownLetters()].map((l) => [l.id, l] as const))('%s: every checklist item the letter had, the draft still has', (_id, letter) => {
    const before = checkLetter(letter.text).filter((i) => i.present).map((i) => i.item);
    const after = checkLetter(rewriteLetter(letter.text).text).filter((i) => i.present).map((i) => i.item);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('placeholders survive exactly, also next to words the rules change', () => {
    const masked =
      'Såfremt De har spørgsmål, bedes De rette henvendelse til [NAVN_1] på telefon [TELEFON_1]. Deres sag har nr. [CPR_1], og [NAVN_1] skal hermed fremsende Deres papirer til [ADRESSE_1], [POSTNR_BY_1].';
    const { text } = rewriteLetter(masked);
    expect(facts(text).placeholders).toEqual(facts(masked).placeholders);
    expect(text).toContain('Hvis du har spørgsmål');
    expect(text).toContain('kontakte [NAVN_1] på telefon [TELEFON_1]');
  });

  it('addresses the reader as "du": De, Dem and Deres become du, dig and din, dit or dine after the noun', () => {
    const { text } = rewriteLetter(
      'Vi har modtaget Deres ansøgning. Kommunen har bevilget Dem hjælp til Deres hjem, fordi Deres økonomiske forhold er svære. De kan klage.',
    );
    expect(text).toContain('din ansøgning');
    expect(text).toContain('bevilget dig hjælp');
    expect(text).toContain('dit hjem');
    expect(text).toContain('dine økonomiske forhold');
    expect(text).toContain('Du kan klage');
    expect(text).not.toMatch(/\b(?:De|Dem|Deres)\b/);
  });

  it('keeps "De" where it means "they": after a plural subject, and before a noun', () => {
    const { text } = rewriteLetter('Vi har modtaget Deres ansøgning og de tilhørende tegninger. De viser en carport på 48 m².');
    expect(text).toContain('din ansøgning');
    expect(text).toContain('De viser en carport');
    expect(rewriteLetter('Kommunen har fået nye regler, som De skal kende. De nye regler gælder fra 1. maj 2027.').text).toContain(
      'De nye regler gælder',
    );
    expect(rewriteLetter('Oplysningerne er kommet frem. De har betydning for Deres sag.').text).toContain('De har betydning for din sag');
    expect(rewriteLetter('Kommunen skal bruge Deres lønsedler. De skal sendes senest den 3. maj 2027.').text).toContain('De skal sendes senest');
  });

  it('turns clear passive patterns active and drops empty announcements', () => {
    expect(rewriteLetter('De indkaldes hermed til et møde den 4. juni 2026 kl. 9.15.').text).toBe('Vi indkalder dig til et møde den 4. juni 2026 kl. 9.15.');
    expect(rewriteLetter('Det skal hermed meddeles, at kommunen har bevilget Dem hjælp.').text).toBe('Kommunen har bevilget dig hjælp.');
    expect(rewriteLetter('Det er blevet besluttet, at De får hjælp.').text).toBe('Vi har besluttet, at du får hjælp.');
    expect(rewriteLetter('Ansøgningen er blevet bevilget.').text).toBe('Vi har bevilget ansøgningen.');
    expect(rewriteLetter('De anmodes om at fremsende lønsedler.').text).toBe('Vi beder dig om at sende lønsedler.');
  });

  it('splits a long sentence at a safe point and moves the verb where Danish needs it ("hvorfor De anmodes" -> "Derfor beder vi dig")', () => {
    const long =
      'Bevillingen er betinget af, at kommunen modtager dokumentation for den faktiske boligudgift i den nye bolig, hvorfor De anmodes om at fremsende kopi af Deres underskrevne lejekontrakt via Digital Post.';
    const { text, changes } = rewriteLetter(long);
    expect(text).toBe(
      'Bevillingen er betinget af, at kommunen modtager dokumentation for den faktiske boligudgift i den nye bolig. Derfor beder vi dig om at sende kopi af din underskrevne lejekontrakt via Digital Post.',
    );
    expect(changes).toContain('1 lang sætning delt');
  });

  it('splits at ", og at" only by saying again the clause it continues, with "også" in its place', () => {
    const s =
      'Vi har lagt vægt på, at din boligudgift er højere end det beløb, som byrådet har fastsat for en familie af din størrelse, og at du ikke kan flytte til en billigere bolig.';
    expect(rewriteLetter(s).text).toBe(
      'Vi har lagt vægt på, at din boligudgift er højere end det beløb, som byrådet har fastsat for en familie af din størrelse. Vi har også lagt vægt på, at du ikke kan flytte til en billigere bolig.',
    );
    const inverted =
      'Ved vurderingen er der lagt vægt på, at din søn har brug for støtte hele døgnet på grund af sin diagnose, og at familien er meget presset af den samlede belastning i hjemmet.';
    expect(rewriteLetter(inverted).text).toBe(
      'Ved vurderingen er der lagt vægt på, at din søn har brug for støtte hele døgnet på grund af sin diagnose. Ved vurderingen er der også lagt vægt på, at familien er meget presset af den samlede belastning i hjemmet.',
    );
    // In a list of "at"-clauses it is not clear which one ", og at" continues, so the sentence stays whole.
    const list =
      'Vi har lagt vægt på, at du har søgt om hjælp i god tid, at din læge støtter ansøgningen fuldt ud, og at du ikke kan klare trapperne selv.';
    expect(rewriteLetter(list).text).toBe(list);
  });

  describe('kinds of sentence the rewrite left long, made harder to score, or broke', () => {
    it('a law reference after "jf." that closes a sentence becomes a sentence of its own, so LIX does not rise', () => {
      const s = 'Kommunen yder hjælp til tandbehandling efter en samlet vurdering af Deres økonomi, jf. § 82 i lov om aktiv socialpolitik.';
      const { text } = rewriteLetter(s);
      expect(text).toBe('Kommunen yder hjælp til tandbehandling efter en samlet vurdering af din økonomi. Se § 82 i lov om aktiv socialpolitik.');
      expect(lix(text)).toBeLessThanOrEqual(lix(s));
      // At the start of a sentence the reference is its basis.
      expect(rewriteLetter('Jf. § 5 i regulativet skal affaldet stilles frem senest kl. 6.').text).toBe('Ifølge § 5 i regulativet skal affaldet stilles frem senest kl. 6.');
    });

    it('two verbs of one subject become two sentences that both name it', () => {
      const s = 'Ansøgningen sendes til Borgerservice, Torvet 2, 4000 Roskilde, eller via Digital Post og skal være modtaget senest den 1. marts 2027.';
      expect(rewriteLetter(s).text).toBe(
        'Ansøgningen sendes til Borgerservice, Torvet 2, 4000 Roskilde, eller via Digital Post. Ansøgningen skal være modtaget senest den 1. marts 2027.',
      );
      // A clause in between that is not closed by a comma may own the second verb, so the sentence stays whole.
      const open = 'Klagen sendes til det udvalg i kommunen som genvurderer sagen i løbet af en måned og skal svare dig senest den 1. maj 2027.';
      expect(rewriteLetter(open).text).toBe(open);
    });

    it('splits at a relative adverb, moving the verb before its subject (", hvorunder det blev aftalt" -> ". Her blev det aftalt")', () => {
      const s = 'Vi holdt et møde med Dem og Deres datter i Deres hjem den 3. maj 2027, hvorunder det blev aftalt, at De selv bestiller tid hos lægen.';
      expect(rewriteLetter(s).text).toBe('Vi holdt et møde med dig og din datter i dit hjem den 3. maj 2027. Her blev det aftalt, at du selv bestiller tid hos lægen.');
      const consequence =
        'Restancen vil blive oversendt til Gældsstyrelsen, der kan inddrive gælden ved modregning i Deres løn, hvorved der kan blive tale om ekstra gebyrer for Dem.';
      expect(rewriteLetter(consequence).text).toContain('. Derved kan der blive tale om ekstra gebyrer for dig.');
    });

    it('"undertegnede" as the subject of its clause is "jeg", elsewhere "mig"', () => {
      expect(rewriteLetter('De oplysninger, som undertegnede indhentede hos lægen, er vedlagt.').text).toBe('De oplysninger, som jeg indhentede hos lægen, er vedlagt.');
      expect(rewriteLetter('Henvendelse kan ske til undertegnede på telefon 12 34 56 78.').text).toBe('Henvendelse kan ske til mig på telefon 12 34 56 78.');
    });

    it.each([
      ['Kommunen meddeler Dem hermed tilladelse til at sætte et hegn op.', 'Kommunen giver dig tilladelse til at sætte et hegn op.'],
      ['Det meddeles Dem hermed, at dispensation ikke kan meddeles.', 'Dispensation kan ikke gives.'],
      ['Der er ydet hjælp i perioden fra den 1. januar 2027 til den 31. marts 2027.', 'Der er ydet hjælp fra den 1. januar 2027 til den 31. marts 2027.'],
      ['Restancen sendes til Gældsstyrelsen med henblik på inddrivelse.', 'Restancen sendes til Gældsstyrelsen til inddrivelse.'],
      ['Vi har talt om Deres arbejdsopgaver og Deres timer.', 'Vi har talt om dine arbejdsopgaver og dine timer.'],
    ])('plain words, and grammar kept: %j', (from, to) => {
      expect(rewriteLetter(from).text).toBe(to);
    });

    it('a part that ends in an abbreviation keeps one full stop', () => {
      const s = 'Kommunen har fået oplyst af Skattestyrelsen, at din samlede formue den 1. januar 2027 var på 131.560 kr., hvilket overstiger grænsen for tillægget i 2027.';
      expect(rewriteLetter(s).text).toBe(
        'Kommunen har fået oplyst af Skattestyrelsen, at din samlede formue den 1. januar 2027 var på 131.560 kr. Det overstiger grænsen for tillægget i 2027.',
      );
    });
  });

  it.each(plain.map((l) => [l.id, l] as const))('%s: a letter already in plain language is left as it is', (_id, letter) => {
    expect(rewriteLetter(letter.text)).toEqual({ text: letter.text, changes: [] });
  });

  it('says what it changed, in Danish, and gives the same draft every time', () => {
    const letter = sharedLetters()[0]!.text;
    const a = rewriteLetter(letter);
    expect(rewriteLetter(letter)).toEqual(a);
    expect(a.changes.join('\n')).toMatch(/lange sætninger delt/);
    expect(a.changes.join('\n')).toMatch(/'De\/Dem\/Deres' erstattet med 'du/);
    expect(a.text).not.toMatch(/Offline regelmotor/);
  });

  it('has a word list of at least 60 officialese entries, none replacing a word with itself', () => {
    expect(OFFICIALESE.length).toBeGreaterThanOrEqual(60);
    for (const [from, to] of OFFICIALESE) expect(from.toLowerCase()).not.toBe(to.toLowerCase());
    expect(new Set(OFFICIALESE.map(([from]) => from.toLowerCase())).size).toBe(OFFICIALESE.length);
  });

  describe('every sentence of a rewrite is a sentence', () => {
    // The words the engine itself writes (passive to active, du-form, the connectives of a split); every other
    // word of a draft must come from the letter or from a replacement in the word list.
    const ENGINE_WORDS =
      'vi du dig din dit dine jeg mig her men det der er fordi derfor derefter ifølge reglerne betyder at gælder også blandt andet ' +
      'bemærk kan oplyse drejer sig om indkalder beder opfordrer har besluttet truffet afgørelse afgørelsen beslutningen holder fast i ' +
      'denne dette disse være nået frem til med ved selv bevilget godkendt modtaget afslået behandlet registreret ændret ' +
      'se derved dermed derigennem give giver gives givet';
    const FINITE_FORMS = new Set(
      ('er var har havde bliver blev vil ville skal skulle kan kunne må måtte bør burde får fik gør gjorde går gik står stod ' +
        'ser så ved vidste tager tog giver gav kommer kom bor sker skete findes fandt sad bad skrev holdt').split(' '),
    );
    const SUBORDINATORS = /^(?:at|uden|som|hvis|når|fordi|da|idet|selvom|medmindre|såfremt|dersom|hvorved|hvilket|hvorfor|indtil|inden|før|mens|og|eller)$/iu;
    const PERSONAL = /^(?:Du|Vi|Jeg|Der|Man|Han|Hun)$/u;
    const IMPERATIVE = /^(?:Send|Betal|Ring|Husk|Klag|Kontakt|Udfyld|Medbring|Svar|Skriv|Vælg|Fortæl|Læs|Se|Bemærk|Mød|Aflever|Underskriv|Book|Bestil|Log)$/u;
    const wordsOf = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
    // A finite verb: a form of the auxiliaries and modals, a passive in -es, a present in -(e)r or a past in
    // -ede/-te; plural nouns in -inger, -elser, -heder ("oplysninger") are no verbs.
    const finite = (w: string) =>
      FINITE_FORMS.has(w.toLowerCase()) ||
      (/^\p{L}{2,}(?:es|er|ede|te)$/u.test(w) && !/(?:inger|elser|heder|skaber|tioner)$/u.test(w) && !NOT_VERBS.has(w.toLowerCase())) ||
      /^\p{L}+år$/u.test(w) ||
      // The past of "ligge" and its compounds ("lå", "forelå", "indlå").
      /^\p{L}*lå$/u.test(w) ||
      // A passive in -s after a long vowel ("afslås", "opnås") and the compounds of "gør" ("udgør").
      /^\p{L}{2,}ås$/u.test(w) ||
      /^\p{L}+gør$/u.test(w);
    /** Words that end like a verb but are none: prepositions and conjunctions. */
    const NOT_VERBS = new Set(['efter', 'under', 'over', 'eller', 'hver', 'sammen', 'siden', 'senere', 'tidligere', 'andre', 'flere', 'mere']);
    const ADVERB = /^(?:ikke|også|altid|aldrig|kun|allerede|fortsat|endnu)$/u;

    /** Why a sentence of the draft is no sentence, or null. The rules, and why each is a fair test: */
    function fragment(sentence: string, vocabulary: Set<string>, original: string, listItem: boolean): string | null {
      const words = wordsOf(sentence);
      if (words.length === 0) return null;
      // 1. Every sentence has a finite verb, or opens with an imperative ("Ring til …", "Betal beløbet …"). A list
      //    item ("- den underskrevne lejekontrakt.") is part of the sentence before the list and needs none.
      if (!words.some(finite) && !IMPERATIVE.test(words[0]!) && !listItem) return 'no finite verb';
      // 2. A sentence that opens with a subordinate clause goes on to its main clause after a comma, whose verb
      //    comes first ("Hvis du har spørgsmål, kan du …"); "Uden at der er kommet oplysninger." is a fragment.
      //    Not so a question ("Hvorfor får du kørsel?") or the adverbial "Som følge heraf", whose verb comes next.
      const verbSecond = (/\?\s*$/u.test(sentence) || /^som følge$/iu.test(words.slice(0, 2).join(' '))) && words.slice(1, 4).some(finite);
      if (SUBORDINATORS.test(words[0]!) && !listItem && !verbSecond) {
        const after = sentence.split(/,\s+/u).slice(1).map((part) => wordsOf(part)[0] ?? '');
        if (!after.some((w) => finite(w))) return 'subordinate clause without its main clause';
      }
      // 3. A personal pronoun as the subject is followed by its verb (Danish main clauses put the verb second):
      //    "Der ved gentagne udeblivelser vil kunne …" keeps a subordinate clause's order.
      if (PERSONAL.test(words[0]!) && !finite(words[1] ?? '')) return `"${words[0]} ${words[1]}" has no verb second`;
      //    Nor does a subject followed by "ikke" and then the verb: "Beløbet ikke har kunnet …" is a subordinate order.
      if (!SUBORDINATORS.test(words[0]!) && ADVERB.test(words[1] ?? '') && finite(words[2] ?? '')) return `"${words.slice(0, 3).join(' ')}" has no verb second`;
      // 5. An "at"-clause after a comma has its own verb: "…, at det efter en samlet vurdering af oplysningerne." is cut short.
      const lastAt = sentence.split(/,\s+at\s+/u).slice(1).pop();
      if (lastAt !== undefined && !wordsOf(lastAt).some(finite)) return 'an "at"-clause without a verb';
      // 4. No word the letter, the word list or the engine does not have: a mangled word ("Ikket", "Iet") or a
      //    doubled phrase ("der er der") is broken grammar.
      const invented = words.find((w) => !vocabulary.has(w.toLowerCase()) && !definiteOf(w, original));
      if (invented) return `"${invented}" is not a word of the letter`;
      if (/(?<!\p{L})der er der(?!\p{L})/iu.test(sentence)) return '"der er der"';
      return null;
    }
    /** "hvilken samtale vil" becomes "Samtalen vil": the definite form of the noun after hvilken/hvilket. */
    const definiteOf = (w: string, original: string) =>
      [...original.matchAll(/\bhvilke[nt] (\p{L}{4,})/gu)].some(
        ([, noun]) => !ADVERB.test(noun!) && ['en', 'n', 'et', 't'].some((end) => w.toLowerCase() === `${noun!.toLowerCase()}${end}`),
      );

    it.each(developmentLetters().map((l) => [l.id, l] as const))('%s: no fragment and no broken grammar in the draft', (_id, letter) => {
      const vocabulary = new Set(
        [letter.text, ENGINE_WORDS, ...OFFICIALESE.map(([, to]) => to)].flatMap((t) => wordsOf(t).map((w) => w.toLowerCase())),
      );
      const draft = rewriteLetter(letter.text).text;
      const broken = draft
        .split('\n')
        // A line without a full stop, question or exclamation mark is a heading or a signature line, not prose.
        .filter((line) => /[.!?,]\s*$/u.test(line.trim()))
        .flatMap((line) => {
          // A list item ("– at der er samtykke fra udlejer,") continues the sentence before the list.
          const listItem = /^\s*[–•*-]\s/u.test(line);
          return splitSentences(line.trim()).map((sentence) => ({ sentence, why: fragment(sentence, vocabulary, letter.text, listItem) }));
        })
        .filter((x) => x.why);
      expect(broken).toEqual([]);
    });

    it.each(developmentLetters().map((l) => [l.id, l] as const))('%s: every amount, date, § reference, phone and e-mail is kept', (_id, letter) => {
      expect(facts(rewriteLetter(letter.text).text)).toEqual(facts(letter.text));
    });

    it.each([
      ['Det bemærkes, at beløbet ikke har kunnet opkræves via Betalingsservice.', 'Beløbet har ikke kunnet opkræves via Betalingsservice.'],
      ['Det bemærkes, at der ved gentagne udeblivelser vil kunne træffes afgørelse om sanktioner.', 'Bemærk, at der ved gentagne udeblivelser vil kunne træffes afgørelse om sanktioner.'],
      ['Det bemærkes, at hjælpen for maj udbetales som sædvanligt, og at De intet skal foretage Dem.', 'Bemærk, at hjælpen for maj udbetales som sædvanligt, og at du intet skal foretage dig.'],
      ['Kommunen har i forbindelse hermed foretaget en ny beregning.', 'Kommunen har i forbindelse med dette foretaget en ny beregning.'],
      ['Vi har ikke modtaget oplysninger, der foreligger i Deres sag.', 'Vi har ikke modtaget oplysninger, der er i din sag.'],
    ])('keeps Danish word order where an announcement or a word goes: %j', (from, to) => {
      expect(rewriteLetter(from).text).toBe(to);
    });

    it('does not split where the second part would have no verb of its own', () => {
      const long =
        'Der kan indgås aftale om en afdragsordning for det samlede beløb på kontoret i rådhuset, hvilket i givet fald skal meddeles kommunen inden samme dato som nævnt ovenfor.';
      expect(rewriteLetter(long).text).toBe(long);
      const insertion =
        'Afslaget er begrundet i, at det efter en samlet vurdering af oplysningerne, herunder udtalelse fra din egen læge af 21. august 2026, ikke findes godtgjort, at din gangfunktion forringer din mulighed for arbejde.';
      expect(splitSentences(rewriteLetter(insertion).text)).toHaveLength(1);
      const relative = 'Kommunen har modtaget en udtalelse fra din læge om dit helbred og din arbejdsevne, hvilket ikke lever op til de krav, der er fastsat i loven.';
      expect(rewriteLetter(relative).text).toBe('Kommunen har modtaget en udtalelse fra din læge om dit helbred og din arbejdsevne. Det lever ikke op til de krav, der er fastsat i loven.');
    });
  });
});
