/**
 * Word lists that give context to the recognizers: words that are never names, organisation words, roles
 * and family relations that sit next to names, labels and greetings that announce a name, street-name
 * endings, negation and generic wording. All lower case; matching ignores case.
 */
const split = (s: string): string[] => s.trim().split(/\s+/);

/** Capitalised words that are not names: months, weekdays, function words, headings, common nouns. */
export const STOP_WORDS = split(`
sir madam januar februar marts april maj juni juli august september oktober november december jan feb mar apr jun jul aug
sep sept okt nov dec mandag tirsdag onsdag torsdag fredag lørdag søndag weekend jul påske pinse nytår
jeg du han hun vi i de den det der dette disse denne dem dig mig sig os jer min mit mine din dit dine hans
hendes deres vores jeres sin sit sine man en et og eller men for til fra med om på af ved efter før under over
hos mellem uden ikke ingen intet alle alt nogle noget hver hvis når som så da nu her der hvor hvad hvem
hvorfor hvordan hvornår hvilken hvilke ja nej ok tak hej hejsa ung kære goddag venlig venligst hilsen hilsner mvh vh
kh med bedste dato vedr vedrørende emne sted tid tidspunkt referat notat journalnotat deltagere deltager
referent borger borgeren borgere klient klienten patient patienten mor far moren faren mormor morfar farmor
farfar datter datteren søn sønnen barn barnet børn børnene forældre forældrene familien familie bror søster
lejer lejeren kommune kommunen kommunes region regionen danmark dansk danske jobcenter jobcentret borgerservice
ydelse ydelser ankestyrelsen digital post mitid nemid nemkonto cpr cvr tlf telefon mobil mail email e-mail
adresse beslutning beslutninger aftale aftaler opfølgning status formål baggrund begrundelse næste afgørelse
partshøring indkaldelse sagsnr sag sagen bilag punkt eventuelt godkendelse orientering dagsorden ny nyt nye
god godt gode ring ringe skriv husk læs se send kontakt kontakte spørgsmål svar info information vejledning
retningslinje retningslinjer procedure politik social sundhed omsorg kultur unge voksne ældre handicap
beskæftigelse pension teknik miljø plan erhverv skole dagtilbud fritid administration økonomi personale hr it
digitalisering visitation hjælpemidler rehabilitering træning psykiatri misbrug integration bolig boliger
afdeling område vest øst nord syd midt center team forvaltning sekretariat direktion byråd udvalg rådhus
rådhuset politiet lægevagten hjemmeplejen sundhedsplejen hjemmesygeplejen visitationen opkrævningen
pladsanvisningen lønkontoret aftenbesøg besøg samtale møde mødet mødested telefontid åbningstider
sygedagpenge kontanthjælp boligstøtte aflastning hjemmehjælp madservice mentor kursus praktik job
oplæring fravær ferie sommerferie vinterferie julefrokost reception kvartal uge måned år dag dage timer
udkast udkastet afsender modtager underskrift side bilagsnr matr matrikel nr nummer stk kap kl ca fx mv osv
dvs jf pkt mio mia kr dkk eur moms att cc sv vs fw tilstede stede afbud fraværende fremmødte
gladsaxe aalborg aarhus odense københavn esbjerg kolding vejle horsens randers viborg herning silkeborg
roskilde næstved slagelse holbæk svendborg sønderborg haderslev fredericia hillerød helsingør køge
rødovre gentofte frederiksberg ballerup holstebro thisted skive hjørring frederikshavn
`);

/** Organisation words: a capitalised run containing one is an institution or a company, not a person. */
export const ORG_WORDS = split(`
kommune kommunes kommunen region regionen jobcenter jobcentret borgerservice hospital hospitalet sygehus sygehuset
skole skolen gymnasium center centret centeret afdeling afdelingen forvaltning forvaltningen klinik klinikken
apotek apoteket bank banken sparekasse sparekassen fond fonden forening foreningen forbund forbundet
ministerium ministeriet styrelse styrelsen råd rådet gruppen huset bibliotek biblioteket universitet
team teamet a/s aps i/s k/s p/s ivs amba smba politi politiet kriminalforsorgen plejecenter plejecentret
café cafe caféen vuggestuen børnehaven dagplejen klubben løn personale
plejehjem plejehjemmet bofællesskab bofællesskabet botilbud botilbuddet bosted institution vuggestue
børnehave børnehus børnehuset sfo klub klubben service borgerrådgiver borgerrådgiveren ankestyrelsen skat
udbetaling lægehus lægehuset lægevagten tandplejen kirke kirken sogn menighed moské efterskole friskole
højskole akademi akademiet ambulatorium ambulatoriet kontor kontoret sekretariatet direktionen byrådet
udvalget ydelseskontoret opkrævningen boligforeningen boligselskab boligselskabet andelsboligforening
rusmiddelcenter misbrugscenter krisecenter værested genbrugsstation røde kors redcross aula lectio prisme
hus station stationen transport rengøring markjorder lufthavn lufthavnen trafik
`);

/** Endings that make a capitalised word an organisation ("Tåsingeskolen", "Lægehuset", "Serviceforbundet"). */
export const ORG_SUFFIXES = split(`
kommune skole skolen skolerne center centret centeret huset klinik klinikken afdeling afdelingen forvaltning
forvaltningen styrelsen ministeriet sygehus sygehuset hospital hospitalet plejen tjenesten tjeneste foreningen
forening forbund forbundet fonden banken apotek apoteket kirke kirken gymnasium teamet gruppen rådet service
ambulatorium ambulatoriet institut instituttet kontoret sekretariatet ordningen indsatsen centre kassen
ningen eriet ionen stedet hjemmet firmaet
forretning forretningen rengøring byggeri kontor kulturhus kulturhuset rådgivning rådgivningen team havn havnen
træning træningen anvisning anvisningen psykiatri psykiatrien uddannelse uddannelsen industri industrien station
stationen fabrik fabrikken værksted værkstedet gården markjorder transport selskab selskabet
`);

/** Roles and relations written right before or after a name ("socialrådgiver Karoline Ågård", "mor, Charlotte"). */
export const ROLE_WORDS = split(`
socialrådgiver sagsbehandler rådgiver visitator teamleder leder afdelingsleder ergoterapeut fysioterapeut
terapeut sygeplejerske sundhedsplejerske skolesygeplejerske psykolog læge lægen overlæge speciallæge
praktiserende tandlæge jordemoder pædagog lærer klasselærer studievejleder vejleder konsulent mentor
kontaktperson støttekontaktperson støttemedarbejder hjemmehjælper assistent hjælper medarbejder
sekretær referent formand næstformand direktør chef kontorchef borgmester rådmand tillidsrepræsentant
tillidsmand arbejdsmiljørepræsentant driftsleder værge advokat bisidder tolk elev studerende praktikant
frivillig præst imam betjent sygemeldt borger borgeren klient klienten patient patienten lejer lejeren
udlejer ejer pårørende ansøger ansøgeren mor moren far faren forældre forælder søn sønnen datter datteren
barn barnet bror broren søster søsteren storebror lillebror storesøster lillesøster hustru hustruen
ægtefælle ægtefællen mand manden kone konen kæreste kæresten samlever samleveren partner bedstemor
bedstefar mormor morfar farmor farfar barnebarn barnebarnet onkel tante nevø niece fætter kusine svigersøn
svigerdatter svigermor svigerfar stedfar stedmor plejemor plejefar plejebarn nabo naboen ven vennen veninde
kollega kollegaen chauffør ingeniør jurist økonom bogholder kasserer ejendomsfunktionær pedel
hr fru frk dr ekspedient son daughter husband wife mother father brother sister child
`);

/** Endings of role nouns ("sygedagpengekonsulent", "afdelingsleder", "ydelsesrådgiver"). */
export const ROLE_SUFFIXES = split(`
rådgiver leder konsulent terapeut plejerske assistent hjælper medarbejder sekretær chef vejleder repræsentant
læge pædagog psykolog visitator behandler koordinator direktør formand lærer mentor ansvarlig jurist
ingeniør betjent sagsbehandler sygeplejerske partner ekspedient
`);

/** Labels that announce a name after a colon ("Borger:", "Fra:", "Att.:") and greetings before a name. */
export const CUE_LABELS = split(`
borger klient medarbejder rådgiver sagsbehandler behandler referent kontaktperson fra til att cc bcc vedr
navn patient elev barn forældre mor far afsender modtager ansvarlig tovholder mødeleder ordstyrer visitator
leder konsulent læge sygeplejerske sundhedsplejerske familie lejer ansøger værge bisidder tolk formand
underskrevet ejer deltager mødeleder kontakt ægtefælle hustru ekspedient ans son daughter husband wife mother
father child name
`);
export const GREETINGS = split(`kære hej hejsa hi hello dear goddag kæreste`);

/** Headers of attendee lists: each item after them starts with a name. */
export const LIST_HEADERS = split(`deltagere deltager stede tilstede fremmødte deltog afbud fraværende mødedeltagere inviterede`);

/** Words that end a sign-off line ("Med venlig hilsen", "Mvh"); the next line is the sender's name. */
export const SIGNOFFS = split(`hilsen hilsner mvh vh kh tak`);

/**
 * Danish street-name endings, matched at the end of a capitalised word followed by a house number. Nouns
 * that end the same way but are not streets are listed in NOT_STREETS.
 */
export const STREET_SUFFIXES = split(`
vej vejen gade gaden allé alle alléen alleen allee stræde strædet plads pladsen vænget vænge parken høj
højen bakke bakken torv torvet boulevard stien sti haven toften toft løkke løkken engen marken ager agre
krogen kær kæret lunden vangen vang hegnet hegn diget dige stranden strand kajen kaj havnen brinken brink
passage passagen skrænten skrænt rækken stykket holmen bjerget dalen mosen skoven gyden kvarter kvarteret
bro broen tværvej parkvej bryn brynet sletten
`);
/**
 * Street words written as a separate word after a name ("Sankt Annæ Plads", "H.C. Andersens Boulevard").
 * The first list is never a surname, so a name ending in one is a street name; the second doubles as surnames
 * ("Rikke Vang", "Mads Holm") and only counts as a street before a house number.
 */
export const STREET_WORDS = split(`
vej gade allé alle plads boulevard torv stræde vænge vænget parken haven bakken stien passage kvarter gyde
kanal toften engen marken
`);
export const STREET_WORDS_NAMELIKE = split(`
park have bakke høj sti kaj havn strand vang toft eng mark lund dige brink hegn bro mose holm dal bjerg
`);
export const NOT_STREETS = split(`
arbejdsplads praktikplads parkeringsplads legeplads pladsen vejen gaden stien stranden skoven marken engen
haven parken børnehaven højen bakken broen dalen holmen kajen havnen mosen bjerget plads vej gade sti
`);

/** Words that negate a following term ("ingen tegn på depression", "ikke diabetes"). */
export const NEGATIONS = split(`ikke ingen intet uden aldrig hverken afkræftet udelukket`);

/**
 * Words that make a following special-category term general rather than about a person: plural groups
 * ("borgere med demens"), topics ("kursus om", "pjece om") and conditionals ("hvis du har").
 */
export const GENERIC_WORDS = split(`
borgere personer mennesker patienter ældre folk familier brugere beboere elever voksne unge
børn kursus kurser kurset temadag oplæg pjece pjecen information viden undervisning forebyggelse screening
tilbud tilbuddet politik strategi handleplan hvis fx eksempelvis herunder såsom bl.a blandt
`);

/**
 * "om" before a person and a verb opens an indirect question ("oplys, om du har haft ..."). "hvis" is a generic
 * word above and reaches only the next three words: "hvis du får brug for hjælp på grund af ..." still tells
 * what the person has.
 */
export const CONDITIONAL_OPENERS = split(`om`);
/** Verbs that open a conditional clause when they start a sentence before "du" ("Har du et handicap, kan du ..."). */
export const INVERTED_VERBS = split(`har er får bruger tager lider oplever mangler bliver modtager`);
/** Verbs after "om <person>" that make it an indirect question ("om du har haft", "om han bruger"). */
export const CONDITIONAL_VERBS = split(`har havde er var får fik bruger tager lider kan skal oplever mangler bliver modtager`);
