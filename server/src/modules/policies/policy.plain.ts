import { SPECIAL_CATEGORIES, type DataAction, type DataClass, type PolicyFile } from '../../contracts/policies.js';
import { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES, capitalise, listJoin } from './policy.words.js';

type Rule = { code: string; da: string; en: string };

function classes(p: PolicyFile, action: DataAction): DataClass[] {
  return (Object.entries(p.dataClasses) as [DataClass, DataAction][]).filter(([, a]) => a === action).map(([c]) => c);
}

const names = (cs: DataClass[], lang: 'da' | 'en') => listJoin(cs.map((c) => CLASS_WORDS[c][lang][1]), lang);

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
      da: `Når teksten indeholder ${names(second.whenPresent, 'da')}, skal en kollega også godkende udkastet (fire øjne).`,
      en: `When the text contains ${names(second.whenPresent, 'en')}, a colleague must also approve the draft (four eyes).`,
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
