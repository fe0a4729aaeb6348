import { createHash } from 'node:crypto';
import { COMPLIANCE_TITLES, type ComplianceKind, type ComplianceSection } from '../../contracts/compliance.js';
import { DataClass, SPECIAL_CATEGORIES, type ApprovalFunction, type AssistantId, type DataAction, type ProviderKind } from '../../contracts/policies.js';
import { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES, listJoin } from '../policies/policy-rules.service.js';

/** Every fact a draft may rest on, flat, so that a change can be named field by field. */
export interface DraftFacts {
  organisation: string;
  title: string;
  purpose: string;
  hypothesis: string;
  unit: string;
  /** YYYY-MM-DD */
  period: { startsAt: string; endsAt: string };
  assistants: AssistantId[];
  possiblyHighRisk: boolean;
  /** The policy as the trial runs under it; null when its file is gone from the server. */
  policy: { id: string; version: string; title: string; approvals: { function: ApprovalFunction; by: string; date: string }[]; missingApprovals: ApprovalFunction[] } | null;
  dataClasses: Record<DataClass, { local: DataAction; external: DataAction }> | null;
  humanOversight: string[];
  retentionDays: number | null;
  limits: { maxInputChars: number; runsPerPersonPerDay: number } | null;
  disclosureLabel: string | null;
  /** The provider a run of this trial goes to: the configured one when the policy allows it, else the offline engine. */
  recipient: { kind: ProviderKind; model: string; destination: 'local' | 'external' };
  briefingRevision: number;
  participants: { name: string; briefedAt: string | null; current: boolean }[];
}
type FactKey = keyof DraftFacts;

/** The name of each fact, as "what changed" says it. */
export const FACT_LABELS: Record<FactKey, string> = {
  organisation: 'Organisation',
  title: 'Titel',
  purpose: 'Formål',
  hypothesis: 'Hypotese',
  unit: 'Afdeling',
  period: 'Periode',
  assistants: 'Assistenter',
  possiblyHighRisk: 'Markeret som mulig højrisiko',
  policy: 'Datapolitik og dens godkendelser',
  dataClasses: 'Regler for personoplysninger',
  humanOversight: 'Menneskelig kontrol',
  retentionDays: 'Opbevaring',
  limits: 'Grænser for brug',
  disclosureLabel: 'Mærkning',
  recipient: 'Modtager (sprogmodel)',
  briefingRevision: 'Introduktionens version',
  participants: 'Deltagere og deres bekræftelser',
};

const GDPR_FACTS: FactKey[] = ['organisation', 'title', 'purpose', 'unit', 'period', 'assistants', 'policy', 'dataClasses', 'humanOversight', 'retentionDays', 'limits', 'recipient'];
/** The facts each draft rests on: a change to any of them makes a sign-off outdated. */
export const FACTS_OF: Record<ComplianceKind, FactKey[]> = {
  ropa: GDPR_FACTS,
  dpia: [...GDPR_FACTS, 'hypothesis'],
  fria: [...GDPR_FACTS, 'hypothesis', 'possiblyHighRisk'],
  disclosure: ['organisation', 'title', 'assistants', 'policy', 'humanOversight', 'disclosureLabel', 'recipient'],
  literacy: ['organisation', 'title', 'briefingRevision', 'participants'],
};

export function factsFor(kind: ComplianceKind, facts: DraftFacts): Partial<DraftFacts> {
  return Object.fromEntries(FACTS_OF[kind].map((k) => [k, facts[k]]));
}

export const hashOf = (facts: Partial<DraftFacts>): string => createHash('sha256').update(JSON.stringify(facts)).digest('hex');

/** The facts that differ between a signed-off version and now, by their Danish names. */
export function changesBetween(before: Partial<DraftFacts>, now: Partial<DraftFacts>): string[] {
  const keys = Object.keys(now) as FactKey[];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k])).map((k) => FACT_LABELS[k]);
}

/** The kinds drafted for a trial: the fundamental-rights assessment only when the leader marks it possibly high-risk. */
export const kindsOf = (facts: DraftFacts): ComplianceKind[] =>
  (['ropa', 'dpia', 'fria', 'disclosure', 'literacy'] as const).filter((k) => k !== 'fria' || facts.possiblyHighRisk);

const system = (heading: string, paragraphs: string[], items: string[] = []): ComplianceSection => ({ heading, source: 'system', paragraphs, items });
const person = (heading: string, what: string): ComplianceSection => ({ heading, source: 'person', paragraphs: [what], items: [] });

const DA_DATE = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
const day = (ymd: string) => DA_DATE.format(new Date(`${ymd}T12:00:00Z`));
const assistantsText = (f: DraftFacts) => listJoin(f.assistants.map((a) => ASSISTANT_NAMES[a].da), 'da');

/** The people whose data the assistants handle, as far as the assistant says it; the rest is for a person to add. */
const SUBJECTS: Record<AssistantId, string> = {
  letter: 'borgere, der modtager breve fra kommunen, og personer, der nævnes i brevene',
  minutes: 'deltagere i møder og personer, der omtales på møderne',
  documents: 'medarbejdere, der stiller spørgsmål, og personer, der nævnes i de interne dokumenter',
};

function recipientText(f: DraftFacts): string {
  const name = `${PROVIDER_NAMES[f.recipient.kind].da} (${f.recipient.model})`;
  return f.recipient.destination === 'local'
    ? `${name}. Teksten forlader ikke kommunens egne servere.`
    : `${name}. Teksten sendes til en ekstern leverandør, efter at datapolitikken har maskeret eller afvist det, den kræver.`;
}

/** "maskeres: CPR-numre, navne; afvises: helbredsoplysninger" per destination. */
function classLines(f: DraftFacts, destination: 'local' | 'external'): string[] {
  if (!f.dataClasses) return ['Datapolitikken findes ikke på serveren.'];
  const dc = f.dataClasses;
  const by = (a: DataAction) => DataClass.options.filter((c) => dc[c][destination] === a).map((c) => CLASS_WORDS[c].da[1]);
  const words: Record<DataAction, string> = {
    allow: 'Må indgå som de står',
    warn: 'Må indgå; medarbejderen gøres opmærksom på dem',
    mask: 'Erstattes med pladsholdere, før teksten sendes, og sættes tilbage i udkastet',
    block: 'Afvises: forespørgslen sendes ikke',
  };
  return (['allow', 'warn', 'mask', 'block'] as const).flatMap((a) => (by(a).length ? [`${words[a]}: ${listJoin(by(a), 'da')}.`] : []));
}

function measures(f: DraftFacts): string[] {
  const out = [
    'Hver tekst scannes for personoplysninger, før den forlader serveren, og datapolitikkens regler for hver kategori håndhæves (maskering, pseudonymisering eller afvisning).',
    ...f.humanOversight,
  ];
  if (f.limits) out.push(`Højst ${f.limits.maxInputChars.toLocaleString('da-DK')} tegn pr. forespørgsel og ${f.limits.runsPerPersonPerDay} kørsler pr. person pr. dag.`);
  out.push('Deltagerne skal have læst og bekræftet introduktionen til prøvehandlingen, før de kan bruge assistenten.');
  out.push('Revisionsloggen er kædet med hashværdier, så en ændret eller slettet hændelse kan opdages; den indeholder aldrig tekstindhold.');
  return out;
}

function retentionText(f: DraftFacts): string {
  return f.retentionDays === null
    ? 'Datapolitikken findes ikke på serveren.'
    : `Indtastet tekst, udkast og endelig tekst slettes ${f.retentionDays} dage efter kørslen (også i databasefilen); revisionsloggen gemmes uden indhold.`;
}

function policyText(f: DraftFacts): string {
  if (!f.policy) return 'Datapolitikken findes ikke på serveren.';
  const approved = f.policy.approvals.map((a) => `${a.by} (${a.date})`);
  const missing = f.policy.missingApprovals.length ? ` Mangler godkendelse fra: ${f.policy.missingApprovals.join(', ')}.` : '';
  return `»${f.policy.title}«, version ${f.policy.version}${approved.length ? `, godkendt af ${listJoin(approved, 'da')}` : ''}.${missing}`;
}

function ropa(f: DraftFacts): ComplianceSection[] {
  return [
    system('Behandlingens formål', [f.purpose, `Prøvehandlingen »${f.title}« i ${f.unit} bruger ${assistantsText(f)} fra ${day(f.period.startsAt)} til ${day(f.period.endsAt)}.`]),
    person('Dataansvarlig, kontaktperson og databeskyttelsesrådgiver', `Skriv navn og kontaktoplysninger på ${f.organisation} som dataansvarlig, den ansvarlige leder og databeskyttelsesrådgiveren.`),
    person('Behandlingsgrundlag', 'Skriv hjemlen i GDPR art. 6 (og art. 9 eller databeskyttelseslovens § 8, hvis følsomme oplysninger eller oplysninger om strafbare forhold kan indgå).'),
    system('Kategorier af registrerede', ['Ud fra assistenterne:'], f.assistants.map((a) => SUBJECTS[a])),
    system('Kategorier af personoplysninger', [`Datapolitikken: ${policyText(f)}`, 'Når teksten sendes til modtageren nedenfor, gælder:'], classLines(f, f.recipient.destination)),
    system('Modtagere', [recipientText(f)]),
    person('Databehandleraftale', 'Skriv, hvilken databehandleraftale der gælder for leverandøren, og hvor den ligger.'),
    system('Overførsel til tredjelande', [
      f.recipient.destination === 'local'
        ? 'Ingen: teksten forlader ikke kommunens egne servere.'
        : 'Teksten sendes til en ekstern leverandør. Hvor leverandøren behandler data, og på hvilket overførselsgrundlag, skal skrives af en person nedenfor.',
    ]),
    ...(f.recipient.destination === 'external' ? [person('Behandlingssted og overførselsgrundlag', 'Skriv leverandørens datacenterregion og, hvis data kan forlade EU/EØS, overførselsgrundlaget (fx EU-U.S. Data Privacy Framework eller standardkontraktbestemmelser).')] : []),
    system('Opbevaring og sletning', [retentionText(f)]),
    system('Tekniske og organisatoriske sikkerhedsforanstaltninger', ['Arbejdsbænken håndhæver:'], measures(f)),
  ];
}

function specialRisks(f: DraftFacts): string[] {
  if (!f.dataClasses) return [];
  return SPECIAL_CATEGORIES.map((c) => {
    const rule = f.dataClasses![c][f.recipient.destination];
    const what = CLASS_WORDS[c].da[1];
    if (rule === 'block') return `Hvis ${what} indgår, afvises forespørgslen; de når ikke modtageren.`;
    if (rule === 'mask') return `${capital(what)} kan indgå og erstattes med pladsholdere, før teksten sendes; sammenhængen kan stadig afsløre noget om personen.`;
    return `${capital(what)} kan indgå og læses af modtageren, som de står.`;
  });
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function dpia(f: DraftFacts): ComplianceSection[] {
  return [
    system('Systematisk beskrivelse af behandlingen', [f.purpose, `${capital(assistantsText(f))} bruges fra ${day(f.period.startsAt)} til ${day(f.period.endsAt)} i ${f.unit}. Modtager: ${recipientText(f)}`, ...(f.hypothesis ? [`Hypotese: ${f.hypothesis}`] : [])]),
    person('Nødvendighed og proportionalitet', 'Skriv, hvorfor behandlingen er nødvendig for formålet, og hvorfor der ikke bruges færre oplysninger.'),
    system('Risici, der følger af datapolitikken', ['Særlige kategorier af personoplysninger (GDPR art. 9 og 10):'], specialRisks(f)),
    system('Øvrige kendte risici', [], [
      'Udkastet kan indeholde fejl eller opdigtet indhold: det er altid et udkast, som en medarbejder vurderer, før det bruges.',
      'Identifikationsoplysninger, der ikke genkendes, kan nå modtageren: scanningen er ikke fuldstændig, og medarbejderne instrueres i ikke at indsætte mere end nødvendigt.',
    ]),
    person('Vurdering af risikoen for de registreredes rettigheder', 'Vurdér sandsynlighed og konsekvens for hver risiko, og om den tilbageværende risiko er acceptabel.'),
    system('Foranstaltninger, som arbejdsbænken håndhæver', [], [...measures(f), retentionText(f)]),
    person('Databeskyttelsesrådgiverens udtalelse', 'Databeskyttelsesrådgiveren skriver sin udtalelse her.'),
  ];
}

function fria(f: DraftFacts): ComplianceSection[] {
  return [
    system('a) Processen, som systemet bruges i', [f.purpose, `${capital(assistantsText(f))} laver udkast, som en medarbejder vurderer.`]),
    system('b) Periode og hyppighed', [`Fra ${day(f.period.startsAt)} til ${day(f.period.endsAt)}.${f.limits ? ` Højst ${f.limits.runsPerPersonPerDay} kørsler pr. deltager pr. dag.` : ''}`]),
    system('c) Berørte personer og grupper', ['Ud fra assistenterne:'], f.assistants.map((a) => SUBJECTS[a])),
    person('c) Sårbare grupper', 'Skriv, hvilke grupper der særligt kan påvirkes (fx borgere med handicap, børn, borgere med et andet modersmål).'),
    system('d) Risici for skade', ['Fra datapolitikken:'], specialRisks(f)),
    person('d) Risici for grundlæggende rettigheder', 'Vurdér risici for ligebehandling, privatliv, god forvaltning og retten til en begrundet afgørelse.'),
    system('e) Menneskeligt tilsyn', [], f.humanOversight),
    system('f) Foranstaltninger', [], measures(f)),
    person('f) Klageadgang og intern styring', 'Skriv, hvordan borgere og medarbejdere kan klage, og hvem der træffer beslutning, hvis en risiko bliver til virkelighed.'),
  ];
}

function disclosure(f: DraftFacts): ComplianceSection[] {
  const reviewed = f.humanOversight.length > 0 && f.policy !== null;
  return [
    system('Mærkning', [f.disclosureLabel ? `Tekster, der bruges, mærkes: »${f.disclosureLabel}«. Mærkningen følger med kopi og Word-fil.` : 'Datapolitikken findes ikke på serveren.']),
    system('Menneskelig gennemgang og redaktionelt ansvar', [
      ...(reviewed
        ? [
            'Alt, hvad assistenten skriver, er et udkast, som en medarbejder godkender, retter eller afviser, før det bruges. Den, der godkender, har det redaktionelle ansvar for teksten.',
            'Efter art. 50, stk. 4, kan pligten til at oplyse om AI-genereret tekst bortfalde, når teksten har været underlagt menneskelig gennemgang og redaktionel kontrol; arbejdsbænken mærker teksten alligevel.',
          ]
        : []),
      ...f.humanOversight,
    ]),
    system('Hvor teksten laves', [recipientText(f)]),
    person('Beslutning', 'Skriv, om organisationen mærker teksterne over for modtageren, eller om den bruger undtagelsen i art. 50, stk. 4, og hvem der har det redaktionelle ansvar.'),
  ];
}

function literacy(f: DraftFacts): ComplianceSection[] {
  const at = (iso: string) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
  const briefed = f.participants.filter((p) => p.current).length;
  return [
    system('Introduktionen', [`Deltagerne læser og bekræfter introduktionen til »${f.title}« (version ${f.briefingRevision}), før de kan bruge assistenten. Ændres introduktionen, datapolitikken eller assistenterne, skal de bekræfte igen.`]),
    system(
      'Hvem har bekræftet hvad hvornår',
      [`${briefed} af ${f.participants.length} inviterede har bekræftet den gældende version.`],
      f.participants.map((p) =>
        p.briefedAt ? `${p.name}: bekræftet ${at(p.briefedAt)}${p.current ? '' : ' (en ældre version)'}` : `${p.name}: ikke bekræftet`,
      ),
    ),
    person('Øvrig oplæring', 'Skriv anden oplæring, deltagerne har fået (kurser, vejledninger), og hvornår.'),
  ];
}

export function draftOf(kind: ComplianceKind, f: DraftFacts): { title: string; sections: ComplianceSection[] } {
  const sections = { ropa, dpia, fria, disclosure, literacy }[kind](f);
  return { title: COMPLIANCE_TITLES[kind].da, sections };
}

/** The draft as Markdown, for the Word file: a marker says which sections a person must write. */
export function markdownOf(title: string, organisation: string, trialTitle: string, sections: ComplianceSection[]): string {
  const esc = (s: string) => s.replace(/([\\*_`#|[\]])/g, '\\$1');
  const parts = [`# ${esc(title)}`, `${esc(organisation)} · prøvehandlingen »${esc(trialTitle)}«`];
  parts.push('Afsnit mærket *Fra arbejdsbænken* er sande, så længe prøvehandlingen kører under denne ramme og datapolitik. Afsnit mærket *Skrives af en person* skal udfyldes.');
  for (const s of sections) {
    parts.push(`## ${esc(s.heading)}`, s.source === 'system' ? '*Fra arbejdsbænken*' : '*Skrives af en person*');
    parts.push(...s.paragraphs.map(esc));
    if (s.items.length) parts.push(s.items.map((i) => `- ${esc(i)}`).join('\n'));
  }
  return parts.join('\n\n');
}
