/**
 * Vocabulary for health information that is told as an event or a use rather than named as a diagnosis: aids
 * a person uses ("går med rollator", "skal have plejeseng"), findings on a body part ("hævelse i anklen",
 * "brud på venstre skinneben"), falls ("faldet i nat"), substance use ("ryger hash"), and for criminal acts
 * told as verbs ("har solgt hash", "en verserende sag om vold"). The rules that use these lists are in
 * recognizers/findings.ts. Lower case; matching ignores case.
 */
const split = (s: string): string[] => s.trim().split(/\s+/);

/**
 * Aids and devices. An aid says something about the person's health only when the text says the person uses
 * it or is to have it ("bruger høreapparat", "sidder i kørestol", "skal have plejeseng og lift"), not when it
 * is the subject of an application, a delivery or a course ("søgt om en kørestol", "levering af plejeseng").
 */
export const AIDS = split(`
rollator rollatoren rollatorer rollatorerne rullator rullatoren rullatorer gangvogn gangvognen gangvogne
gangstativ gangstativet gangbuk krykker krykkerne albuestokke albuestokkene stok stokken
kørestol kørestolen kørestole kørestolene el-kørestol el-kørestolen elkørestol elkørestolen el-scooter
el-scooteren el-scootere plejeseng plejesengen plejesenge lift liften loftlift loftliften personløfter personløfteren
trappelift trappeliften badebænk badebænken badestol badestolen badetaburet badetaburetten toiletstol
toiletstolen bækkenstol toiletforhøjer toiletforhøjeren høreapparat høreapparatet høreapparater
høreapparaterne cochlear-implantat ilt iltapparat iltapparatet iltkoncentrator iltflaske iltflasker sonde
sonden sondemad sondemaden sondeernæring ernæringssonde kateter katetret kateteret blærekateter ble bleer inkontinenshjælpemidler
inkontinensbind stomipose stomiposer strømpepåtager kompressionsstrømper hagestyring øjenstyring
talecomputer respirator respiratoren cpap cpap-maskine cpap-maskinen benprotese armprotese
teleslynge teleslyngen vibrationsvækkeur vibrationsvækkeuret blitzalarm støttebælte støttebæltet bipap bipap-maske
cpap-maske iltmaske implantat
`);

/** Words that say the person uses or is to have the aid; one of them must come before it in the clause. */
export const AID_CUES = split(`
bruger bruge brugte brugt benytter benytte benyttede benyttet sidder sad siddet sidde går gå gik gået kører køre
kørte har have havde haft får få fik fået anbefaler anbefalede anbefalet anbefales ordineret behov brug
afhængig afhængige hjælp uses using use
`);
/**
 * Words that may stand between the cue and the aid ("går nu med rollator", "kan kun gå 20 meter med
 * rullator", "skal have en ny plejeseng og lift", "får du bevilget ..."). Anything else ends the look-back,
 * so "en bil med lift" and "øvelser med lift" say nothing about anyone.
 */
export const AID_FILLERS = split(`
en et sin sit sine hans hendes din dit dine min mit mine deres jeres ny nyt nye manuel manuelle elektrisk
elektriske let lette høj lav i med af for til nu stadig også fortsat altid kun nogle gerne derfor desuden
dagligt inde ude indendørs udendørs hjemme du han hun jeg de vi bevilget meter m km skridt og eller samt a an
ellers mest primært oftest helst selv altid allerede to tre fire par gennem via ved forflytning forflytninger mad ernæring næring
`);

/**
 * Words in the line that opens a list of aids and says they are granted or handed out ("Vi bevilger efter
 * servicelovens § 116:", "Udleverede hjælpemidler:"): each listed aid is the person's.
 */
export const AID_GRANT_WORDS = split(`
bevilger bevilget bevilges bevilling bevillingen udleveret udleverede udleveres udlånt udlånte hjælpemidler
hjælpemiddel hjælpemidlerne
`);

/**
 * Findings that say something about health only with the body part they are on ("hævelse i anklen",
 * "brud på venstre skinneben", "opereret i højre hånd"); alone they are too often something else ("brud på
 * tavshedspligten", "en skade på bilen").
 */
export const FINDINGS = split(`
hævelse hævelsen hævelser hævet hævede hudafskrabning hudafskrabningen hudafskrabninger afskrabning
afskrabninger skramme skrammer flænge flængen rift rifter brud bruddet knoglebrud forbrænding forbrændingen
forbrændinger blodudtrædning blodudtrædninger bule bulen knude knuden knuder ømhed stivhed
føleforstyrrelser følelsesløshed prikken snurren fornemmelse fornemmelser rødme skade skaden skader læsion
svamp svampeinfektion opereret nyopereret opereres operere brækket brækkede forvredet vrikket
forstuvede fjernet bidt skærer skåret skar sammenfald plade pladen skrue skruer lymfeknuder lymfeknude forkalkning forkalkninger
slidtage nerveskade nervepåvirkning blodansamling væskeansamling
`);
/** Adjectives that belong to the finding's phrase ("sovende fornemmelse i fingrene", "betændt sår på ..."). */
export const FINDING_MODIFIERS = split(`
sovende prikkende snurrende stikkende brændende jagende dunkende murrende betændt betændte åbent åbne
`);
/** Words between the preposition and the body part ("på venstre albue", "i begge hænder", "på sin ene fod"). */
export const SIDE_WORDS = split(`venstre højre begge den det de hele ene nederste øverste ydre indre sin sit sine hans hendes en et`);

/**
 * Body parts in every form ("albue", "albuen", "albuer"), for findings, "ondt i ..." and "dårlige knæ".
 * Compounds of these are matched by their ending ("underbenet", "overarme").
 */
export const BODY_WORDS = split(`
albue albuen albuer albuerne skinneben skinnebenet ankel anklen ankler anklerne finger fingeren fingre fingrene
tommelfinger tommelfingeren hånd hånden hænder hænderne håndled håndleddet håndleddene arm armen arme armene
overarm overarmen overarme overarmene underarm underarmen underarme underarmene ben benet benene underben
underbenet underbenene lår låret lårene knæ knæet knæene fod foden fødder fødderne tå tåen tæer tæerne storetå
hæl hælen hæle hælene ryg ryggen lænd lænden nakke nakken skulder skulderen skuldre skuldrene hofte hoften
hofter hofterne lyske lysken bryst brystet brysterne mave maven hoved hovedet pande panden kind kinden kinder
kæbe kæben underkæben overkæben næse næsen øre øret ører ørerne øje øjet øjne øjnene læbe læben læberne tunge
tungen mund munden hals halsen krop kroppen hud huden ar arret led leddet leddene tand tanden tænder tænderne
kindtand kindtanden ribben ribbenet ribbenene hjerne hjernen hjerte hjertet lunge lungen lunger lungerne lever
leveren nyre nyren nyrer nyrerne blære blæren tarm tarmen tarme tarmene ansigt ansigtet balde balden ankelled
knæled knæleddet hofteled hofteleddet skulderled lårben lårbenet bækken bækkenet ryghvirvel ryghvirvler
kraveben kravebenet fingerled fingerleddet fingerleddene øjenlåg øjenlågene bughule bughulen underliv underlivet
livmoder livmoderen hjertemuskel hjertemuskelen rygsøjle rygsøjlen skulderblad skulderbladet håndflade håndfladen
`);

/** Falls: "faldet" counts with when, where or how often ("faldet i nat", "faldet fire gange"). */
export const FALL_WORDS = split(`faldet faldt`);
export const FALL_TIMES = split(`
nat natten går aftes morges dag weekenden hjemmet badeværelset soveværelset stuen køkkenet haven brusebadet gangen
trappen trapperne gulvet isen fortovet toilettet badet cyklen
`);
export const COUNT_WORDS = split(`en to tre fire fem seks syv otte ni ti flere mange adskillige gentagne nogle`);

/**
 * A reduced function of a body or mind ("nedsat reaktionsevne", "nedsat lungefunktion"); endings of the word
 * after "nedsat". Work and payment capacity ("nedsat arbejdsevne", "nedsat tid") are not health terms.
 */
export const REDUCED_FUNCTION_ENDINGS = split(`
reaktionsevne hukommelse hørelse hørelsen syn synet førlighed bevægelighed mobilitet balance energi appetit
koncentration koncentrationsevne kondition immunforsvar kraft kraften følelse følelsen funktion funktionen
funktionsevne gangfunktion lungefunktion nyrefunktion hjertefunktion leverfunktion synsevne hørevne talefunktion
følesans følesansen impulskontrol muskeltonus tonus muskelkraft gangdistance gangevne fingerfærdighed finmotorik grovmotorik kognition
`);
export const NOT_REDUCED_FUNCTION = split(`arbejdsevne erhvervsevne betalingsevne indtjeningsevne`);

/** Substances whose use is health information ("ryger hash", "har brugt heroin"), and whose sale is an offence. */
export const SUBSTANCES = split(`
hash heroin kokain amfetamin cannabis ecstasy mdma ketamin metamfetamin crack opium joints joint svampe spice
benzodiazepiner stoffer narko cigaretter e-cigaretter smøger snus skunk thc sprut
øl bajere snaps snapse vin rødvin hvidvin vodka whisky rom alkohol spiritus cider guldøl
`);
export const SUBSTANCE_USE_VERBS = split(`
ryger røg røget ryge bruger brugt brugte bruge tager tog taget tage indtager indtaget sniffer sniffet sniffede
forbrug brug positiv prøvet prøvede misbruger misbrugt drikker drukket drak drikke injicerer injiceret injicerede fixer fixet fixede sprøjter
`);
export const SUBSTANCE_TRADE_VERBS = split(`solgt sælger solgte sælge sælges handlet handler handle dealer dealet smuglet smugler smuglede`);

/** Offences named after "sag om", "straffesag om", "begået" ("en verserende sag om røveri"). */
export const OFFENCES = split(`
vold røveri røverier tyveri tyverier butikstyveri indbrud indbruddet hæleri hælervirksomhed narkotikahandel
narkohandel narkotikakriminalitet trusler hærværk voldtægt bedrageri dokumentfalsk brugstyveri spirituskørsel
promillekørsel narkokørsel vanvidskørsel knivbæring våbenbesiddelse overfald drab drabsforsøg manddrab
brandstiftelse afpresning stalking chikane blufærdighedskrænkelse krænkelse misbrug underslæb
`);
/** Words for a criminal case, and those allowed between it and "om" ("sag kørende om", "en verserende straffesag om"). */
export const CASE_WORDS = split(`sag sagen straffesag straffesagen retssag retssagen sigtelse sigtelsen anklage tiltale tiltalen`);
export const CASE_FILLERS = split(`kørende verserende igangværende ny anden tidligere`);
export const CRIMINAL_ACT_VERBS = split(`stjålet stjal stjæler stjæle begået begik begår`);
