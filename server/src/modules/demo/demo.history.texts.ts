/**
 * The texts of the demo organisation's history: the charters of a finished and a running trial, the letters and
 * meeting transcripts its participants gave the assistants, and what they wrote afterwards. All invented: no
 * citizen, case or colleague here is real. Nothing here holds a CPR number except BLOCKED_TRANSCRIPTS, whose
 * point is that the guard refuses them: such a text is never sent and never stored.
 *
 * The drafts are made from these by the real offline engine with `npm run demo:drafts`, which writes
 * demo.history.drafts.json; change a text here and run it again.
 */
import type { MinutesTemplateId } from '../../contracts/minutes.js';
import type { DecisionOutcome } from '../../contracts/trials.js';

/** A correction a participant makes to the draft before approving it ("Ret og godkend"). */
export type DraftEdit = { append: string } | { replace: string; with: string };

export interface HistoryText {
  id: string;
  text: string;
  /** The corrections participants made to this text's draft; a run that was edited uses one of them. */
  edits: DraftEdit[];
}

export interface HistoryTranscript extends HistoryText {
  template: MinutesTemplateId;
}

/** The charter of a trial in the history, as its leader wrote it. */
export interface HistoryCharter {
  title: string;
  unitCode: 'BORGERSERVICE' | 'SOCIAL';
  assistant: 'letter' | 'minutes';
  policyId: string;
  purpose: string;
  hypothesis: string;
  successCriteria: string;
  briefing: string;
  questions: { id: string; text: string }[];
}

const DRAFT_RULE =
  'Alt, hvad assistenten skriver, er et udkast. Du skal selv læse det igennem, rette det og godkende det, før det bruges. ' +
  'Du har ansvaret for den tekst, der sendes eller gemmes – ikke assistenten.';

/** A letter trial of Borgerservice with colleagues from Social- og Sundhedsforvaltningen: run, closed and decided. */
export const FINISHED_TRIAL: HistoryCharter = {
  title: 'Klarsprog i afgørelsesbreve – første runde',
  unitCode: 'BORGERSERVICE',
  assistant: 'letter',
  policyId: 'borgerbreve-maskering',
  purpose:
    'Første afprøvning af, om en AI-assistent kan hjælpe sagsbehandlere i Borgerservice og Social- og Sundhedsforvaltningen med at skrive afgørelsesbreve og partshøringer, som borgerne forstår første gang, de læser dem.',
  hypothesis:
    'Når sagsbehandleren tager udgangspunkt i et udkast i klarsprog, bliver brevene lettere at læse (lavere LIX), og sagsbehandleren sparer tid, uden at brevene mister hjemmel, frister eller klagevejledning.',
  successCriteria:
    'Mindst 60 % af udkastene kan bruges med ingen eller små rettelser, sagsbehandlerne sparer i gennemsnit mindst 5 minutter pr. brev, og ingen breve sendes uden klagevejledning og frister.',
  briefing: [
    'Hvad assistenten er: Brev-assistenten omskriver et brev til en borger til klart og enkelt dansk. Den viser LIX før og efter og en tjekliste over det, et afgørelsesbrev skal indeholde (begrundelse, hjemmel, klagevejledning, frister).',
    'Hvad den ikke er: Den er ikke en juridisk rådgiver og træffer ingen afgørelser. Den kender ikke sagen og kan ikke slå noget op i fagsystemerne.',
    'Dine data: Navne, adresser og telefonnumre erstattes af pladsholdere som [NAVN_1], før teksten sendes til modellen, og sættes ind igen i udkastet. Skriv aldrig CPR-nummer i brevet, du indsætter – det står i fagsystemet. Handler brevet om helbred eller handicap, skal en kollega også godkende udkastet.',
    'Kendte fejl: Assistenten kan udelade eller ændre en frist, et beløb eller en paragraf og kan fjerne formuleringer, der er juridisk nødvendige. Tjek altid datoer, beløb, hjemmel og klagevejledning mod det oprindelige brev.',
    DRAFT_RULE,
  ].join('\n\n'),
  questions: [
    { id: 'juridisk-indhold', text: 'Manglede der juridisk indhold (hjemmel, frister, klagevejledning) i udkastet, som du måtte sætte ind igen?' },
    { id: 'borgerens-forstaaelse', text: 'Tror du, at borgeren vil forstå det rettede brev bedre end det oprindelige?' },
  ],
};

/** A minutes trial of Social- og Sundhedsforvaltningen, running today. */
export const RUNNING_TRIAL: HistoryCharter = {
  title: 'Referater af koordinationsmøder i Social- og Sundhedsforvaltningen',
  unitCode: 'SOCIAL',
  assistant: 'minutes',
  policyId: 'interne-referater',
  purpose:
    'Afprøve om referat-assistenten kan lave brugbare udkast til referater af forvaltningens koordinations-, personale- og MED-møder ud fra Teams-udskrifter eller stikord, så referenten kan bruge tiden på mødet i stedet for på referatet.',
  hypothesis:
    'Referenten sparer mindst 15 minutter pr. møde, og beslutninger og opgaver med ansvarlig og frist står lige så præcist som i et referat skrevet i hånden.',
  successCriteria:
    'I gennemsnit mindst 15 minutters besparelse pr. referat, og højst 1 ud af 10 godkendte referater mangler en beslutning eller en opgave.',
  briefing: [
    'Hvad assistenten er: Referat-assistenten laver et udkast til referat af et internt møde ud fra en Teams-udskrift (.vtt eller .docx) eller dine egne noter, med beslutninger og opgaver (ansvarlig og frist).',
    'Hvad den ikke er: Den var ikke til mødet. Den ved kun det, der står i udskriften, og kan ikke vide, hvad der var en beslutning, og hvad der kun var en idé.',
    'Dine data: Kun interne møder. Kollegers navne må indgå; CPR-numre og kontonumre må ikke, og en udskrift med dem bliver afvist. Drøftes en borgers sag, så hold den ude af udskriften. Nævner nogen en kollegas sygdom, erstattes det af en pladsholder, før teksten sendes.',
    'Kendte fejl: Assistenten kan gøre en drøftelse til en beslutning, give en opgave til den forkerte person og forkorte en frist. Tjek især beslutninger, ansvarlige og frister.',
    DRAFT_RULE,
  ].join('\n\n'),
  questions: [
    { id: 'beslutninger-korrekte', text: 'Var alle beslutninger og opgaver i udkastet rigtige, og manglede der nogen?' },
    { id: 'udskriftens-kvalitet', text: 'Hvor god var udskriften eller dine noter (lyd, talere, stikord)?' },
  ],
};

const SIGN_OFF = 'Med venlig hilsen';
const BS_CONTACT = 'Har du spørgsmål til brevet, er du velkommen til at ringe til Borgerservice på 36 37 38 39 mandag til fredag kl. 9-15.';
const SOC_CONTACT = 'Har du spørgsmål, kan du ringe til Visitationen på 36 37 41 00 på hverdage kl. 9-12.';
const before = (line: string): DraftEdit => ({ replace: SIGN_OFF, with: `${line}\n\n${SIGN_OFF}` });

/** Letters as the case workers had them: the letter assistant's input. */
export const LETTER_TEXTS: HistoryText[] = [
  {
    id: 'friplads-partshoering',
    text: `Partshøring vedrørende Deres økonomiske friplads

Kære Birthe Holmgaard

Rødovre Kommune har i forbindelse med den årlige kontrol af økonomisk friplads konstateret, at husstandens samlede indkomst for 2025 ifølge oplysningerne i indkomstregisteret udgør 512.400 kr., hvilket er væsentligt højere end den indkomst på 468.000 kr., der har dannet grundlag for beregningen af Deres friplads.

Kommunen påtænker på denne baggrund at nedsætte Deres tilskud fra 60 % til 35 % af forældrebetalingen med virkning fra 1. januar 2026, jf. dagtilbudslovens § 43.

Inden der træffes endelig afgørelse i sagen, skal De hermed have lejlighed til at fremkomme med eventuelle bemærkninger, jf. forvaltningslovens § 19. Bemærkningerne bedes være kommunen i hænde senest 14 dage fra dateringen af nærværende brev.

Såfremt kommunen ikke modtager bemærkninger inden for fristen, vil der blive truffet afgørelse på det foreliggende grundlag.

${SIGN_OFF}

Borgerservice
Rødovre Kommune
Tlf. 36 37 38 39`,
    edits: [
      before('Du kan sende dine bemærkninger som svar på dette brev i Digital Post.'),
      { append: '\n\nSvarer du ikke inden fristen, træffer vi afgørelsen ud fra de oplysninger, vi har nu.' },
    ],
  },
  {
    id: 'friplads-tilbagebetaling',
    text: `Afgørelse om tilbagebetaling af økonomisk friplads

Kommunen har nu foretaget den endelige opgørelse af Deres økonomiske friplads for perioden 1. januar 2025 til 31. december 2025. Opgørelsen er foretaget på grundlag af den af Skattestyrelsen opgjorte indkomst for indkomståret 2025.

Det fremgår af opgørelsen, at der i perioden er udbetalt et tilskud på i alt 4.380 kr. mere, end De har været berettiget til. Kommunen har derfor truffet afgørelse om, at beløbet skal tilbagebetales, jf. dagtilbudslovens § 44.

Beløbet vil blive opkrævet over Deres forældrebetaling med 365 kr. pr. måned i 12 måneder fra og med marts 2026. Ønsker De at indfri beløbet på én gang, bedes De rette henvendelse til Borgerservice.

Klagevejledning
De kan klage over afgørelsen til Ankestyrelsen. Klagen skal sendes til Rødovre Kommune, som vil genvurdere sagen, inden den eventuelt sendes videre. Klagen skal være modtaget senest 4 uger efter, at De har modtaget dette brev.

${SIGN_OFF}

Borgerservice`,
    edits: [
      before(BS_CONTACT),
      { replace: 'Klagevejledning', with: 'Sådan klager du' },
    ],
  },
  {
    id: 'begravelseshjaelp-afslag',
    text: `Afgørelse vedrørende ansøgning om begravelseshjælp

Kære Jonas Mikkelsen

Kommunen har modtaget Deres ansøgning om begravelseshjælp i anledning af Deres mors dødsfald. Kommunen har ved behandlingen af ansøgningen lagt vægt på de oplysninger om boets formue, som fremgår af den indsendte åbningsstatus.

Det fremgår heraf, at boets formue på dødsdagen udgjorde 71.200 kr. Da formuen overstiger den fastsatte grænse, er der ikke hjemmel til at yde begravelseshjælp, jf. sundhedslovens § 160, stk. 3, og kommunen må derfor meddele Dem afslag på ansøgningen.

Klagevejledning
Såfremt De ikke er enig i afgørelsen, kan De klage til Ankestyrelsen. Klagen sendes til kommunen inden 4 uger efter modtagelsen af dette brev.

Vi skal i øvrigt gøre opmærksom på, at der er mulighed for at søge om hjælp til udgifter til begravelse hos Deres pensionskasse, såfremt afdøde havde en pensionsordning.

${SIGN_OFF}

Borgerservice`,
    edits: [
      { append: '\n\nVi er kede af at skulle give dig et afslag i en svær tid. Ring gerne, hvis du vil have afgørelsen forklaret.' },
      before(BS_CONTACT),
    ],
  },
  {
    id: 'ejendomsskat-laan',
    text: `Bevilling af lån til betaling af ejendomsskat

Kommunen har modtaget Deres ansøgning om lån til betaling af ejendomsskat for Deres ejendom beliggende Kirkebakken 14, 2610 Rødovre.

Kommunen kan meddele, at De opfylder betingelserne for at få indefrosset ejendomsskatten, og at De bevilges lån til betaling af ejendomsskatten for 2026, jf. lov om lån til betaling af ejendomsskatter § 1. Lånet forrentes med den til enhver tid gældende rente og tinglyses som pant i ejendommen.

Lånet forfalder til betaling i forbindelse med ejerskifte. Det påhviler Dem selv at påse, at betingelserne fortsat er opfyldt, og at underrette kommunen om ændringer.

Kommunen vil udsende pantebrevet til underskrift inden for 3 uger. Pantebrevet bedes returneret i underskrevet stand senest 14 dage efter modtagelsen.

${SIGN_OFF}

Borgerservice
Ejendomsskat`,
    edits: [
      before(BS_CONTACT),
      { append: '\n\nHusk at give os besked, hvis du sælger huset eller flytter.' },
    ],
  },
  {
    id: 'friplads-rykker',
    text: `Rykker vedrørende manglende dokumentation

Kommunen har endnu ikke modtaget den dokumentation for Deres indkomst, som De blev anmodet om at indsende i kommunens brev af 3. november 2025. Dokumentationen er nødvendig, idet kommunen skal anvende den ved beregningen af Deres økonomiske friplads for 2026.

De bedes indsende lønsedler for august, september og oktober 2025 samt dokumentation for eventuelle andre indtægter via Digital Post inden 14 dage fra dateringen af dette brev.

Såfremt dokumentationen ikke modtages inden for den angivne frist, vil kommunen være nødsaget til at bortfalde Deres økonomiske friplads med virkning fra 1. januar 2026.

${SIGN_OFF}

Borgerservice
Tlf. 36 37 38 39`,
    edits: [
      { append: '\n\nHar du allerede sendt lønsedlerne, kan du se bort fra dette brev.' },
      before('Du kan også aflevere papirerne i Borgerservice på rådhuset.'),
    ],
  },
  {
    id: 'digital-post-afslag',
    text: `Afgørelse vedrørende ansøgning om fritagelse for Digital Post

Kommunen har behandlet Deres ansøgning om fritagelse for Digital Post, som blev modtaget den 12. september 2025.

I ansøgningen har De anført, at De ikke ønsker at modtage post digitalt, idet De foretrækker breve på papir. Kommunen skal hertil bemærke, at fritagelse alene kan meddeles, såfremt en af de i bekendtgørelsens § 5 anførte betingelser er opfyldt, herunder eksempelvis manglende adgang til en computer eller vanskeligheder med at bruge digitale løsninger.

Det er kommunens vurdering, at De ikke opfylder nogen af betingelserne, idet De ifølge de foreliggende oplysninger dagligt anvender MitID og netbank. Kommunen meddeler Dem derfor afslag på fritagelse.

Klagevejledning
Afgørelsen kan ikke påklages til anden administrativ myndighed, jf. bekendtgørelsens § 9.

${SIGN_OFF}

Borgerservice`,
    edits: [
      before('Vil du have hjælp til at komme i gang med Digital Post, kan du få det i Borgerservice uden at bestille tid.'),
      { replace: 'Klagevejledning', with: 'Kan du klage?' },
    ],
  },
  {
    id: 'ukendt-adresse-partshoering',
    text: `Partshøring – registrering af ukendt adresse i CPR

Kære Morten Søgaard

Kommunen har modtaget oplysninger om, at De ikke længere har bopæl på adressen Tårnvej 210, 2610 Rødovre, hvor De er registreret i Det Centrale Personregister. Oplysningerne stammer fra ejendommens udlejer, som har oplyst, at lejemålet er fraflyttet den 1. oktober 2025.

Kommunen påtænker på denne baggrund at registrere Dem med ukendt adresse i CPR, jf. CPR-lovens § 12 og § 16. Det kan have betydning for Deres sygesikring, udbetaling af offentlige ydelser og modtagelse af post fra det offentlige.

Inden kommunen træffer afgørelse, har De mulighed for at komme med bemærkninger. Bemærkninger skal være kommunen i hænde senest den 15. december 2025. De bedes i givet fald oplyse, hvor De har fast bopæl.

${SIGN_OFF}

Borgerservice
Folkeregisteret`,
    edits: [
      before('Du kan melde din nye adresse på borger.dk, så er sagen løst.'),
      { append: '\n\nRing til Folkeregisteret på 36 37 38 39, hvis du har spørgsmål.' },
    ],
  },
  {
    id: 'handicapparkering-afslag',
    text: `Afgørelse om parkeringskort til personer med handicap

Kære Grethe Abildgaard

Kommunen har behandlet Deres ansøgning om parkeringskort. Ved vurderingen har kommunen lagt vægt på oplysningerne i ansøgningsskemaet og på udtalelsen fra Deres egen læge, hvoraf det fremgår, at De har slidgigt i begge knæ og kan gå ca. 150 meter uden hvil.

Det er en betingelse for at få udstedt parkeringskort, at ansøgeren har et varigt handicap, der medfører, at vedkommende ikke kan gå mere end ca. 100 meter, jf. bekendtgørelse om parkeringskort til personer med handicap § 2. Da De efter det oplyste kan gå længere end 100 meter, opfylder De ikke betingelserne, og kommunen meddeler Dem derfor afslag.

Klagevejledning
De kan klage over afgørelsen til Færdselsstyrelsen inden 4 uger fra modtagelsen af dette brev.

${SIGN_OFF}

Borgerservice`,
    edits: [
      before('Bliver det sværere for dig at gå, kan du søge igen med en ny udtalelse fra din læge.'),
      { append: '\n\nDu kan klage digitalt på Færdselsstyrelsens hjemmeside.' },
    ],
  },
  {
    id: 'hjaelpemiddel-afslag',
    text: `Afgørelse om hjælpemiddel – badetaburet

Kære Poul Erik Thygesen

Kommunen har den 4. november 2025 modtaget Deres ansøgning om en badetaburet med ryglæn. Af ansøgningen og af terapeutens besøg i hjemmet fremgår det, at De efter en hofteoperation har nedsat balance, men at De kan stå i badet med støtte fra et greb på væggen.

Kommunen har vurderet, at badetaburetten ikke i væsentlig grad vil afhjælpe de varige følger af Deres nedsatte funktionsevne, idet genoptræningen fortsat pågår, og behovet forventes at være midlertidigt. Det er en betingelse for bevilling efter servicelovens § 112, at der er tale om en varigt nedsat funktionsevne. Kommunen meddeler Dem derfor afslag.

Kommunen skal oplyse, at De kan låne en badetaburet i kommunens hjælpemiddeldepot i op til 6 måneder.

Klagevejledning
Hvis De ønsker at klage over afgørelsen, skal klagen være modtaget i kommunen senest 4 uger efter, at De har modtaget afgørelsen. Kommunen vil genvurdere sagen og sende den videre til Ankestyrelsen, hvis afgørelsen fastholdes.

${SIGN_OFF}

Visitationen
Social- og Sundhedsforvaltningen`,
    edits: [
      before(SOC_CONTACT),
      { replace: 'Klagevejledning', with: 'Sådan klager du' },
    ],
  },
  {
    id: 'praktisk-hjaelp-bevilling',
    text: `Afgørelse om praktisk hjælp

Kære Inge Lise Brandt

De har søgt om hjælp til rengøring. Kommunens visitator har den 18. november 2025 været på besøg i Deres hjem og har i samråd med Dem vurderet Deres behov ud fra Deres funktionsevne efter Deres blodprop i hjertet.

Kommunen har på baggrund af vurderingen truffet afgørelse om, at De bevilges praktisk hjælp til rengøring af stue, soveværelse, køkken og badeværelse hver 14. dag, jf. servicelovens § 83, stk. 1, nr. 2. Hjælpen udgør ca. 1 time pr. gang og leveres af den leverandør, De har valgt.

Hjælpen iværksættes senest 14 dage efter modtagelsen af dette brev. Kommunen vil følge op på Deres behov inden for 6 måneder.

Klagevejledning
De kan klage over afgørelsen til Ankestyrelsen. Klagen skal sendes til kommunen senest 4 uger efter, at De har modtaget afgørelsen.

${SIGN_OFF}

Visitationen`,
    edits: [
      before(SOC_CONTACT),
      { append: '\n\nDu skal ikke selv gøre noget for at få hjælpen. Leverandøren ringer til dig og aftaler en dag.' },
    ],
  },
  {
    id: 'hjemmehjaelp-partshoering',
    text: `Partshøring – påtænkt ændring af Deres hjemmehjælp

Kære Aksel Vestergaard

Kommunen har den 2. december 2025 foretaget en opfølgning på Deres hjemmehjælp. Det fremgår af opfølgningen, at De efter et forløb med rehabilitering nu selv kan klare personlig pleje om morgenen med hjælp fra de hjælpemidler, De har fået.

Kommunen påtænker derfor at ophøre med hjælpen til personlig pleje om morgenen, mens hjælpen til bad to gange om ugen fortsætter uændret, jf. servicelovens § 83.

Før kommunen træffer endelig afgørelse, skal De have lejlighed til at udtale Dem, jf. forvaltningslovens § 19. Eventuelle bemærkninger bedes sendt til kommunen inden 14 dage fra dateringen af dette brev. Modtager kommunen ikke bemærkninger, vil afgørelsen blive truffet på det foreliggende grundlag.

${SIGN_OFF}

Visitationen
Social- og Sundhedsforvaltningen`,
    edits: [
      before('Du er velkommen til at ringe, hvis du hellere vil fortælle os dine bemærkninger i telefonen.'),
      { append: '\n\nDer er ikke truffet nogen afgørelse endnu. Din hjælp fortsætter, som den er nu, indtil du har fået et nyt brev fra os.' },
    ],
  },
  {
    id: 'madservice-bevilling',
    text: `Afgørelse om madservice

De har den 10. oktober 2025 ansøgt om madservice. Kommunen har vurderet Deres ansøgning på baggrund af samtalen med visitator og de oplysninger, De har givet om Deres muligheder for selv at tilberede mad.

Kommunen har truffet afgørelse om at bevilge Dem madservice med levering af en hovedret 7 dage om ugen, jf. servicelovens § 83, stk. 1, nr. 3. De skal selv betale for maden. Prisen fastsættes årligt af kommunalbestyrelsen og udgør i 2026 57 kr. pr. hovedret inkl. levering.

Leverandøren vil kontakte Dem med henblik på aftale om opstart og valg af menu.

Klagevejledning
De kan klage over afgørelsen til Ankestyrelsen. Klagen sendes til kommunen inden 4 uger efter modtagelsen af dette brev. Der kan ikke klages over prisen.

${SIGN_OFF}

Visitationen`,
    edits: [
      before(SOC_CONTACT),
      { append: '\n\nDu kan altid sige madservicen op igen med en uges varsel.' },
    ],
  },
  {
    id: 'ledsageordning-afslag',
    text: `Afgørelse om ledsageordning efter servicelovens § 97

Kære Kenneth Ravn

Kommunen har behandlet Deres ansøgning om ledsageordning. Det er en betingelse for at blive visiteret til ledsagelse, at ansøgeren på grund af betydelig og varigt nedsat funktionsevne ikke kan færdes alene uden for hjemmet.

Det fremgår af sagens oplysninger, herunder af udtalelsen fra Deres bostøtte, at De kan tage bussen alene til kendte steder som Deres arbejde og Deres forældres bolig, men at De har brug for støtte ved nye steder. Kommunen vurderer på denne baggrund, at De ikke er omfattet af personkredsen for ledsageordningen, og meddeler Dem derfor afslag.

Kommunen har samtidig vurderet, at Deres behov for støtte ved nye steder kan dækkes af Deres nuværende socialpædagogiske støtte efter servicelovens § 85.

Klagevejledning
Klagen skal sendes til kommunen senest 4 uger efter modtagelsen af afgørelsen.

${SIGN_OFF}

Handicap og Psykiatri`,
    edits: [
      { replace: 'Klagevejledning', with: 'Sådan klager du' },
      before('Tal med din bostøtte om, hvordan I bruger jeres timer, når du skal et nyt sted hen.'),
    ],
  },
  {
    id: 'merudgifter-partshoering',
    text: `Partshøring vedrørende dækning af merudgifter

Kære Louise og Anders Bredahl

Kommunen har modtaget Jeres ansøgning om dækning af merudgifter til Jeres søn på grund af hans diabetes. Der er søgt om dækning af udgifter til kost, transport til behandling på Rigshospitalet og ekstra tøj.

Kommunen påtænker at imødekomme ansøgningen for så vidt angår transport, idet udgiften kan opgøres til ca. 1.150 kr. om måneden, jf. servicelovens § 41. Kommunen påtænker derimod at give afslag på dækning af kost og tøj, idet det ikke er dokumenteret, at udgifterne er større, end hvad andre familier i samme situation har.

Inden kommunen træffer afgørelse, har I mulighed for at komme med bemærkninger og indsende yderligere dokumentation, eksempelvis kvitteringer. Bemærkninger bedes sendt senest 14 dage fra dateringen af dette brev.

${SIGN_OFF}

Børn og Familie
Social- og Sundhedsforvaltningen`,
    edits: [
      before('I kan sende kvitteringerne som svar på dette brev i Digital Post.'),
      { append: '\n\nHusk, at det er en partshøring og ikke en afgørelse. I får afgørelsen i et nyt brev.' },
    ],
  },
];

/** Meeting transcripts and notes as the referents had them: the minutes assistant's input. */
export const MINUTES_TEXTS: HistoryTranscript[] = [
  {
    id: 'ruteplan-hjemmepleje',
    template: 'teammoede',
    text: `Susanne Juhl: Godmorgen alle sammen. Vi har tre punkter i dag: ruteplanen for hjemmeplejen i januar, de nye tablets og temadagen i februar.
Peter Vinther: Inden vi starter: vi mangler stadig en på aftenholdet i næste uge.
Susanne Juhl: Tak. Ruteplanen først. Vi har for mange kørselsminutter mellem Islev og Rødovre Centrum.
Sara Mortensen: Jeg har tegnet et forslag, hvor vi samler distriktet i to ruter i stedet for tre.
Susanne Juhl: Vi beslutter, at vi afprøver Saras forslag med to ruter fra den 5. januar.
Susanne Juhl: Sara, kan du sende forslaget til gruppelederne inden fredag?
Sara Mortensen: Ja, det gør jeg.
Thomas Kristoffersen: Så tabletterne. Der mangler stadig opdatering på seks af dem.
Susanne Juhl: Thomas, vil du tage fat i IT og få dem opdateret inden den 15. januar?
Thomas Kristoffersen: Det klarer jeg.
Peter Vinther: Jeg kan finde en afløser til aftenholdet, hvis jeg må spørge i puljen.
Susanne Juhl: Det må du gerne. Peter, du finder en afløser til aftenholdet inden mandag.
Susanne Juhl: Temadagen venter vi med til næste møde.`,
    edits: [
      { append: '\n\n## Næste møde\n\nTirsdag kl. 9.00 i mødelokale 2. Temadagen i februar er første punkt.' },
      { replace: 'inden fredag', with: 'inden fredag kl. 12' },
    ],
  },
  {
    id: 'personalemoede-december',
    template: 'teammoede',
    text: `Maria Kjeldsen: Velkommen til personalemødet. Punkterne er vagtplanen for jul og nytår, julefrokosten og opfølgning på sidemandsoplæringen.
Maria Kjeldsen: Vagtplanen først. Der er stadig huller den 24. og den 31. om aftenen.
Kasper Eriksen: Jeg kan tage den 31., hvis jeg kan få fri den 27.
Fatima Yilmaz: Jeg tager gerne den 24. om aftenen.
Maria Kjeldsen: Godt. Vi beslutter, at Kasper tager den 31. og Fatima den 24., og at Kasper får fri den 27.
Maria Kjeldsen: Jeg retter vagtplanen og sender den ud inden torsdag.
Line Bruun: Julefrokosten er booket til den 12. i kantinen. Vi mangler to til udvalget.
Kasper Eriksen: Jeg hjælper gerne med at pynte.
Maria Kjeldsen: Line, kan du sende en tilmelding rundt inden den 1. december?
Line Bruun: Ja.
Maria Kjeldsen: Sidemandsoplæringen: de to nye er glade, men de har ikke fået adgang til omsorgssystemet endnu.
Fatima Yilmaz: Jeg har skrevet til IT to gange.
Maria Kjeldsen: Jeg ringer selv til IT-chefen i morgen.`,
    edits: [
      { replace: 'Jeg ringer selv til IT-chefen i morgen.', with: 'Maria Kjeldsen ringer til IT-chefen i morgen om adgangen for de nye medarbejdere.' },
      { append: '\n\nReferent: Line Bruun' },
    ],
  },
  {
    id: 'med-udvalg-apv',
    template: 'med-udvalg',
    text: `Susanne Juhl: Velkommen til MED-udvalget. Dagsordenen er opfølgning på APV, status på sygefravær og eventuelt.
Peter Vinther: Som arbejdsmiljørepræsentant vil jeg gerne starte med APV'en. Tre grupper har peget på tunge løft i badeværelser uden lift.
Susanne Juhl: Vi har fået penge til fire nye loftlifte i budgettet.
Sara Mortensen: Kan vi prioritere de boliger, hvor der er to om forflytningen i dag?
Susanne Juhl: Vi beslutter, at de fire lifte sættes op i de boliger, hvor der i dag er dobbeltbemanding, og at det sker i første kvartal.
Susanne Juhl: Peter, du laver listen over boligerne sammen med terapeuterne inden den 20. januar.
Peter Vinther: Det gør jeg.
Susanne Juhl: Sygefraværet er faldet fra 7,1 til 6,4 procent siden sommer. Det er stadig højest i aftenvagten.
Thomas Kristoffersen: Det hænger sammen med de mange enkeltvagter. Kan vi se på vagtlængden?
Susanne Juhl: Det tager vi op på næste møde, hvor HR deltager.
Susanne Juhl: Thomas, vil du invitere HR til næste møde?
Thomas Kristoffersen: Ja.
Susanne Juhl: Under eventuelt: husk tilmelding til førstehjælpskurset.`,
    edits: [
      { append: '\n\n## Eventuelt\n\nHusk tilmelding til førstehjælpskurset senest den 31. januar.' },
      { replace: 'i første kvartal', with: 'senest den 31. marts' },
    ],
  },
  {
    id: 'udskrivning-traeningsenhed',
    template: 'teammoede',
    text: `WEBVTT

d3e1a9f0-1111-4000-8000-000000000001/1-0
00:00:02.000 --> 00:00:08.500
<v Maria Kjeldsen>Velkommen. I dag skal vi tale om samarbejdet med træningsenheden, når borgere bliver udskrevet fra hospitalet.</v>

d3e1a9f0-1111-4000-8000-000000000001/2-0
00:00:09.000 --> 00:00:16.200
<v Line Bruun>Vi oplever, at genoptræningsplanen først kommer et par dage efter, at borgeren er kommet hjem.</v>

d3e1a9f0-1111-4000-8000-000000000001/3-0
00:00:16.800 --> 00:00:23.900
<v Kasper Eriksen>Fra træningsenheden kan vi godt se planen med det samme i systemet. Det er beskeden til hjemmeplejen, der mangler.</v>

d3e1a9f0-1111-4000-8000-000000000001/4-0
00:00:24.500 --> 00:00:31.000
<v Maria Kjeldsen>Så vi beslutter, at træningsenheden sender en besked til hjemmeplejens gruppeleder samme dag, som planen modtages.</v>

d3e1a9f0-1111-4000-8000-000000000001/5-0
00:00:31.500 --> 00:00:36.000
<v Maria Kjeldsen>Kasper, kan du lave en fast skabelon til beskeden inden den 10. januar?</v>

d3e1a9f0-1111-4000-8000-000000000001/6-0
00:00:36.500 --> 00:00:38.000
<v Kasper Eriksen>Det kan jeg godt.</v>

d3e1a9f0-1111-4000-8000-000000000001/7-0
00:00:38.800 --> 00:00:45.500
<v Line Bruun>Og så skal nattevagten vide det, hvis borgeren kommer hjem efter kl. 16.</v>

d3e1a9f0-1111-4000-8000-000000000001/8-0
00:00:46.000 --> 00:00:52.000
<v Maria Kjeldsen>Line, vil du skrive det ind i vores instruks for udskrivelser inden næste teammøde?</v>

d3e1a9f0-1111-4000-8000-000000000001/9-0
00:00:52.500 --> 00:00:53.500
<v Line Bruun>Ja, det gør jeg.</v>`,
    edits: [
      { append: '\n\nOpfølgning: Vi ser på, om det virker, på teammødet i februar.' },
      { replace: 'inden den 10. januar', with: 'inden den 10. januar, så den kan bruges fra den 13. januar' },
    ],
  },
  {
    id: 'styregruppe-omsorgssystem',
    template: 'styregruppe',
    text: `Susanne Juhl: Velkommen til styregruppen for det nye omsorgssystem. Vi skal have status på tidsplanen, undervisningen og risici.
Thomas Kristoffersen: Tidsplanen holder. Datakonverteringen er testet to gange, og anden test havde ingen fejl i medicinlisterne.
Susanne Juhl: Godt. Undervisningen?
Sara Mortensen: 140 ud af 210 medarbejdere har gennemført e-læringen. Aftenvagterne halter efter.
Susanne Juhl: Vi beslutter, at aftenvagterne får en time betalt til e-læringen i deres vagt i januar.
Susanne Juhl: Sara, du aftaler med gruppelederne, hvornår timerne lægges, inden den 8. januar.
Sara Mortensen: Det gør jeg.
Peter Vinther: En risiko er, at den gamle løsning lukker samme weekend, som vi går i luften. Hvis noget går galt, har vi ingen vej tilbage.
Susanne Juhl: Vi beslutter, at den gamle løsning kan læses i fire uger efter overgangen.
Susanne Juhl: Thomas, kan du få det skrevet ind i aftalen med leverandøren inden den 15. januar?
Thomas Kristoffersen: Ja.
Susanne Juhl: Næste styregruppemøde er om tre uger.`,
    edits: [
      { append: '\n\n## Risici\n\n- Den gamle løsning lukker samme weekend som overgangen. Afbødes ved, at den kan læses i fire uger.' },
      // The offline engine missed Sara's task (said as "du aftaler"): the referent adds it.
      {
        replace: '| Thomas Kristoffersen | Få det skrevet ind',
        with: '| Sara Mortensen | Aftale med gruppelederne, hvornår timerne til e-læringen lægges | inden den 8. januar |\n| Thomas Kristoffersen | Få det skrevet ind',
      },
    ],
  },
  {
    id: 'teammoede-nye-kolleger',
    template: 'teammoede',
    text: `Fatima Yilmaz: Jeg styrer mødet i dag, fordi Maria er på kursus. Vi skal tale om de nye kolleger, nøgleboksene og kørelisterne.
Fatima Yilmaz: Vi får to nye sosu-assistenter den 1. februar. De skal have en fast makker de første tre uger.
Kasper Eriksen: Jeg vil gerne være makker for den ene.
Line Bruun: Jeg kan tage den anden.
Fatima Yilmaz: Vi beslutter, at Kasper og Line er makkere for de to nye de første tre uger.
Fatima Yilmaz: Line, kan du lave en plan for de første dage inden den 25. januar?
Line Bruun: Ja.
Peter Vinther: Nøgleboksen ved afdelingen virker ikke igen. Den har været i stykker i fire dage.
Fatima Yilmaz: Peter, du melder fejlen til Ejendomme i dag og følger op på fredag.
Peter Vinther: Det gør jeg.
Kasper Eriksen: Kørelisterne for weekenden bliver printet for sent.
Fatima Yilmaz: Det tager vi med til Maria.`,
    edits: [
      // The draft made tasks of "Jeg styrer mødet" and "Jeg kan tage den anden" and missed Peter's: the referent corrects it.
      {
        replace: '| Fatima Yilmaz | Styre mødet [2] | i dag |\n| Line Bruun | Tage fasten anden [3] | Ingen frist |\n',
        with: '| Peter Vinther | Melde fejlen på nøgleboksen til Ejendomme og følge op | i dag og på fredag |\n',
      },
      { append: '\n\nMødeleder: Fatima Yilmaz' },
    ],
  },
  {
    id: 'teammoede-sygemelding',
    template: 'teammoede',
    text: `Maria Kjeldsen: Godmorgen. Kort møde i dag. Thomas er sygemeldt med sin ryg resten af måneden, så vi skal fordele hans faste borgere.
Peter Vinther: Jeg kan tage hans morgenbesøg i Islev, hvis jeg slipper for weekendvagten.
Maria Kjeldsen: Vi beslutter, at Peter tager Thomas' morgenbesøg i Islev, og at Peter er fri for weekendvagt til og med den 31.
Sara Mortensen: Hvem tager eftermiddagene?
Maria Kjeldsen: Jeg spørger puljen. Jeg giver besked senest i morgen kl. 12.
Line Bruun: Så skal borgerne have besked om, at de får en ny hjælper.
Maria Kjeldsen: Line, vil du ringe til de seks borgere i dag?
Line Bruun: Ja, det gør jeg.
Maria Kjeldsen: Og husk, at vi sender en hilsen til Thomas fra hele gruppen.`,
    edits: [
      { append: '\n\nNæste møde: mandag kl. 8.30.' },
      { replace: 'senest i morgen kl. 12', with: 'senest i morgen kl. 12 på mail til hele gruppen' },
    ],
  },
  {
    id: 'hjaelpemiddeldepot',
    template: 'teammoede',
    text: `Sara Mortensen: Velkommen. Vi skal se på hjælpemiddeldepotet: ventetiden, udleveringen og rengøringen af returnerede hjælpemidler.
Kasper Eriksen: Ventetiden på rollatorer er nu otte dage. Det skyldes, at vi mangler rene rollatorer, ikke at vi mangler rollatorer.
Sara Mortensen: Hvad kan vi gøre ved rengøringen?
Fatima Yilmaz: Vi kunne lade chaufførerne tage returnerede hjælpemidler direkte til vaskehallen i stedet for til lageret.
Sara Mortensen: Vi beslutter, at returnerede hjælpemidler køres direkte til vaskehallen fra den 1. februar.
Sara Mortensen: Fatima, kan du aftale det med chaufførerne inden den 20. januar?
Fatima Yilmaz: Ja.
Kasper Eriksen: Vi bør også måle ventetiden hver uge, så vi kan se, om det virker.
Sara Mortensen: Kasper, du laver en ugentlig opgørelse af ventetiden fra februar.
Kasper Eriksen: Det gør jeg.`,
    edits: [
      // The draft missed Kasper's task (said as "du laver"): the referent adds it.
      {
        replace: '| inden den 20. januar |\n',
        with: '| inden den 20. januar |\n| Kasper Eriksen | Lave en ugentlig opgørelse af ventetiden | fra uge 6, hver mandag |\n',
      },
      { append: '\n\nVi følger op på ventetiden på mødet i marts.' },
    ],
  },
  {
    id: 'med-trivselsmaaling',
    template: 'med-udvalg',
    text: `Susanne Juhl: Velkommen til MED. Vi skal behandle resultatet af trivselsmålingen og planen for opfølgning.
Peter Vinther: Svarprocenten var 81. Det er fint. Det laveste resultat er "Jeg har tid til at gøre mit arbejde ordentligt".
Line Bruun: Det passer med det, vi hører i grupperne. Der er for lidt tid til dokumentation.
Susanne Juhl: Vi beslutter, at hver gruppe holder et dialogmøde om resultatet inden udgangen af februar.
Susanne Juhl: Peter og Line, kan I lave en fælles dagsorden til dialogmøderne inden den 31. januar?
Peter Vinther: Ja, det gør vi.
Kasper Eriksen: Skal resultaterne fra dialogmøderne samles et sted?
Susanne Juhl: Ja. Vi beslutter, at grupperne sender tre forslag hver til MED, som behandler dem på mødet i marts.
Susanne Juhl: Kasper, du samler forslagene, når de kommer.
Kasper Eriksen: Det gør jeg.`,
    edits: [
      { append: '\n\n## Næste møde\n\nMED-mødet i marts behandler gruppernes forslag.' },
      { replace: 'inden udgangen af februar', with: 'senest den 27. februar' },
    ],
  },
  {
    id: 'koersel-elbiler',
    template: 'teammoede',
    text: `Peter Vinther: Jeg har lånt mødet i dag, fordi vi skal tale om de nye elbiler og opladningen.
Peter Vinther: Vi har fået fem elbiler, men der er kun tre ladestandere i gården.
Sara Mortensen: Bilerne på aftenruterne når ikke at blive ladet op efter dagvagten.
Thomas Kristoffersen: Vi kunne lade bilerne fra dagvagten stå på standerne fra kl. 15, så aftenvagten tager de andre.
Peter Vinther: Vi beslutter, at de tre biler fra dagens korteste ruter sættes til opladning senest kl. 15.
Peter Vinther: Sara, kan du lave en ladeplan og hænge den op ved nøgleboksen inden mandag?
Sara Mortensen: Det gør jeg.
Fatima Yilmaz: Vi mangler også et ladekort i bil nummer fire.
Peter Vinther: Fatima, du bestiller et nyt ladekort hos Kørselskontoret i dag.
Fatima Yilmaz: Ja.`,
    edits: [
      { append: '\n\nOpfølgning: Vi ser på ladeplanen igen om to uger.' },
      { replace: 'inden mandag', with: 'inden mandag kl. 8' },
    ],
  },
];

/**
 * Transcripts the guard refused: someone read a citizen's CPR number or an account number into the meeting. The
 * numbers are invented. The policy blocks them before anything is sent, so the run keeps only counts and reasons;
 * the text itself is never stored.
 */
export const BLOCKED_TRANSCRIPTS: HistoryText[] = [
  {
    id: 'blokeret-cpr-visitation',
    text: `Maria Kjeldsen: Vi skal lige have styr på den nye borger på Tårnvej.
Line Bruun: Ja, det er borgeren med CPR-nummer 070761-4005, som kom hjem fra Hvidovre i går.
Maria Kjeldsen: Vi beslutter, at hun får besøg to gange dagligt den første uge.
Maria Kjeldsen: Line, du laver besøgsplanen i dag.`,
    edits: [],
  },
  {
    id: 'blokeret-konto-kursus',
    text: `Susanne Juhl: Sidste punkt er refusion af kursusudgifterne.
Peter Vinther: Jeg har lagt ud for kurset. Pengene kan gå til min konto, reg.nr. 1234 kontonummer 0012345678.
Susanne Juhl: Vi beslutter, at udlægget refunderes i næste lønkørsel.
Susanne Juhl: Peter, du sender kvitteringen til lønkontoret i dag.`,
    edits: [],
  },
  {
    id: 'blokeret-cpr-aflastning',
    text: `Thomas Kristoffersen: Aflastningsboligen skal bruges til en borger fra den 3.
Sara Mortensen: Hvem er det?
Thomas Kristoffersen: Jeg har hans CPR her, 070761-4005, og han skal have hjælp til alt om natten.
Sara Mortensen: Vi beslutter, at nattevagten får en ekstra hjælper den første uge.`,
    edits: [],
  },
];

/** Why a draft was rejected (the reviewer's reason, content purged with the run). */
export const REJECT_REASONS = {
  letter: [
    'Klagevejledningen var faldet ud af udkastet, og fristen var blevet til »snarest«.',
    'Udkastet gjorde begrundelsen for kort. Borgeren kan ikke se, hvorfor vi giver afslag.',
    'Hjemlen blev omskrevet, så den ikke længere passer til afgørelsen.',
    'Tonen blev for kort for en borger, der lige har mistet sin mor. Jeg skrev brevet selv.',
    'Beløbet i udkastet passede ikke med beløbet i det oprindelige brev.',
    'Det var hurtigere at rette mit eget brev end at rette udkastet.',
  ],
  minutes: [
    'Udkastet gjorde en drøftelse til en beslutning.',
    'Opgaverne havde fået forkerte ansvarlige, fordi udskriften blandede to talere sammen.',
    'Udskriften var for dårlig. Jeg skrev referatet ud fra mine egne noter.',
    'Fristen på opgaven var forkortet i forhold til det, vi aftalte.',
  ],
} as const;

/** Short notes participants added to an experience log (optional; content, purged with the run). */
export const LOG_NOTES = {
  letter: {
    good: [
      'Udkastet var godt. Jeg rettede kun hilsenen.',
      'Godt til de lange sætninger. Brevet blev kortere uden at miste noget.',
      'Det er rart at få et udkast at gå ud fra i stedet for en tom side.',
      'LIX faldt tydeligt, og jeg kunne sende det næsten uden rettelser.',
    ],
    edited: [
      'Klagevejledningen skulle sættes ind igen.',
      'Jeg måtte tilføje vores telefontider. Resten var fint.',
      'Udkastet var godt, men »du« passer ikke til alle breve, når der er to forældre.',
      'Jeg flyttede beløbet op i starten, så borgeren ser det med det samme.',
      'Kancelliudtrykkene var væk, men enkelte sætninger blev for korte.',
    ],
    rejected: [
      'Assistenten tog hjemlen ud. Det kan vi ikke sende.',
      'Jeg brugte længere tid på at tjekke udkastet, end jeg ville have brugt på at skrive brevet.',
      'Fristen forsvandt. Jeg skrev brevet forfra.',
    ],
  },
  minutes: {
    good: [
      'Beslutninger og opgaver stod rigtigt. Jeg tilføjede kun næste møde.',
      'Referatet var klar, inden jeg var tilbage ved skrivebordet.',
      'Meget lettere at sende referatet ud samme dag.',
    ],
    edited: [
      'En opgave manglede, fordi den blev aftalt uden for mikrofonen.',
      'Jeg rettede en frist og tilføjede eventuelt.',
      'Dagsordenspunkterne var lidt skæve, men beslutningerne var rigtige.',
    ],
    rejected: [
      'Udskriften blandede talerne sammen, så opgaverne var forkerte.',
      'For meget at rette. Jeg brugte mine egne noter.',
    ],
  },
} as const;

/** Answers to the trials' own questions, by question id and by how the draft fared. */
export const ANSWERS = {
  'juridisk-indhold': {
    good: ['Nej, alt var med.', 'Nej. Hjemmel og frist stod, som de skulle.', 'Nej.'],
    edited: ['Ja, klagevejledningen manglede.', 'Fristen var der, men jeg præciserede den.', 'Nej, men jeg tilføjede kontaktoplysninger.', 'Ja, henvisningen til paragraffen var forkortet.'],
    rejected: ['Ja, klagevejledningen var væk.', 'Ja, hjemlen var ændret.', 'Ja, fristen manglede.'],
  },
  'borgerens-forstaaelse': {
    good: ['Ja, klart.', 'Ja, især fordi beløbet står tydeligt.', 'Ja, sætningerne er kortere.'],
    edited: ['Ja, efter mine rettelser.', 'Måske. Det er stadig et svært emne.', 'Ja.'],
    rejected: ['Nej, ikke uden begrundelsen.', 'Det brev, jeg selv skrev, ja.'],
  },
  'beslutninger-korrekte': {
    good: ['Ja, alle var rigtige.', 'Ja.', 'Ja, og fristerne passede.'],
    edited: ['En opgave manglede.', 'En frist var forkert.', 'Ja, men en ansvarlig var forkert.'],
    rejected: ['Nej, en drøftelse stod som beslutning.', 'Nej, ansvarlige var byttet om.'],
  },
  'udskriftens-kvalitet': {
    good: ['God. Alle talte i egen mikrofon.', 'Fin Teams-udskrift.', 'Gode stikord.'],
    edited: ['Middel. En kollega sad uden mikrofon.', 'Mine stikord var korte.', 'OK.'],
    rejected: ['Dårlig lyd fra mødelokalet.', 'Talerne blev blandet sammen.'],
  },
} as const;

/** Participants' reflections on the trials, in the order they were written. */
export const REFLECTIONS = {
  finished: [
    'Efter to uger kan jeg se, at assistenten er god til de lange sætninger og kancellisproget, men den kender ikke vores skabeloner. Vi bør tjekke klagevejledningen hver gang.',
    'Jeg havde frygtet, at borgerne ville opleve brevene som for uformelle, men det modsatte er sket: to borgere har ringet og sagt, at brevet var let at forstå.',
    'I Socialforvaltningen er det vigtigt, at fire-øjne-godkendelsen ikke bliver en flaskehals. Den har fungeret, men vi skal have flere, der kan godkende som nummer to.',
    'Partshøringer er der mest at hente i. Afgørelser med mange paragraffer skal man være mere forsigtig med.',
    'Assistenten gør »De« til »du« overalt. Det passer ikke, når brevet er til to forældre. Det bør stå i introduktionen.',
    'Jeg bruger den mest som sparring: jeg læser udkastet og skriver så mit eget brev færdigt. Det sparer ikke altid tid, men brevene bliver bedre.',
    'Det ville hjælpe, hvis tjeklisten også sagde noget om telefontider og kontaktoplysninger.',
    'Efter første runde synes jeg, vi skal fortsætte, men med en fast tjekliste for hjemmel, frister og klagevejledning, før vi godkender.',
    'Vi skal have lavet et fælles sæt standardbreve i klarsprog, så vi ikke omskriver de samme breve igen og igen.',
  ],
  running: [
    'Teams-udskrifterne er gode, når alle sidder ved egen computer. Fra mødelokalet blandes talerne sammen.',
    'Jeg sparer mest tid på MED-møderne, hvor referatet skal være præcist. Der er assistentens henvisninger til udskriften en stor hjælp.',
    'Det er godt, at udskrifter med CPR-numre bliver afvist. Vi har aftalt, at borgersager ikke drøftes på koordinationsmøderne.',
    'Vi bør aftale, at mødelederen siger beslutningerne højt til sidst. Så får assistenten dem med.',
  ],
} as const;

/** The digital unit's decision on the finished trial: adjust, and run a second round. */
export const FINISHED_DECISION: { outcome: DecisionOutcome; rationale: string; evidence: string } = {
  outcome: 'ADJUST',
  rationale:
    'Assistenten gør brevene lettere at læse og sparer tid på partshøringer og bevillinger, men for mange udkast mistede klagevejledning, frister eller hjemmel. Vi fortsætter i en ny runde med en fast tjekliste, som sagsbehandleren skal gennemgå før godkendelse, en bedre introduktion om breve til flere modtagere og flere ledere, der kan godkende som nummer to i Socialforvaltningen.',
  evidence:
    'Første runde: 14 deltagere fra Borgerservice og Social- og Sundhedsforvaltningen, 80 breve. Tre ud af fire udkast blev brugt, de fleste med rettelser; hvert fjerde blev afvist, oftest fordi klagevejledning eller frist manglede. Deltagerne vurderer nytten til middel og vil gerne bruge assistenten igen.',
};
