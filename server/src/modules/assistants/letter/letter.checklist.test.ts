import { describe, expect, it } from 'vitest';
import { developmentLetters } from '../../../../../test/fixtures/letters/letters.js';
import type { DataClass } from '../../../contracts/policies.js';
import { pseudonymise } from '../../guard/pseudonymise.js';
import { scan } from '../../guard/scan.js';
import { CHECKLIST_ITEMS, checkLetter } from './letter.checklist.js';

// What the letters policy (borgerbreve-maskering) replaces by placeholders before an assistant sees the text.
const MASKED = new Set<DataClass>(['CPR', 'PHONE', 'EMAIL', 'ADDRESS', 'POSTCODE_CITY', 'BANK_ACCOUNT', 'PERSON']);

// The shared, own and earlier blind letters (and dev-3 when it is there): every set that may be tuned on.
const letters = developmentLetters();
const present = (text: string) => Object.fromEntries(checkLetter(text).map((i) => [i.item, i.present]));
const evidence = (text: string, item: string) => checkLetter(text).find((i) => i.item === item)?.evidence;

describe('the checklist of what a letter to a citizen must contain', () => {
  it.each(letters.map((l) => [l.id, l.kind, l] as const))('%s (%s): every item is found present or missing as written down', (_id, _kind, letter) => {
    expect(present(letter.text)).toEqual(letter.checklist);
  });

  it.each(letters.map((l) => [l.id, l] as const))('%s: the pseudonymised letter, as the assistant sees it, gets the same checklist', (_id, letter) => {
    const masked = pseudonymise(letter.text, scan(letter.text), MASKED).text;
    expect(present(masked)).toEqual(letter.checklist);
  });

  it('lists the six items in order, and every item present quotes the letter as evidence', () => {
    for (const letter of letters) {
      const items = checkLetter(letter.text);
      expect(items.map((i) => i.item)).toEqual([...CHECKLIST_ITEMS]);
      for (const i of items.filter((x) => x.present)) {
        const quoted = i.evidence!.split(' … ').flatMap((part) => part.replace(/^…|…$/g, '').split('…'));
        for (const part of quoted) expect(letter.text).toContain(part.trim());
        expect(i.evidence!.length).toBeLessThanOrEqual(240);
      }
      for (const i of items.filter((x) => !x.present)) expect(i.evidence).toBeUndefined();
    }
  });

  describe('complaint guidance (klagevejledning)', () => {
    it('when the letter says where to complain and the time limit, then complaint guidance is present and both are quoted', () => {
      const letter = 'Du har fået afslag.\n\nKlagevejledning\nDu kan klage til Ankestyrelsen via borger.dk. Klagen skal være modtaget senest 4 uger efter, at du har fået afgørelsen.';
      expect(present(letter).complaint).toBe(true);
      expect(evidence(letter, 'complaint')).toMatch(/klage til Ankestyrelsen.*4 uger/s);
    });

    it('when the letter says where to complain but gives no time limit, then complaint guidance is missing', () => {
      expect(present('Du har fået afslag. Du kan klage til Ankestyrelsen, hvis du ikke er enig.').complaint).toBe(false);
    });

    it('when the complaint guidance is only an enclosure, then it is missing', () => {
      expect(present('Afgørelsen og klagevejledningen fremgår af vedlagte bilag.').complaint).toBe(false);
    });

    it('the complaint deadline is not the citizen’s deadline for acting', () => {
      const letter = 'Vi har givet dig afslag på hjælp.\n\nSådan klager du\nSend din klage til os inden 4 uger.';
      expect(present(letter)).toMatchObject({ decision: true, complaint: true, deadline: false });
    });
  });

  it('on the pseudonymised text a phone or e-mail placeholder is a way to contact, and the quote keeps the placeholder', () => {
    const letter = 'Har du spørgsmål, kan du kontakte [NAVN_1] på telefon [TELEFON_1] eller [EMAIL_1].';
    expect(present(letter).contact).toBe(true);
    expect(evidence(letter, 'contact')).toContain('[NAVN_1]');
  });

  it('a signature without phone or e-mail, or "kontakt kommunen", is no contact', () => {
    expect(present('Kontakt kommunen, hvis du har spørgsmål.\n\nMed venlig hilsen\n\nMarie Holm\nBorgerservice').contact).toBe(false);
  });

  it('"snarest" and "hurtigst muligt" are no deadline; a date or a period is', () => {
    expect(present('Vi beder dig sende papirerne snarest.').deadline).toBe(false);
    expect(present('Vi beder dig sende papirerne hurtigst muligt.').deadline).toBe(false);
    expect(present('Vi beder dig sende papirerne senest den 3. marts 2027.').deadline).toBe(true);
    expect(present('Du skal sende papirerne inden for 14 dage.').deadline).toBe(true);
  });

  it.each([
    ['Din ansøgning om friplads er godkendt. Friplads gælder fra 1. januar 2027.', 'decision'],
    ['Du har fået afslag på økonomisk friplads, da din indtægt er for høj.', 'decision'],
    ['Du har fået afslag på økonomisk friplads, da din indtægt er for høj.', 'reason'],
    ['Du skal møde op til lægeundersøgelse mandag den 7. december 2026 kl. 10.00.', 'decision'],
    ['Vi skal bede dig om at udfylde skemaet og returnere det.', 'action'],
    ['Spørgsmål kan rettes til Borgerservice, tlf. 3637 3637.', 'contact'],
  ])('finds it in plain phrasings too: %j has %s', (letter, item) => {
    expect(present(letter)[item]).toBe(true);
  });

  it('a consultation that only says the municipality will decide "in your case" has no decision; one that names it has', () => {
    expect(present('Kommunen påtænker på baggrund af oplysningerne at træffe afgørelse i sagen.').decision).toBe(false);
    expect(present('Kommunen påtænker at standse din ydelse fra den 1. marts 2027.').decision).toBe(true);
  });

  describe('decisions and actions recognised by meaning, in any inflection and voice', () => {
    it.each([
      ['Vi har truffet afgørelse om, at din boligstøtte bringes til ophør fra den 1. maj 2027.', 'ending a benefit'],
      ['Din hjælp til rengøring vil blive nedsat fra den 1. marts 2027.', 'a passive reduction'],
      ['De afkræves hermed det for meget udbetalte beløb.', 'a demand for repayment'],
      ['Kommunen meddeler Dem påbud om at fjerne skuret.', 'an order (påbud)'],
      ['Det er besluttet, at De skal have en ny kontaktperson.', '"det er besluttet"'],
      ['De tilbydes en bolig i Plejecenter Solgården fra den 1. april 2027.', 'an offer'],
      ['Kommunen stopper udbetalingen af Deres boligstøtte fra 1. april 2027.', 'stopping a payment'],
      ['Du får hjælp til rengøring hver anden uge.', 'a plain "du får hjælp"'],
      ['Betalingen for oktober er opgjort til i alt 1.450 kr.', 'the amount claimed'],
    ])('%j is a decision (%s)', (letter) => {
      expect(present(letter).decision).toBe(true);
    });

    it.each([
      ['Vi har modtaget din ansøgning om nedsættelse af huslejen.', 'what was applied for'],
      ['Hvis du ikke møder op, kan din hjælp blive stoppet.', 'a condition'],
      ['Ved gentagne udeblivelser vil der kunne træffes afgørelse om at stoppe hjælpen.', 'a possible consequence'],
      ['Du har en nedsat funktionsevne.', 'a description of the citizen'],
    ])('%j is no decision (%s)', (letter) => {
      expect(present(letter).decision).toBe(false);
    });

    it.each([
      ['Beløbet bedes indbetalt senest den 1. marts 2027.', 'a passive request with the thing as subject'],
      ['Samtykke og tilbud anmodes fremsendt til kommunen.', '"anmodes" + participle'],
      ['Ansøgningen skal være indsendt senest den 1. april 2027.', 'a passive duty tied to a date'],
      ['Kommunen meddeler Dem påbud om at fjerne skuret.', 'being ordered'],
      ['Du gives lejlighed til at udtale dig, før vi træffer afgørelse.', 'the chance to comment in a consultation'],
      ['Du skal vælge, om du vil have hjælp fra kommunen eller et privat firma.', '"du skal" with any verb'],
    ])('%j is an action (%s)', (letter) => {
      expect(present(letter).action).toBe(true);
    });

    it.each([
      ['Du skal altid oplyse kommunen om ændringer i din indkomst.', 'a general duty'],
      ['De er forpligtet til at underrette kommunen om ændringer.', 'a general duty'],
      ['Såfremt beløbet allerede er betalt, bedes De se bort fra dette brev.', 'a condition'],
      ['Henvendelser om sagen bedes rettet til Borgerservice.', 'where to write with questions (contact)'],
    ])('%j is no action (%s)', (letter) => {
      expect(present(letter).action).toBe(false);
    });

    it('a date is a deadline only when something is to be done by it', () => {
      expect(present('Du får svar senest den 1. marts 2027.').deadline).toBe(false);
      expect(present('Beløbet bedes indbetalt på reg.nr. 1234, kontonr. 5678 901 234, senest den 1. marts 2027.')).toMatchObject({ action: true, deadline: true });
      expect(present('Fristen for at sende dokumentationen er den 3. maj 2027.').deadline).toBe(true);
    });

    describe('kinds of letter where what is decided, asked or due is phrased indirectly', () => {
      it('a request for papers on an application still being handled is about that application (its decision)', () => {
        const letter =
          'Vi har modtaget din ansøgning om tilskud til briller.\n\nVi beder dig sende en kopi af din recept senest den 2. april 2027.';
        expect(present(letter)).toMatchObject({ decision: true, action: true, deadline: true });
        expect(evidence(letter, 'decision')).toContain('ansøgning om tilskud til briller');
        // Without the request the letter only says it arrived, and an enclosed decision is no decision in the letter.
        expect(present('Vi har modtaget din ansøgning om tilskud til briller.').decision).toBe(false);
        expect(present('Vi har modtaget din ansøgning om tilskud til briller. Afgørelsen fremgår af vedlagte bilag. Vi beder dig sende en kopi af din recept.').decision).toBe(false);
      });

      it('a plain letter that states its decision under a heading such as "Vores afgørelse" has a decision', () => {
        const letter = 'Vi har set på din sag.\n\nVores afgørelse\nDu kan få en ny rampe ved hoveddøren.';
        expect(present(letter).decision).toBe(true);
        expect(evidence(letter, 'decision')).toBe('Du kan få en ny rampe ved hoveddøren.');
      });

      it('a time of day, or a time counted back from the event, is a deadline', () => {
        expect(present('Du skal afbestille turen senest kl. 12 dagen før.').deadline).toBe(true);
        expect(present('Du skal aflevere nøglen senest kl. 9.30.').deadline).toBe(true);
      });

      it('a time limit in guidance that says only "kan påklages" is the complaint’s, not a deadline for acting', () => {
        const letter = 'Du har fået afslag på en ny seng.\n\nAfgørelsen kan påklages, og fristen for det er 4 uger fra den dag, du fik brevet.';
        expect(present(letter)).toMatchObject({ decision: true, deadline: false, complaint: false });
      });

      it('a notice of an inspection at a stated time is its decision, and the time is its deadline', () => {
        const letter = 'Kommunen vil komme på tilsyn i din have onsdag den 7. april 2027 kl. 13.00. Vi beder dig om at være hjemme.';
        expect(present(letter)).toMatchObject({ decision: true, action: true, deadline: true });
        // A visit in the past, with no time, announces nothing.
        expect(present('Ergoterapeuten var på besøg hos dig den 2. marts 2027.').decision).toBe(false);
      });

      it('a date that recurs each month is the deadline of a duty to pay', () => {
        const letter = 'Din husleje skal være indbetalt senest den 5. i hver måned.';
        expect(present(letter)).toMatchObject({ action: true, deadline: true });
        expect(present('Beløbet skal være os i hænde inden den 1. i den følgende måned.')).toMatchObject({ action: true, deadline: true });
      });

      it('the municipality’s own duty is no action for the citizen', () => {
        expect(present('Kommunen skal som myndighed påse, at reglerne overholdes, senest den 1. juni 2027.').action).toBe(false);
      });
    });

    it('complaint guidance needs where or how to complain as well as the time limit', () => {
      expect(present('Klagevejledning\nKlage over afgørelsen skal være indgivet inden 4 uger fra modtagelsen af dette brev.').complaint).toBe(false);
      expect(present('Klagevejledning\nDu kan klage skriftligt til kommunen inden 4 uger fra modtagelsen af dette brev.').complaint).toBe(true);
    });
  });

  describe('kinds of phrasing the fixed lists missed in unseen letters', () => {
    it.each([
      ['Kommunen pålægger dig at rydde grunden for skrot.', 'being ordered (pålægge)'],
      ['Derfor pålægges De at lukke for udledningen til grøften.', 'being ordered, passive'],
      ['Din ret til kontanthjælp bortfalder fra den 1. juni 2027.', 'a benefit that lapses'],
      ['Kommunen opsiger hermed lejeaftalen om nyttehaven til fratræden den 31. august 2027.', 'a lease ended'],
      ['Vi har sagt nej til din ansøgning om et nyt badeværelse.', 'a plain no'],
      ['Du søgte om en trappelift. Det har vi sagt ja til.', 'a plain yes'],
      ['Der meddeles Dem tilladelse til at fælde egetræet i forhaven.', 'a permission conveyed (meddeles)'],
      ['Vi kan desværre ikke give dig dispensation til at bygge tættere på skel.', 'a refusal to give'],
      ['Kommunen påtænker at nedsætte Deres hjælp til indkøb, idet hjælpen kun ydes til borgere, hvis behov er uændret.', '"hvis" as "whose", not a condition'],
    ])('%j is a decision (%s)', (letter) => {
      expect(present(letter).decision).toBe(true);
    });

    it.each([
      ['Betales beløbet ikke, vil der blive opkrævet et rykkergebyr på 100 kr.', 'a condition by word order'],
      ['Overholdes vilkårene ikke, kan tilladelsen tilbagekaldes.', 'a condition by word order'],
      ['Er skuret ikke fjernet inden fristen, vil kommunen give påbud om det.', 'a condition by word order'],
      ['Din hjælp kan blive stoppet, hvis du ikke møder op.', 'a condition in the clause right after'],
    ])('%j is no decision (%s)', (letter) => {
      expect(present(letter).decision).toBe(false);
    });

    it('an obligation with a date is this letter’s task; without one it is a standing duty', () => {
      expect(present('De er forpligtet til at tilbagebetale beløbet senest den 1. juni 2027.')).toMatchObject({ action: true, deadline: true });
      expect(present('Du har pligt til at fortælle os om ændringer i din indtægt.').action).toBe(false);
    });

    it.each([
      ['Vi har brug for, at du sender os din seneste lønseddel.', 'what the municipality needs'],
      ['Det er vigtigt, at De kontakter lægen inden samtalen.', '"det er vigtigt, at De …"'],
      ['Vi mangler stadig din underskrift på samtykkeerklæringen.', 'what is missing'],
      ['Vi beder dig sende lønsedlerne, da kommunen ellers ikke kan foretage en beregning af din hjælp.', 'what the municipality cannot do is no "nothing to do"'],
    ])('%j is an action (%s)', (letter) => {
      expect(present(letter).action).toBe(true);
    });

    it.each([
      ['Brevet giver ikke anledning til, at du skal gøre noget.', 'nothing to do, in so many words'],
      ['De skal intet foretage Dem i anledning af dette brev.', 'nothing to do, formal'],
      ['Svar på din henvendelse om parkering\n\nVi har modtaget din henvendelse af 2. maj 2027.', 'a subject line that looks like an imperative'],
    ])('%j is no action (%s)', (letter) => {
      expect(present(letter).action).toBe(false);
    });

    it.each([
      ['Du skal sende papirerne senest d. 5. marts 2027.', '"d." for "den"'],
      ['Du skal sende papirerne senest den 15.03.2027.', 'a date in figures'],
      ['Du skal fjerne campingvognen inden udgangen af april 2027.', 'the end of a month'],
    ])('%j has a deadline (%s)', (letter) => {
      expect(present(letter).deadline).toBe(true);
    });

    it('plain complaint guidance: how to complain as an instruction, and the time limit in its own sentence', () => {
      const instruction = 'Vi har sagt nej.\n\nEr du ikke enig?\nRing eller skriv til os inden 4 uger efter, at du har fået brevet.';
      expect(present(instruction).complaint).toBe(true);
      const followUp = 'Vi har sagt nej.\n\nDu kan klage over afgørelsen til Ankestyrelsen. Det skal ske senest 4 uger efter, at du har fået brevet.';
      expect(present(followUp).complaint).toBe(true);
      // Without a time limit the guidance is still incomplete.
      expect(present('Vi har sagt nej.\n\nEr du ikke enig?\nRing eller skriv til os.').complaint).toBe(false);
    });

    it.each([
      ['I henhold til bibliotekets reglement skal lånte bøger afleveres i god stand.', 'a regulation'],
      ['Efter kommunens kvalitetsstandard for hjemmehjælp gives rengøring hver anden uge.', 'a service standard'],
    ])('a rule that is no law is a reason: %j (%s)', (letter) => {
      expect(present(letter).reason).toBe(true);
    });

    it('a phone number after "kontakte" or "træffes" is a way to contact', () => {
      expect(present('Du kan kontakte mig på 12 34 56 78.').contact).toBe(true);
      expect(present('Jeg træffes på 12 34 56 78 alle hverdage.').contact).toBe(true);
    });
  });
});

describe('deadlines, complaints and contacts said in other ways', () => {
  it.each([
    ['Aftalen om parkering bortfalder, såfremt gebyret er betalt senest 14 dage efter, at du har fået brevet.', 'a condition the reader meets by a date'],
    ['Hullet i hegnet skal lukkes straks og til enhver tid holdes lukket, mens skiltet skal være sat op inden 2 uger fra i dag.', 'a standing duty next to a dated one'],
    ['Giv sedlen til læreren. Vi skal have den senest tirsdag den 7. september 2027.', 'what the municipality must receive'],
    ['Afhentningen vil finde sted mandag den 10. maj 2027 mellem kl. 7.00 og 10.00, og De anmodes om at stille sengen frem.', 'an appointment as a time window'],
    ['Synsprøven foregår fredag den 21. maj 2027 kl. 13.00 på skolen, og du er velkommen til at være med.', 'a summons at a time'],
    ['Hvis datoen ikke passer, vil vi gerne have, at du ringer senest en uge før.', 'one week, singular'],
  ])('%j has a deadline (%s)', (letter) => {
    expect(present(letter).deadline).toBe(true);
  });

  it('a meeting the reader missed is no deadline, though it has a day and a time', () => {
    expect(present('Du er ikke mødt til samtalen i Jobcentret tirsdag den 4. maj 2027 kl. 9.00.').deadline).toBe(false);
  });

  it('a summons at a stated time asks the reader to come; a meeting of the municipality alone does not', () => {
    expect(present('Synsprøven foregår fredag den 21. maj 2027 kl. 13.00 på skolen, og du er velkommen til at være med.').action).toBe(true);
    expect(present('Udvalgsmødet afholdes torsdag den 3. juni 2027 kl. 16.00 på rådhuset.').action).toBe(false);
  });

  it('"Afgørelsen kan påklages til ..." says where to complain', () => {
    const letter = 'Vi har givet afslag.\n\nAfgørelsen kan påklages til Styrelsen for Patientsikkerhed. Klagen skal være modtaget senest 4 uger efter, at du har fået brevet.';
    expect(present(letter).complaint).toBe(true);
  });

  it('an assessment concluded with ", hvorfor ... afsluttes" is the decision', () => {
    expect(present('Behovet for støtte findes ikke længere at være til stede, hvorfor støttekontaktpersonordningen afsluttes med udgangen af maj 2027.').decision).toBe(true);
  });

  it('"Det står i vores regler." is a reason, and a phone number after "Direkte:" is a way to contact', () => {
    expect(present('Du får et gratis buskort. Det står i vores regler.').reason).toBe(true);
    expect(present('Med venlig hilsen\nAnne Berg\nDirekte: 72 10 33 44').contact).toBe(true);
  });
});
