import { SPECIAL_CATEGORIES, type DataAction, type DataClass, type DataRule, type PolicyFile } from '../../contracts/policies.js';
import { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES, capitalise, listJoin, orJoin } from './policy.words.js';

type Rule = { code: string; da: string; en: string };
type Lang = 'da' | 'en';

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
const EXTERNAL_PHRASE: Record<DataAction, { da: string; en: string }> = {
  allow: { da: 'Sendes teksten til en ekstern sprogmodel, sendes de med, som de står.', en: 'When the text is sent to an external model, they are sent as they are.' },
  warn: { da: 'Sendes teksten til en ekstern sprogmodel, sendes de med, som de står.', en: 'When the text is sent to an external model, they are sent as they are.' },
  mask: {
    da: 'Sendes teksten til en ekstern sprogmodel, erstattes de med pladsholdere, før noget sendes, og sættes tilbage i dit udkast.',
    en: 'When the text is sent to an external model, they are replaced by placeholders before anything is sent, and restored in your draft.',
  },
  block: {
    da: 'En ekstern sprogmodel må ikke få dem: assistenten afviser teksten, før noget bliver sendt.',
    en: 'An external model may not receive them: the assistant refuses the text before anything is sent.',
  },
};

/** One sentence per pair of actions (local, external) for the classes whose rule depends on where the text goes. */
function byDestination(p: PolicyFile): Rule[] {
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
      `${capitalise(names(g.classes, lang))} ${LOCAL_PHRASE[g.local][lang].replace('{local}', localWords(p, lang))}. ${EXTERNAL_PHRASE[g.external][lang]}`;
    return { code: 'DATA_BY_DESTINATION', da: say('da'), en: say('en') };
  });
}

/** The policy in plain language, for the policy page and the briefing: what you may, may not and must do. */
export function plainLanguage(p: PolicyFile): { may: Rule[]; mayNot: Rule[]; must: Rule[] } {
  const may: Rule[] = [];
  const mayNot: Rule[] = [];
  const must: Rule[] = [];

  may.push({
    code: 'ASSISTANTS',
    da: `Du må bruge: ${listJoin(p.assistants.map((a) => ASSISTANT_NAMES[a].da), 'da')}.`,
    en: `You may use: ${listJoin(p.assistants.map((a) => ASSISTANT_NAMES[a].en), 'en')}.`,
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
      da: `${capitalise(names(masked, 'da'))} må gerne stå i teksten: de erstattes med pladsholdere, før noget sendes til sprogmodellen, og sættes tilbage i dit udkast.`,
      en: `${capitalise(names(masked, 'en'))} may be in the text: they are replaced by placeholders before anything is sent to the model, and restored in your draft.`,
    });
  }
  may.push(...byDestination(p));
  const blocked = classes(p, 'block');
  if (blocked.length) {
    const special = blocked.filter((c) => SPECIAL_CATEGORIES.includes(c));
    mayNot.push({
      code: 'BLOCKED_DATA',
      da: `Du må ikke bruge tekster med ${names(blocked, 'da')}. Assistenten afviser dem, før noget bliver sendt.`,
      en: `You may not use texts containing ${names(blocked, 'en')}. The assistant refuses them before anything is sent.`,
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
    da: `Du må højst indsætte ${p.limits.maxInputChars.toLocaleString('da-DK')} tegn ad gangen og lave ${p.limits.runsPerPersonPerDay} kørsler om dagen.`,
    en: `You may paste at most ${p.limits.maxInputChars.toLocaleString('en-GB')} characters at a time and make ${p.limits.runsPerPersonPerDay} runs a day.`,
  });

  if (p.humanReview.required) {
    must.push({
      code: 'HUMAN_REVIEW',
      da: 'Du skal læse, rette og godkende hvert udkast, før det bruges. AI er en assistent, ikke en autoritet.',
      en: 'You must read, correct and approve every draft before it is used. AI is an assistant, not an authority.',
    });
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
    da: `Tekst, der bruges videre, skal mærkes: "${p.disclosureLabel.da}".`,
    en: `Text used onwards must be labelled: "${p.disclosureLabel.en}".`,
  });
  must.push({
    code: 'RETENTION',
    da:
      p.retentionDays === 0
        ? 'Indhold gemmes ikke efter kørslen: kopiér det godkendte udkast, før du går videre.'
        : `Indholdet (din tekst og udkastet) slettes automatisk efter ${p.retentionDays} dage. Vurderingerne i erfaringsloggen bevares.`,
    en:
      p.retentionDays === 0
        ? 'Content is not kept after the run: copy the approved draft before you move on.'
        : `The content (your text and the draft) is deleted automatically after ${p.retentionDays} days. Experience ratings are kept.`,
  });
  return { may, mayNot, must };
}
