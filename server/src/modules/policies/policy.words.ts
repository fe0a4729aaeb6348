import type { AssistantId, DataClass, ProviderKind } from '../../contracts/policies.js';

/** How each data class reads in a sentence, in Danish and English: one (indefinite) and many. */
export const CLASS_WORDS: Record<DataClass, { da: [string, string]; en: [string, string] }> = {
  CPR: { da: ['et CPR-nummer', 'CPR-numre'], en: ['a CPR number', 'CPR numbers'] },
  CVR: { da: ['et CVR-nummer', 'CVR-numre'], en: ['a CVR number', 'CVR numbers'] },
  PHONE: { da: ['et telefonnummer', 'telefonnumre'], en: ['a phone number', 'phone numbers'] },
  EMAIL: { da: ['en e-mailadresse', 'e-mailadresser'], en: ['an e-mail address', 'e-mail addresses'] },
  ADDRESS: { da: ['en adresse', 'adresser'], en: ['a street address', 'street addresses'] },
  POSTCODE_CITY: { da: ['et postnummer og en by', 'postnumre og byer'], en: ['a postcode and town', 'postcodes and towns'] },
  BANK_ACCOUNT: { da: ['et kontonummer', 'kontonumre'], en: ['a bank account number', 'bank account numbers'] },
  PERSON: { da: ['et personnavn', 'personnavne'], en: ['a person’s name', 'people’s names'] },
  HEALTH: { da: ['helbredsoplysninger', 'helbredsoplysninger'], en: ['health information', 'health information'] },
  ETHNICITY: { da: ['oplysninger om etnisk oprindelse', 'oplysninger om etnisk oprindelse'], en: ['information on ethnic origin', 'information on ethnic origin'] },
  RELIGION: { da: ['oplysninger om religion', 'oplysninger om religion'], en: ['information on religion', 'information on religion'] },
  UNION: { da: ['oplysninger om fagforeningsmedlemskab', 'oplysninger om fagforeningsmedlemskab'], en: ['information on trade union membership', 'information on trade union membership'] },
  SEXUAL_ORIENTATION: { da: ['oplysninger om seksuel orientering', 'oplysninger om seksuel orientering'], en: ['information on sexual orientation', 'information on sexual orientation'] },
  CRIMINAL: { da: ['oplysninger om strafbare forhold', 'oplysninger om strafbare forhold'], en: ['information on criminal offences', 'information on criminal offences'] },
};

export const ASSISTANT_NAMES: Record<AssistantId, { da: string; en: string }> = {
  letter: { da: 'Brevassistenten (klarsprog)', en: 'The letter assistant (plain language)' },
  minutes: { da: 'Referatassistenten', en: 'The minutes assistant' },
  documents: { da: 'Dokumentassistenten (spørg dine dokumenter)', en: 'The document assistant (ask your documents)' },
};

export const PROVIDER_NAMES: Record<ProviderKind, { da: string; en: string }> = {
  offline: { da: 'Offline regelmotor – ikke en sprogmodel', en: 'Offline rule engine – not a language model' },
  openai: { da: 'OpenAI', en: 'OpenAI' },
  'azure-openai': { da: 'Azure OpenAI', en: 'Azure OpenAI' },
  'openai-compatible': { da: 'Lokal eller egen sprogmodel (OpenAI-kompatibel)', en: 'Local or own language model (OpenAI-compatible)' },
};

/** "a, b og c" / "a, b and c" */
export function listJoin(items: string[], lang: 'da' | 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${items[items.length - 1]}`;
}

/** "a, b eller c" / "a, b or c": for rules where any one of them is enough. */
export function orJoin(items: string[], lang: 'da' | 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'da' ? 'eller' : 'or'} ${items[items.length - 1]}`;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
