import { ASK } from './minutes.asks.js';
import { cap, contentCount, DECISION_HEDGES, HEDGES, mainClause, NOT_ACTIONS, present, squash } from './minutes.wording.js';

/**
 * What one sentence says of a decision or a proposal: a decision cue ("vi beslutter", "så flytter vi ..."), an
 * agreement that points back ("Så er det besluttet."), a proposal ("kan vi ikke ...?"), and each in the words of
 * the minutes.
 */

const DECISION_CUES =
  /^\s*(?:beslutning(?:er)?|aftale(?:r)?|konklusion)\s*:|(?<![\p{L}])(?:(?:vi|jeg) har vurderet,? at|(?:vi|jeg) bevilger|(?:er|blev|bliver) bevilget|bevilges|kan (?:vi|jeg) ikke bevilge|går vi videre med|vi beslutter|beslutter vi|besluttede|besluttet|beslutningen er|vi er enige om|(?:var|blev) (?:vi )?enige om|enighed om|lander (?:vi )?på|vi lander på|det blev vedtaget|vedtaget|vedtog|konklusion(?:en)?|vi går videre med|vi aftaler|det aftales|aftalt|lad os sige, at|er (?:vi|alle) enige om|vi (?:kører|går) (?:videre )?med|vi vælger|vælger vi|vi satser på|vi fastholder|vi holder fast i|vi dropper|dropper vi)(?![\p{L}])/iu;
/** "Så er referatet godkendt.", "Regnskabet blev godkendt." - but not "når styregruppen har godkendt budgettet". */
const APPROVED = /(?<![\p{L}])(?:er|blev) (?:[\p{L}-]+ ){0,3}godkendt(?![\p{L}])/iu;
const APPROVED_LATER = /(?<![\p{L}])(?:når|hvis|før|inden|indtil)(?![\p{L}])[^.]*godkendt/iu;
const SO_THEY = /^(?:(?:[Oo]g|[Gg]odt|[Oo]kay|[Ff]int)[,.]?\s+)?[Ss]å (?:får|overtager|tager|deler) (?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\])(?: og (?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\]))? (?!lige(?![\p{L}]))\p{L}/u;
/** The chair's "så flytter vi ...", "så udvider vi ...": a proposal turned into what will happen. */
const SO_WE = /(?:^|[,.]\s*|(?<![\p{L}])og\s+)så (\p{L}+r) vi(?![\p{L}])/iu;
/** What follows "så slutter vi" when the meeting itself ends or pauses, not a plan or a service. */
const MEETING_ITSELF = /^\s+(?:(?:lige|bare|så)\s+)?(?:der|her|nu|for i dag|for denne gang|mødet|af|pause|en pause|ti minutters pause)(?![\p{L}])/iu;
export const NOT_DECIDING_VERBS = new Set([
  'er', 'har', 'får', 'kan', 'skal', 'vil', 'må', 'ser', 'siger', 'tager', 'går', 'vender', 'hører', 'mangler', 'bliver',
  // A state or a consequence: "og så sidder vi i telefonen hele formiddagen", "så står vi stærkere".
  'sidder', 'står', 'ligger', 'bruger', 'mister', 'risikerer', 'sparer', 'ender', 'kommer',
  // Talk about the meeting itself, or a consequence: "så venter vi lige", "så starter vi", "så slipper vi for ...".
  'venter', 'starter', 'begynder', 'slipper', 'snakker', 'taler', 'ses', 'høres', 'kører', 'runder', 'når',
]);
const CHOSEN_WHEN = /^\s+(?:den \d|d\. \d|\d|kl\. ?\d|(?:på )?(?:man|tirs|ons|tors|fre|lør|søn)dag(?:en)?(?![\p{L}])|uge \d)/iu;
const POSTPONED =
  /(?<![\p{L}])(?:(?:før|inden|når|hvis|indtil) (?:vi|de|I|man) (?:beslutter|har besluttet)|beslutter (?:det|den|noget) ikke|ikke beslutte|næste gang|tager (?:vi )?(?:det|den) op|vender tilbage|udskyde|udskudt|ikke noget, vi skal beslutte|senere møde|venter (?:vi )?med|(?:ingen |ikke (?:nogen )?)(?:konklusion|beslutning|enighed)|ikke afklaret)(?![\p{L}])/iu;
/** "Så er det besluttet.", "Så er vi enige.", "Så er det aftalt.", in notes "Besluttet": what was just said is decided. */
const AGREED_WORDS = String.raw`(?:besluttet|vedtaget|aftalt|godkendt|på plads|en aftale|en beslutning)`;
export const POINTING = new RegExp(
  String.raw`^(?:(?:så|og|godt|perfekt|fint|okay|ok|ja|jo|præcis|super|enig)[,.!]?\s+)*(?:så )?(?:(?:er )?det (?:er )?${AGREED_WORDS}|(?:er|bliver) det sådan|(?:er )?vi (?:er )?enige|det er vi enige om|${AGREED_WORDS})(?:,?\s*(?:ingen indvendinger|alle (?:er )?enige|enstemmigt|uden bemærkninger|uden ændringer))?[.,!]?\s*$`,
  'iu',
);
/** "Så gør vi det.", "Så siger vi det.", "Vi lander på det.": agreeing to what was proposed, or to what follows. */
const SO_BE_IT = /^(?:(?:okay|godt|fint|jo|ja|enig)[,.]?\s+)*(?:så gør vi det(?: sådan)?|det gør vi(?: så)?|så gør vi sådan|sådan gør vi|så siger vi det|det siger vi|lad os gøre det|lad os gøre sådan|så kører vi med det|(?:så )?(?:vi )?lander (?:vi )?på det)(?::\s+[^?]+)?[.!]?$/iu;
/** "Ja, det prøver vi frem til sommerferien, og så ser vi på det igen.": what was proposed is agreed as a trial (group 1: how long). */
export const TRY_IT =
  /^(?:(?:ja|jo|okay|ok|godt|fint)[,.]?\s+)*(?:så )?(?:det prøver vi|det forsøger vi|lad os prøve det|vi prøver det(?: af)?)(?:\s+((?:frem )?til [^,.!?]+|i (?:en|to|tre|fire|seks|\d+) (?:uger|uge|måneder|måned)|resten af [^,.!?]+))?(?:,\s*og så [^?]*)?[.!]?$/iu;
export const RETROSPECTIVE = { test: (s: string) => POINTING.test(s) || SO_BE_IT.test(s) || TRY_IT.test(s) };
/**
 * A recap of what was just decided, often as a question the chair confirms: "Så det er fire sommerhjælpere fra uge
 * 18 til uge 33?", "Altså, så vi forlænger med fire uger, til og med uge 14, ikke?", "Så landdistrikterne starter i
 * uge 19 ...", "Så fra næste uge er det tolv timer om ugen".
 */
export const RECAP = /^(?:(?:ja|okay|ok|altså|godt|fint|præcis)[,.:]?\s+)*så (?:(?:det (?:er|bliver)|vi (?!(?:venter|ses|snakker|taler|starter|siger|tager lige)(?![\p{L}]))\p{L}+r|\p{Ll}[\p{L}-]+(?:en|et|ne|erne) \p{L}+r|(?:de|den|det) (?:[\p{L}\d-]+ ){1,6}?\p{L}+r vi)(?![\p{L}])|(?:fra|i|indtil) )/iu;
/** "Er vi enige om Camillas model?", "Skal vi bare beslutte det?": the decision is what is said next. */
export const ANNOUNCEMENT = /(?<![\p{L}])(?:er (?:vi|alle|I) enige|skal vi (?:ikke )?(?:bare )?beslutte|kan vi beslutte|kan vi blive enige|er det en beslutning)(?![\p{L}])[^?]*\?\s*$/iu;
/**
 * A question that asks the meeting to confirm what was just said: "Det er vi vel enige om?", "Er alle med på det?"
 * (group 1 empty), or to object to it: "Nogen indvendinger?", "Er der nogen, der er imod?" (group 1 set).
 */
export const CONFIRMATION =
  /^(?:(?:og|så|okay|godt)[,]?\s+)?(?:(?:det|dét) er (?:vi|alle|I) (?:vel |så |nu )?enige (?:om|i)|er (?:vi|alle|I) (?:enige|med) (?:i|på) det|kan (?:vi|alle|I) leve med det|er det (?:ok|okay|fint) (?:for|med) (?:alle|jer)|((?:har )?(?:nogen|nogle|I nogen) (?:en )?indvending(?:er)?|er der (?:nogen|nogle),? der er imod|nogen,? der er imod|er der nogen,? der har indvendinger))[^?]*\?\s*$/iu;
/** An objection to what was put to the meeting. */
export const OBJECTS = /^(?:(?:ja|jo|nej)[,.]?\s+)?(?:jeg er imod|det er jeg (?:ikke enig i|imod)|det synes jeg ikke|ikke enig|det kan jeg ikke gå med til|det går ikke)/iu;
/** Said before a decision is stated: "Ja.", "Altså:", "Enig." */
/** "Det blev ikke vedtaget; i stedet lægges status på ...": what was decided instead. */
export const REJECTED_INSTEAD = /(?:ikke (?:vedtaget|besluttet|godkendt)|blev afvist|afvist|droppet|nej til)[^;.]*[;,]\s*(?:men )?(i stedet .+)$/iu;
export const REJECTION_NOTE = /(?:ikke (?:vedtaget|besluttet|godkendt)|blev afvist|droppet)[.!]?\s*$/iu;
export const INSTEAD = /^(?:og |men )?(?:i stedet|til gengæld)(?![\p{L}])/iu;
export const WE_DO = /^vi (\p{L}+r) (.+)$/iu;
/** Turning a proposal down: "Nej, ...", "Det synes jeg ikke, vi skal.", "Jeg er imod." */
export const REJECTION = /^(?:nej(?![\p{L}])|det synes jeg ikke|jeg er imod|det er jeg ikke enig i|det går ikke)/iu;
/** "Det kan vi gøre fra kommunikation.": an answer that points back, not the matter itself. */
export const POINTS_BACK = /^(?:(?:ja|jo|nej)[,.]?\s+)?(?:det|den|dem) \p{L}+ (?:vi|jeg|I|du|de)(?![\p{L}])/iu;
/** "Det er jeg enig i.", "Det giver god mening.", "Det lyder godt.": agreeing, no matter of its own. */
export const AGREES = /^(?:(?:ja|jo)[,.]?\s+)?(?:det er jeg (?:helt )?enig i|det giver (?:god )?mening|det lyder (?:godt|fint|klogt)|enig|fint med mig|det er fint)/iu;
export const AGREEMENT_LEAD = /^(?:(?:ja|jo|ok|okay|enig|fint|godt|altså|præcis|netop|så)[,.:!]?\s+)+/iu;

export function decisionText(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(/^(?:(?:okay|ok|godt|fint|perfekt|super|tak|ja|jo|og|men)[,.!]?\s+)+/iu, '');
  s = s.replace(/^(?:så )?(?:er )?det (?:er )?besluttet[,:]\s*(?:at\s+)?/iu, '');
  if (/^(?:(?:så )?er (?:vi|alle) enige om|(?:jeg|vi) har besluttet|vi (?:har )?beslutte[rt]),? at\s+/iu.test(s)) {
    s = mainClause(s.replace(/^(?:(?:så )?er (?:vi|alle) enige om|(?:jeg|vi) har besluttet|vi (?:har )?beslutte[rt]),? at\s+/iu, ''));
  }
  s = s.replace(/^(?:beslutning|besluttet|konklusion|vedtaget|aftalt|aftale|aftaler)\s*:\s*/iu, '');
  s = s.replace(/^(?:vi|jeg) har vurderet,? at\s+/iu, '');
  const summed = /^(?:(?:konklusionen|beslutningen|aftalen) er(?: altså| så| derfor)?|vi aftaler|det aftales|vi beslutter|det besluttes),? at\s+/iu;
  if (summed.test(s)) s = mainClause(s.replace(summed, '')).replace(/, og at /iu, ', og ');
  if (SAY_THAT.test(s)) s = mainClause(s.replace(SAY_THAT, (m) => m.slice(-1)).replace(/, og at /iu, ', og '));
  if (/^(?:så )?lad os sige, at\s+/iu.test(s)) {
    // A subordinate clause has "ikke" before the verb; as a sentence of its own it comes after.
    s = s.replace(/^(?:så )?lad os sige, at\s+/iu, '').replace(/^((?:\S+ ){0,3}?\S+) ikke (kan|skal|må|vil|er|har|bliver)(?![\p{L}])/iu, '$1 $2 ikke');
  }
  // A recap: "Altså, så vi forlænger med fire uger, til og med uge 14, ikke?" -> "Vi forlænger med fire uger, til og med uge 14."
  if (RECAP.test(s)) s = s.replace(/^(?:(?:ja|okay|ok|altså|godt|fint|præcis)[,.:]?\s+)*så (?:det (?:er|bliver) )?/iu, '');
  s = s.replace(/,?\s*(?:ikke|ik'|right|korrekt)\s*\?\s*$/iu, '').replace(/\?\s*$/u, '');
  // "..., og det har jeg fået ja til fra kommunen": the speaker's aside, not the decision.
  s = s.replace(/,\s*og (?:det|den) (?:har|er) jeg [^.;]*\.?$/iu, '');
  // "Så er referatet godkendt." -> "Referatet er godkendt."
  s = s.replace(/^så er ((?:\S+ ){0,3}?\S+) (godkendt|vedtaget|besluttet|aftalt)(?![\p{L}])/iu, '$1 er $2');
  s = s.replace(/^(?:og )?så (\p{L}+r) vi(?![\p{L}])/iu, (_m, v: string) => `vi ${v}`);
  s = s.replace(/^[Ss]å (får|overtager|tager|deler) ((?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\])(?: og (?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\]))?) /u, '$2 $1 ');
  s = s.replace(/^vi (?:er|var|blev) enige om,? at\s+/iu, '');
  s = s.replace(/^(?:så )?(?:vi )?lander (?:vi )?på,? at (\p{L}+)/iu, (_m, v: string) => `vi ${present(v)}`);
  s = s.replace(/^så (?:vi )?lander (?:vi )?på\s+/iu, 'vi lander på ');
  return cap(squash(s).replace(/[\s,;:]+$/u, '')).replace(/(?<![.!?])$/u, '.');
}

/** A rule with its condition: "Og vi lægger ikke rigtige data ind, før den er på plads.", "Vi bestiller først, når ...". */
const RULE =
  /^(?:(?:og|så|men|nej|ja)[,]?\s+)?(?:vi|man|der) (?!(?:kan|har|er|ved|når|ser|tror|synes|mener|får|bliver|kommer)(?![\p{L}]))(?:\p{L}+r|må|skal)(?: (?:\p{L}+ ){0,2}?)? (?:ikke|kun|først) [^?]*?,?\s(?:før|indtil|inden|medmindre|så længe)(?![\p{L}])[^?]*$/iu;
/** "Sig, at testen starter i uge 41, og at vi vender tilbage med præcise tider.": the chair settles what is said. */
const SAY_THAT = /^(?:(?:ja|okay|så)[,.]?\s+)?(?:sig|skriv|meld ud)(?: til (?:dem|dem alle|foreningerne|borgerne|forældrene))?,? at\s+\S/iu;

/** A statement of something to be done ("Fremover holder vi teammødet ..."), not of how things are ("det er ikke så slemt"). */
export function doesSomething(sentence: string): boolean {
  const s = sentence.toLowerCase();
  // The verb next to its subject ("holder vi", "vi holder", "klinikken lukker"), or a passive ("sendes", "laves").
  const verbs = [...s.matchAll(DOING)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const passive = /(?<![\p{L}])\p{L}{3,}[^e\s]es(?![\p{L}])/u.test(s);
  return (passive || verbs.some((v) => !NOT_DECIDING_VERBS.has(v) && !NOT_ACTIONS.has(v))) && !HEDGES.test(sentence);
}
const DOING = /(?<![\p{L}])(?:vi|der|man|de|i) (\p{L}+r)(?![\p{L}])|(?<![\p{L}])(\p{L}+r) (?:vi|der|man|de|i)(?![\p{L}])|(?<![\p{L}])\p{L}+(?:en|et|erne|ne) (\p{L}+r)(?![\p{L}])/gu;

/** "Byrådet har jo besluttet, at ...": a decision made elsewhere, which the meeting is told about. */
export const OTHERS_DECIDED =
  /(?:^|,\s*)(?:byrådet|kommunalbestyrelsen|politikerne|direktionen|folketinget|regionen|ministeriet|styrelsen|regeringen|staten|forvaltningen|borgmesteren|direktøren|udvalget) (?:har (?:jo |allerede |nu |også )?besluttet|besluttede|har vedtaget|vedtog)(?![\p{L}])/iu;

export function isDecision(sentence: string): boolean {
  if (OTHERS_DECIDED.test(sentence) || SECTION_LABEL.test(sentence.replace(/[.]$/u, ':'))) return false;
  // "Så får Nadia og Bjørn pladserne, og de to sidste venter vi med": given out now, even if the rest waits.
  if (SO_THEY.test(sentence) && !HEDGES.test(sentence) && !/(?<![\p{L}])(?:travlt|ret|svært|problemer)(?![\p{L}])/iu.test(sentence) && !/\?\s*$/u.test(sentence)) return true;
  // What the chair says is to be told is settled, "vender tilbage med præcise tider" and all.
  if (SAY_THAT.test(sentence)) return !/\?\s*$/u.test(sentence);
  if (/\?\s*$/u.test(sentence) || POSTPONED.test(sentence) || DECISION_HEDGES.test(sentence)) return false;
  if (/(?<![\p{L}])(?:foreslog|foreslået|forslag fra)(?![\p{L}])/iu.test(sentence)) return false;
  // "Mit forslag er, at vi dropper fredagsmødet." proposes; it decides nothing yet.
  if (PROPOSAL.test(sentence) && !/(?<![\p{L}])(?:besluttet|vedtaget|enige|aftalt)(?![\p{L}])/iu.test(sentence)) return false;
  if (/(?<![\p{L}])(?:ikke|aldrig) (?:besluttet|vedtaget|enige|godkendt)/iu.test(sentence)) return false;
  if (DECISION_CUES.test(sentence) || RULE.test(sentence) || (APPROVED.test(sentence) && !APPROVED_LATER.test(sentence))) return true;
  const so = SO_WE.exec(sentence);
  // Closing or pausing the meeting itself: "Så slutter vi der.", "så stopper vi for i dag", "så holder vi pause".
  if (so && MEETING_ITSELF.test(sentence.slice(so.index + so[0].length))) return false;
  // "Så siger vi den 15. september til dialogmødet.": a date or a time chosen.
  if (so && so[1]!.toLowerCase() === 'siger' && CHOSEN_WHEN.test(sentence.slice(so.index + so[0].length))) return true;
  // "Hvis den ikke er klar, så tager vi ...": a condition, not a decision.
  return !!so && !NOT_DECIDING_VERBS.has(so[1]!.toLowerCase()) && !/(?<![\p{L}])hvis(?![\p{L}])[^.]*?(?<![\p{L}])så \p{L}+r vi(?![\p{L}])/iu.test(sentence);
}

const PROPOSAL =
  /(?<![\p{L}])(?:jeg foreslår|vi foreslår|(?:jeg|vi) (?:vil|ville|kunne|skal) (?:gerne |bare |lige )*foreslå|mit forslag er|forslaget er|vi kunne(?: jo)?|kan vi ikke|kunne vi ikke|skal vi ikke|hvad med|jeg er for,? at|foreslog|blev foreslået|forslag fra|jeg tænkte(?! på| over| det)|jeg synes,? (?:at )?vi skal(?! ikke)|så kunne vi|(?:kan|skal) vi (?:ikke )?blive enige om,? at)(?![\p{L}])/iu;
/** Proposals about the meeting itself ("skal vi ikke bare starte?") are not recorded. */
const MEETING_TALK = /(?<![\p{L}])(?:starte|begynde|gå i gang|holde pause|tage en pause|slutte|runde af)(?![\p{L}])/iu;

/** "Kan vi ikke søge skolebestyrelsens pulje?" -> "Vi søger skolebestyrelsens pulje." */
export function proposalText(sentence: string): string {
  let t = sentence.replace(/^(?:[-*•]\s*)?(?:(?:men|og|så|ja|jo|nej|okay|hmm)[,.]?\s+)+/iu, '');
  if (PROPOSED_THAT.test(t)) t = mainClause(t.replace(PROPOSED_THAT, '')).replace(/, og at /iu, ', og ');
  t = t.replace(PROPOSED_LEAD, '');
  t = t.replace(/(^|,\s*)(?:kan|kunne|skal) vi ikke (?:også )?(?:bare )?(?:jo )?(\p{L}+)/iu, (_m, pre: string, v: string) => `${pre}vi ${present(v)}`);
  t = t.replace(/^(?:vi kunne|kunne vi|vi skal) (?:jo )?(?:bare )?(?:også )?(\p{L}+)/iu, (_m, v: string) => `vi ${present(v)}`);
  t = t.replace(/^hvad med\s+/iu, '');
  // "..., fordi han taler arabisk, og Sofie for ...": the reason given is not part of what is proposed.
  t = t.replace(/,\s*fordi .*?(?=,\s*og\s|[.!?]?$)/iu, '');
  return cap(squash(t).replace(/[\s,;:?!.]+$/u, '')).concat('.');
}
const PROPOSING = String.raw`(?:mit forslag er|forslaget er|jeg foreslår|vi foreslår|(?:jeg|vi) (?:vil|ville|kunne|skal) (?:gerne |bare |lige )*foreslå|jeg er for|jeg tænkte|jeg synes|(?:kan|skal) vi (?:ikke )?blive enige om)`;
const PROPOSED_THAT = new RegExp(String.raw`^${PROPOSING},? at\s+`, 'iu');
const PROPOSED_LEAD = new RegExp(String.raw`^${PROPOSING},?\s+`, 'iu');

export function isProposal(sentence: string): boolean {
  // A request ("Bo, kan du lave et notat om ..., og hvad vi foreslår?") is not a proposal of the meeting's.
  if (ASK.test(sentence) || /(?<![\p{L}])hvad (?:vi|de|I) foreslår/iu.test(sentence)) return false;
  // "..., hvis nettet går ned" says when the proposal is for, it does not hedge it.
  const unhedged = sentence.replace(/vi kunne|kunne vi/iu, '').replace(/,\s*hvis [^,]*$/iu, '');
  return PROPOSAL.test(sentence) && !MEETING_TALK.test(sentence) && !HEDGES.test(unhedged) && contentCount(sentence) >= 3;
}

export const INFORMATION = /(?<![\p{L}])(?:til efterretning|til orientering|orienterede om|orienterer om|blev orienteret|orientering om|(?:oplyste|fortalte|orienterede|oplyser|fortæller),? at)(?![\p{L}])/iu;

/** A section of notes: "Beslutninger:", "Aftaler:", "Opgaver:", "Aftalte opgaver:". */
export const SECTION_LABEL = /^\s*(beslutninger|besluttet|aftaler|aftalt|konklusioner|opgaver|aftalte opgaver|handlinger|opfølgning|to ?do)\s*:?\s*$/iu;
export const JOINT = /^(?:[-*•]\s*)?(\p{Lu}[\p{L}-]+) og (\p{Lu}[\p{L}-]+) (\p{L}+r)(?![\p{L}])/u;
