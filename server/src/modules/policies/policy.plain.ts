import { SPECIAL_CATEGORIES, type DataAction, type DataClass, type DataRule, type PolicyFile } from '../../contracts/policies.js';
import { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES, capitalise, listJoin, orJoin } from './policy.words.js';

type Rule = { code: string; da: string; en: string };
type Lang = 'da' | 'en';

/**
 * Who reads the rules: the staff who run the trial (the policy page, the briefing) are told what they may do;
 * citizens reading the public AI register are told what the municipality's staff may do with their texts.
 */
export type Audience = 'staff' | 'public';

const VOICE = {
  staff: {
    draft: { da: 'dit udkast', en: 'your draft' },
    use: { da: 'Du må bruge', en: 'You may use' },
    blocked: { da: 'Du må ikke bruge tekster med', en: 'You may not use texts containing' },
    paste: { da: 'Du må højst indsætte', en: 'You may paste at most' },
    runs: { da: 'og lave', en: 'and make' },
    review: {
      da: 'Du skal læse, rette og godkende hvert udkast, før det bruges. AI er en assistent, ikke en autoritet.',
      en: 'You must read, correct and approve every draft before it is used. AI is an assistant, not an authority.',
    },
    label: { da: 'Tekst, der bruges videre, skal mærkes', en: 'Text used onwards must be labelled' },
    content: { da: 'Indholdet (din tekst og udkastet)', en: 'The content (your text and the draft)' },
    notKept: {
      da: 'Indhold gemmes ikke efter kørslen: kopiér det godkendte udkast, før du går videre.',
      en: 'Content is not kept after the run: copy the approved draft before you move on.',
    },
  },
  public: {
    draft: { da: 'medarbejderens udkast', en: "the employee's draft" },
    use: { da: 'Medarbejderne må bruge', en: 'Staff may use' },
    blocked: { da: 'Medarbejderne må ikke bruge tekster med', en: 'Staff may not use texts containing' },
    paste: { da: 'En medarbejder må højst indsætte', en: 'An employee may paste at most' },
    runs: { da: 'og lave', en: 'and make' },
    review: {
      da: 'En medarbejder læser, retter og godkender hvert udkast, før det bruges. Det er medarbejderen og kommunen, der har ansvaret for teksten – ikke assistenten.',
      en: 'An employee reads, corrects and approves every draft before it is used. The employee and the municipality are responsible for the text, not the assistant.',
    },
    label: { da: 'Tekst fra prøvehandlingen, som du får fra kommunen, er mærket', en: 'Text from the trial that you receive from the municipality is labelled' },
    content: { da: 'Indholdet (den indsatte tekst og udkastet)', en: 'The content (the text pasted and the draft)' },
    notKept: {
      da: 'Indholdet gemmes ikke efter kørslen.',
      en: 'The content is not kept after the run.',
    },
  },
} as const satisfies Record<Audience, Record<string, { da: string; en: string }>>;


/** "1 kørsel", "1.000 kørsler": the number in the language's format and the noun in its number. */
function counted(n: number, one: string, many: string, lang: Lang): string {
  return `${n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB')} ${n === 1 ? one : many}`;
}

/** Classes with the same action for every destination. */
function classes(p: PolicyFile, action: DataAction): DataClass[] {
  return (Object.entries(p.dataClasses) as [DataClass, DataRule][]).filter(([, a]) => a === action).map(([c]) => c);
}

const names = (cs: DataClass[], lang: Lang) => listJoin(cs.map((c) => CLASS_WORDS[c][lang][1]), lang);

/** What counts as local under the policy, in words: the offline engine and the municipality's own model. */
function localWords(p: PolicyFile, lang: Lang): string {
  const parts: string[] = [];
  if (p.providers.some((x) => x.provider === 'offline')) parts.push(lang === 'da' ? 'den offline regelmotor' : 'the offline engine');
  if (p.providers.some((x) => x.localBaseUrls?.length)) parts.push(lang === 'da' ? 'kommunens egen sprogmodel' : "the municipality's own model");
  return orJoin(parts, lang) || (lang === 'da' ? 'kommunens egne servere' : "the municipality's own servers");
}

const LOCAL_PHRASE: Record<DataAction, { da: string; en: string }> = {
  allow: { da: 'må gerne stå i teksten, når den behandles af {local}', en: 'may be in the text when it is processed by {local}' },
  warn: { da: 'må gerne stå i teksten, når den behandles af {local}', en: 'may be in the text when it is processed by {local}' },
  mask: { da: 'erstattes med pladsholdere, også når teksten behandles af {local}', en: 'are replaced by placeholders, also when the text is processed by {local}' },
  block: { da: 'må ikke stå i teksten, heller ikke når den behandles af {local}', en: 'may not be in the text, not even when it is processed by {local}' },
};
const EXTERNAL_PHRASE = (draft: { da: string; en: string }): Record<DataAction, { da: string; en: string }> => ({
  allow: { da: 'Sendes teksten til en ekstern sprogmodel, sendes de med, som de står.', en: 'When the text is sent to an external model, they are sent as they are.' },
  warn: { da: 'Sendes teksten til en ekstern sprogmodel, sendes de med, som de står.', en: 'When the text is sent to an external model, they are sent as they are.' },
  mask: {
    da: `Sendes teksten til en ekstern sprogmodel, erstattes de med pladsholdere, før noget sendes, og sættes tilbage i ${draft.da}.`,
    en: `When the text is sent to an external model, they are replaced by placeholders before anything is sent, and restored in ${draft.en}.`,
  },
  block: {
    da: 'En ekstern sprogmodel må ikke få dem: assistenten afviser teksten, før noget bliver sendt.',
    en: 'An external model may not receive them: the assistant refuses the text before anything is sent.',
  },
});

/** One sentence per pair of actions (local, external) for the classes whose rule depends on where the text goes. */
function byDestination(p: PolicyFile, audience: Audience): Rule[] {
  const external = EXTERNAL_PHRASE(VOICE[audience].draft);
  const groups = new Map<string, { local: DataAction; external: DataAction; classes: DataClass[] }>();
  for (const [c, rule] of Object.entries(p.dataClasses) as [DataClass, DataRule][]) {
    if (typeof rule === 'string') continue;
    const key = `${rule.local}/${rule.external}`;
    const g = groups.get(key) ?? { local: rule.local, external: rule.external, classes: [] };
    g.classes.push(c);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const say = (lang: Lang) =>
      `${capitalise(names(g.classes, lang))} ${LOCAL_PHRASE[g.local][lang].replace('{local}', localWords(p, lang))}. ${external[g.external][lang]}`;
    return { code: 'DATA_BY_DESTINATION', da: say('da'), en: say('en') };
  });
}

/**
 * The policy in plain language: for staff (the policy page and the briefing) what you may, may not and must do;
 * for the public register the same rules said of the municipality's staff.
 */
export function plainLanguage(p: PolicyFile, audience: Audience = 'staff'): { may: Rule[]; mayNot: Rule[]; must: Rule[] } {
  return { may: mayRules(p, audience), mayNot: mayNotRules(p, audience), must: mustRules(p, audience) };
}

/** What may be used: the assistants, the providers, and the data allowed, masked or depending on where the text goes. */
function mayRules(p: PolicyFile, audience: Audience): Rule[] {
  const v = VOICE[audience];
  const may: Rule[] = [];
  may.push({
    code: 'ASSISTANTS',
    da: `${v.use.da}: ${listJoin(p.assistants.map((a) => ASSISTANT_NAMES[a].da), 'da')}.`,
    en: `${v.use.en}: ${listJoin(p.assistants.map((a) => ASSISTANT_NAMES[a].en), 'en')}.`,
  });
  may.push({
    code: 'PROVIDERS',
    da: `Teksten må kun behandles af: ${listJoin(p.providers.map((x) => PROVIDER_NAMES[x.provider].da), 'da')}.`,
    en: `The text may only be processed by: ${listJoin(p.providers.map((x) => PROVIDER_NAMES[x.provider].en), 'en')}.`,
  });
  const allowed = [...classes(p, 'allow'), ...classes(p, 'warn')];
  if (allowed.length) {
    may.push({
      code: 'ALLOWED_DATA',
      da: `Teksten må gerne indeholde ${names(allowed, 'da')}.`,
      en: `The text may contain ${names(allowed, 'en')}.`,
    });
  }
  const masked = classes(p, 'mask');
  if (masked.length) {
    may.push({
      code: 'MASKED_DATA',
      da: `${capitalise(names(masked, 'da'))} må gerne stå i teksten: de erstattes med pladsholdere, før noget sendes til sprogmodellen, og sættes tilbage i ${v.draft.da}.`,
      en: `${capitalise(names(masked, 'en'))} may be in the text: they are replaced by placeholders before anything is sent to the model, and restored in ${v.draft.en}.`,
    });
  }
  may.push(...byDestination(p, audience));
  return may;
}

/** What the text may not hold, and how much may be pasted and run. */
function mayNotRules(p: PolicyFile, audience: Audience): Rule[] {
  const v = VOICE[audience];
  const mayNot: Rule[] = [];
  const blocked = classes(p, 'block');
  if (blocked.length) {
    const special = blocked.filter((c) => SPECIAL_CATEGORIES.includes(c));
    mayNot.push({
      code: 'BLOCKED_DATA',
      da: `${v.blocked.da} ${names(blocked, 'da')}. Assistenten afviser dem, før noget bliver sendt.`,
      en: `${v.blocked.en} ${names(blocked, 'en')}. The assistant refuses them before anything is sent.`,
    });
    if (special.length) {
      mayNot.push({
        code: 'SPECIAL_CATEGORIES',
        da: 'Følsomme oplysninger om borgere eller kolleger (fx helbred, religion, strafbare forhold) hører ikke hjemme i denne prøvehandling.',
        en: 'Sensitive information about citizens or colleagues (such as health, religion, criminal offences) does not belong in this trial.',
      });
    }
  }
  mayNot.push({
    code: 'LIMITS',
    da: `${v.paste.da} ${p.limits.maxInputChars.toLocaleString('da-DK')} tegn ad gangen ${v.runs.da} ${counted(p.limits.runsPerPersonPerDay, 'kørsel', 'kørsler', 'da')} om dagen.`,
    en: `${v.paste.en} ${p.limits.maxInputChars.toLocaleString('en-GB')} characters at a time ${v.runs.en} ${counted(p.limits.runsPerPersonPerDay, 'run', 'runs', 'en')} a day.`,
  });
  return mayNot;
}

/** What must be done with a draft: review, a second approver, the label, and how long the content is kept. */
function mustRules(p: PolicyFile, audience: Audience): Rule[] {
  const v = VOICE[audience];
  const must: Rule[] = [];
  if (p.humanReview.required) {
    must.push({ code: 'HUMAN_REVIEW', ...v.review });
  }
  const second = p.humanReview.secondApprover;
  if (second === 'always') {
    must.push({ code: 'FOUR_EYES', da: 'En kollega skal også godkende hvert udkast (fire øjne).', en: 'A colleague must also approve every draft (four eyes).' });
  } else if (typeof second === 'object') {
    must.push({
      code: 'FOUR_EYES',
      // Any one of the classes is enough (policy.evaluate.ts), so the sentence says "eller", never "og".
      da: `Når teksten indeholder ${second.whenPresent.length > 1 ? 'mindst én af disse: ' : ''}${orJoin(second.whenPresent.map((c) => CLASS_WORDS[c].da[1]), 'da')}, skal en kollega også godkende udkastet (fire øjne).`,
      en: `When the text contains ${second.whenPresent.length > 1 ? 'at least one of these: ' : ''}${orJoin(second.whenPresent.map((c) => CLASS_WORDS[c].en[1]), 'en')}, a colleague must also approve the draft (four eyes).`,
    });
  }
  must.push({
    code: 'DISCLOSURE',
    da: `${v.label.da}: "${p.disclosureLabel.da}".`,
    en: `${v.label.en}: "${p.disclosureLabel.en}".`,
  });
  must.push({
    code: 'RETENTION',
    da:
      p.retentionDays === 0
        ? v.notKept.da
        : `${v.content.da} slettes automatisk efter ${counted(p.retentionDays, 'dag', 'dage', 'da')}. Vurderingerne i erfaringsloggen bevares.`,
    en:
      p.retentionDays === 0
        ? v.notKept.en
        : `${v.content.en} is deleted automatically after ${counted(p.retentionDays, 'day', 'days', 'en')}. Experience ratings are kept.`,
  });
  return must;
}
