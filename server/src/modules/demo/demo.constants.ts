/** The demo organisation's sign-ins. Shown in the README and on the console; never created in production. */
export { DEMO_PASSWORD } from '../auth/auth.service.js';

export const DEMO_USERS = {
  EMPLOYEE: { email: 'medarbejder@demo.rodovre.dk', name: 'Mette Medarbejder', unitCode: 'BORGERSERVICE' },
  LEADER: { email: 'leder@demo.rodovre.dk', name: 'Lars Leder', unitCode: 'BORGERSERVICE' },
  DIGITAL_UNIT: { email: 'digital@demo.rodovre.dk', name: 'Dorte Digital', unitCode: 'DIGITAL' },
} as const;

/**
 * Colleagues of the demo organisation who took part in its earlier trials (demo.history.ts). They exist so the
 * board has people behind its figures, and they cannot sign in: each has a password nobody knows, as an account
 * made through the identity provider has (the digital unit can reset one to try it).
 */
export const DEMO_COLLEAGUES = [
  { key: 'anne', name: 'Anne Sofie Lund', email: 'anne.sofie.lund@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'mikkel', name: 'Mikkel Dahl', email: 'mikkel.dahl@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'camilla', name: 'Camilla Friis', email: 'camilla.friis@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'jesper', name: 'Jesper Nørgaard', email: 'jesper.noergaard@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'louise', name: 'Louise Bech', email: 'louise.bech@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'rasmus', name: 'Rasmus Holm', email: 'rasmus.holm@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'nadia', name: 'Nadia Ahmed', email: 'nadia.ahmed@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'henrik', name: 'Henrik Skou', email: 'henrik.skou@demo.rodovre.dk', unitCode: 'BORGERSERVICE', role: 'EMPLOYEE' },
  { key: 'maria', name: 'Maria Kjeldsen', email: 'maria.kjeldsen@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'peter', name: 'Peter Vinther', email: 'peter.vinther@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'sara', name: 'Sara Mortensen', email: 'sara.mortensen@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'thomas', name: 'Thomas Kristoffersen', email: 'thomas.kristoffersen@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'line', name: 'Line Bruun', email: 'line.bruun@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'kasper', name: 'Kasper Eriksen', email: 'kasper.eriksen@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'fatima', name: 'Fatima Yilmaz', email: 'fatima.yilmaz@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'EMPLOYEE' },
  { key: 'susanne', name: 'Susanne Juhl', email: 'susanne.juhl@demo.rodovre.dk', unitCode: 'SOCIAL', role: 'LEADER' },
] as const;

export type ColleagueKey = (typeof DEMO_COLLEAGUES)[number]['key'];

/** A trial of the demo organisation: its charter as a leader would write it. */
export interface DemoTrial {
  title: string;
  unitCode: 'BORGERSERVICE';
  assistant: 'letter' | 'minutes' | 'documents';
  policyId: string;
  status: 'ACTIVE' | 'DRAFT';
  purpose: string;
  hypothesis: string;
  successCriteria: string;
  briefing: string;
  questions: { id: string; text: string }[];
  /** Shown in the public AI register (an active trial the organisation has chosen to publish). */
  published?: boolean;
  /** Relative to the moment of seeding, so the demo always has trials that run today. */
  startsInDays: number;
  endsInDays: number;
}

/** Said in every briefing: the assistants write drafts, people decide. */
const DRAFT_RULE =
  'Alt, hvad assistenten skriver, er et udkast. Du skal selv læse det igennem, rette det og godkende det, før det bruges. ' +
  'Du har ansvaret for den tekst, der sendes eller gemmes – ikke assistenten.';

/**
 * One ACTIVE trial per assistant, so that a new person can sign in and try everything at once, and one DRAFT
 * trial for the leader to complete and activate. All in the demo employee's and leader's own unit.
 */
export const DEMO_TRIALS: readonly DemoTrial[] = [
  {
    title: 'Klarsprog i breve til borgere',
    unitCode: 'BORGERSERVICE',
    assistant: 'letter',
    policyId: 'borgerbreve-maskering',
    status: 'ACTIVE',
    purpose: 'Afprøve om en AI-assistent kan gøre vores afgørelsesbreve og partshøringer lettere at forstå for borgerne.',
    hypothesis: 'Breve omskrevet med AI og rettet af en sagsbehandler får lavere LIX uden at miste juridisk indhold.',
    successCriteria: 'LIX falder med mindst 10 point, mindst 70 % af udkastene godkendes med små rettelser, og ingen breve mister klagevejledning eller frister.',
    briefing: [
      'Hvad assistenten er: Brev-assistenten omskriver et brev til en borger til klart og enkelt dansk. Den viser LIX før og efter og en tjekliste over det, et afgørelsesbrev skal indeholde (begrundelse, hjemmel, klagevejledning, frister).',
      'Hvad den ikke er: Den er ikke en juridisk rådgiver og træffer ingen afgørelser. Den kender ikke sagen og kan ikke slå noget op i fagsystemerne.',
      'Dine data: CPR-numre, navne og adresser erstattes af pladsholdere som [NAVN_1], før teksten sendes til modellen, og sættes ind igen i udkastet. Helbredsoplysninger og andre følsomme oplysninger må gerne indgå: til en ekstern sprogmodel erstattes de også af pladsholdere (fx [HELBRED_1]); den offline regelmotor og kommunens egen sprogmodel læser dem, som de står. Står der CPR-nummer, kontonummer eller følsomme oplysninger i brevet, skal en kollega også godkende udkastet.',
      'Kendte fejl: Assistenten kan udelade eller ændre en frist, et beløb eller en paragraf, gøre en nuanceret begrundelse for unuanceret, eller fjerne formuleringer, der er juridisk nødvendige. Tjek altid datoer, beløb, hjemmel og klagevejledning mod det oprindelige brev.',
      DRAFT_RULE,
    ].join('\n\n'),
    questions: [
      { id: 'juridisk-indhold', text: 'Manglede der juridisk indhold (hjemmel, frister, klagevejledning) i udkastet, som du måtte sætte ind igen?' },
      { id: 'borgerens-forstaaelse', text: 'Tror du, at borgeren vil forstå det rettede brev bedre end det oprindelige?' },
    ],
    startsInDays: -21,
    endsInDays: 90,
  },
  {
    title: 'Referater af teammøder i Borgerservice',
    unitCode: 'BORGERSERVICE',
    assistant: 'minutes',
    policyId: 'interne-referater',
    status: 'ACTIVE',
    purpose: 'Afprøve om udskrifter fra Teams-møder og stikordsnoter kan blive til referater med beslutninger og opgaver, så referenten sparer tid.',
    hypothesis: 'Referenten bruger mindst 15 minutter mindre pr. møde, og deltagerne finder beslutninger og opgaver lige så præcist som i et manuelt referat.',
    successCriteria: 'Mindst 15 minutters besparelse pr. referat i gennemsnit, og højst 1 ud af 10 referater mangler en beslutning eller en opgave.',
    briefing: [
      'Hvad assistenten er: Referat-assistenten laver et udkast til referat af et internt møde ud fra en Teams-udskrift (.vtt eller .docx) eller dine egne noter, med beslutninger og opgaver (ansvarlig og frist).',
      'Hvad den ikke er: Den var ikke til mødet. Den ved kun det, der står i udskriften, og kan ikke vide, hvad der blev sagt uden for mikrofonen, eller hvad der var en beslutning, og hvad der kun var en idé.',
      'Dine data: Kun interne møder. Kollegers navne og arbejdskontakt må indgå; CPR-numre og kontonumre må ikke. Nævner nogen følsomme oplysninger (fx en kollegas sygemelding), erstattes de af pladsholdere, før teksten sendes, og sættes ind igen i referatet. Drøftes en borgers sag, så hold det ude af udskriften.',
      'Kendte fejl: Assistenten kan gøre en drøftelse til en beslutning, give en opgave til den forkerte person, opfinde eller forkorte en frist, og blande talere sammen, hvis udskriften er dårlig. Tjek især beslutninger, ansvarlige og frister.',
      DRAFT_RULE,
    ].join('\n\n'),
    questions: [
      { id: 'beslutninger-korrekte', text: 'Var alle beslutninger og opgaver i udkastet rigtige, og manglede der nogen?' },
      { id: 'deltagernes-reaktion', text: 'Har mødedeltagerne bemærket en forskel på referatet?' },
    ],
    startsInDays: -14,
    endsInDays: 120,
  },
  {
    title: 'Svar på personalespørgsmål fra interne retningslinjer',
    unitCode: 'BORGERSERVICE',
    assistant: 'documents',
    policyId: 'offentlig-information',
    status: 'ACTIVE',
    published: true,
    purpose: 'Afprøve om medarbejdere hurtigere finder svar på praktiske spørgsmål (hjemmearbejde, journalisering, kørsel, sygdom) i forvaltningens egne retningslinjer.',
    hypothesis: 'Medarbejdere finder det rigtige svar med kildehenvisning på under et minut, hvor de i dag bruger flere minutter på intranettet eller spørger en kollega.',
    successCriteria: 'Mindst 80 % af svarene har en korrekt kildehenvisning, og deltagerne vurderer nytten til mindst 4 ud af 5.',
    briefing: [
      'Hvad assistenten er: Dokument-assistenten søger i prøvehandlingens vidensbase – fire interne retningslinjer – og svarer med citater og henvisninger til de afsnit, svaret bygger på. Prøv for eksempel: »Hvornår skal jeg aflevere mit kørselsregnskab?« eller »Hvor mange dage om ugen må jeg arbejde hjemme?«',
      'Hvad den ikke er: Den kender kun dokumenterne i vidensbasen, ikke overenskomster, lovgivning eller din egen ansættelse. Finder den ikke svaret, siger den det; den gætter ikke.',
      'Dine data: Stil generelle spørgsmål. Skriv ikke navne, CPR-numre eller andre oplysninger om borgere eller kolleger i spørgsmålet; politikken tillader kun offentlig information, og spørgsmålet bliver afvist, hvis det indeholder personoplysninger.',
      'Kendte fejl: Assistenten kan citere et afsnit, der ligner, men ikke svarer på dit spørgsmål, overse en undtagelse længere nede i dokumentet, eller vise en retningslinje, der er blevet forældet. Åbn altid kilden, og læs afsnittet, før du handler på svaret.',
      DRAFT_RULE,
    ].join('\n\n'),
    questions: [
      { id: 'kilde-korrekt', text: 'Svarede det citerede afsnit faktisk på dit spørgsmål?' },
      { id: 'ellers-spurgt', text: 'Hvem eller hvad ville du ellers have spurgt?' },
    ],
    startsInDays: -14,
    endsInDays: 120,
  },
  {
    title: 'Referater af styregruppemøder',
    unitCode: 'BORGERSERVICE',
    assistant: 'minutes',
    policyId: 'interne-referater',
    status: 'DRAFT',
    purpose: 'Afprøve om referat-assistenten også kan bruges til styregruppens længere møder med mange beslutningspunkter.',
    hypothesis: '',
    successCriteria: '',
    briefing: '',
    questions: [],
    startsInDays: 7,
    endsInDays: 97,
  },
];

/** The knowledge base of the demo's documents trial (files in ./documents, written for the demo). */
export const DEMO_DOCUMENTS = [
  'retningslinjer-for-hjemmearbejde.md',
  'saadan-journaliserer-du.md',
  'regler-for-koerselsgodtgoerelse.md',
  'sygemelding-og-fravaer.md',
] as const;
