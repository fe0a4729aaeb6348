/**
 * More vocabulary of the special categories (GDPR Art. 9), mainly health, for case notes, letters, e-mails and
 * minutes: rarer diagnoses, English words in mixed-language mails, aids, procedures and drug brands. Every word here
 * is new: none is a word or phrase of special.ts or findings.ts (a few are compound endings there, which never match
 * the bare word). Lower case except the acronyms; only MORE_HEALTH_TERMS is meant for `inflect`. Words that are
 * common in a non-health sense in municipal text are left out on purpose.
 */
const split = (s: string): string[] => s.trim().split(/\s+/);

/** More Danish diagnoses, conditions, symptoms and findings (base forms; inflected by `inflect`). */
export const MORE_HEALTH_TERMS = split(`
hjernebetændelse encephalitis encefalitis hjernesvulst hjerneødem hydrocephalus hydrocefalus vandhoved
neurofibromatose ataksi ataxi dystoni chorea huntingtons polyneuropati myasteni myopati myositis polymyositis
dermatomyositis neuroborreliose borreliose facialisparese ansigtslammelse bellsparese trigeminusneuralgi rygmarvsskade
rygmarvsskadet tværsnitslammelse tværsnitslammet tetraplegi tetraplegiker paraplegiker hemiparese parese monoparese
diplegi rygmarvsbrok myelomeningocele syringomyeli hjerneabsces subaraknoidalblødning cerebralparese spastisk
epilepsianfald krampeanfald feberkramper absenceanfald absenceepilepsi katapleksi rystelammelse tremor demenssygdom
alzheimerdemens frontallapsdemens hjerneskadet senhjerneskadet kranietraume hukommelsessvækkelse desorientering
bevidsthedssvækkelse synkope polio neuropatisk hjerteflimren atrieflagren forkammerflimren hjerterytmeforstyrrelse
arytmi takykardi bradykardi ekstrasystoler myokarditis perikarditis endokarditis hjertesækbetændelse hjerteklapfejl
klapfejl aortastenose mitralinsufficiens aortainsufficiens kardiomyopati hjerteforstørrelse hjerteinsufficiens
venetrombose lungeemboli emboli åreforkalkning aterosklerose arteriosklerose karforkalkning hjertekarsygdom
hjerte-kar-sygdom hypotension hypertoni hypotoni åreknuder varicer claudicatio vindueskiggersyge iskæmi hjerteiskæmi
aortaaneurisme lungeødem raynauds hjertesyg blodtryksfald sarkoidose pneumoni bronkiektasi bronkiolitis
lungehindebetændelse pleuritis pneumothorax lungekollaps kighoste strubehoste astmaanfald høfeber
respirationsinsufficiens hypoxi stakåndet stakåndethed astmatisk hæmoptyse lungetransplanteret lungefibrose
kortåndethed forkølelse forkølet nyresten nyreinsufficiens nyrebetændelse glomerulonefritis cystenyrer
nyretransplanteret dialysepatient proteinuri hæmaturi urinretention blæresten prostataforstørrelse urininkontinens
afføringsinkontinens enurese enkoprese vandladningsbesvær prostatitis hypothyreose hyperthyreose stofskiftesygdom
struma hashimotos basedows myksødem addisons cushings binyrebarkinsufficiens hypoglykæmi hyperglykæmi insulinchok
ketoacidose diabetisk prædiabetes insulinresistens akromegali væksthormonmangel dværgvækst hypogonadisme
hyperparathyreoidisme hypoparathyreoidisme hirsutisme gynækomasti osteomalaci rakitis hypofysetumor prolaktinom
adipositas sukkersyg stofskifteforstyrrelse hyperkolesterolæmi hyperlipidæmi galaktosæmi fenylketonuri mavesår ulcus
duodenalsår gastritis mavekatar refluks halsbrand spiserørsbetændelse øsofagitis hiatushernie mellemgulvsbrok
galdesten galdestensanfald galdeblærebetændelse pankreatitis bugspytkirtelbetændelse blindtarmsbetændelse appendicitis
divertikulitis divertikler hæmorider analfissur fistel endetarmsfistel tarmslyng tarmobstruktion ileus tarmperforation
laktoseintolerans glutenintolerans glutenallergi fødevareallergi nøddeallergi jordnøddeallergi mælkeallergi
mavetarminfektion roskildesyge maveinfluenza norovirus salmonella campylobacter obstipation mavekramper oppustethed
dyspepsi fordøjelsesbesvær melæna tarmblødning leverbetændelse fedtlever hæmokromatose cholangitis kolostomi ileostomi
urostomi kolitis tyktarmskatar tarmkatar spiserørskræft leverkræft galdegangskræft korttarmssyndrom spinalstenose
spondylolistese spondylose spondylartrit bekhterevs skiveprolaps lumbago hekseskud ischias polymyalgi lupus
sklerodermi vaskulitis kæmpecellearteritis tendinitis senebetændelse tennisalbue golfalbue musearm karpaltunnelsyndrom
springfinger dupuytrens skulderluksation luksation ledskred achillesseneruptur seneruptur muskelbristning
fibersprængning hælspore fasciitis knyster platfod hammertå klumpfod hofteluksation hoftedysplasi scheuermanns kyfose
osteopeni kompressionsfraktur fraktur lårbenshalsbrud collumfraktur bækkenbrud hvirvelbrud kraniebrud træthedsbrud
stressfraktur osteomyelitis knoglebetændelse ledbetændelse gigtsygdom psoriasisgigt podagra hypermobilitet
ehlers-danlos marfans glasknogler muskelsvaghed muskelspændinger myoser ledsmerter ledstivhed muskelsmerter sarkopeni
rygskade skulderskade knæskade skiveudbulning makuladegeneration katarakt nethindeløsning retinopati keratokonus
nystagmus strabismus amblyopi øjenbetændelse konjunktivitis bindehindebetændelse regnbuehindebetændelse iritis uveitis
synshandicap synshandicappet svagsynethed farveblindhed natteblindhed optikusneuritis synsnervebetændelse dobbeltsyn
synsforstyrrelse synsfeltudfald hemianopsi øjensygdom mellemørebetændelse otitis øregangsbetændelse hørehandicap
hørehandicappet hørehæmmet tunghør tunghørhed menières svimmelhedsanfald krystalsyge vertigo labyrintitis otosklerose
trommehindeperforation hyperakusis lydoverfølsomhed børneeksem kontakteksem håndeksem urticaria nældefeber rosacea
akne hidradenitis vitiligo impetigo børnesår hovedlus fodsvamp neglesvamp ringorm vorte fodvorte herpes forkølelsessår
helvedesild skoldkopper mæslinger fåresyge modermærkekræft basalcellekarcinom hudkræft brandsår frostskade koldbrand
gangræn cellulitis erysipelas hyperhidrose dermatitis seborrhoisk hudsygdom alopeci pletskaldethed influenza
coronavirus coronasmittet rs-virus syfilis gonoré klamydia kønssygdom kønsvorter malaria denguefeber tyfus kolera
difteri stivkrampe meningokokker mononukleose kyssesyge halsbetændelse streptokokker skarlagensfeber mandelbetændelse
bihulebetændelse sinuitis tandkødsbetændelse gingivitis børneorm springorm flåtbid hånd-fod-mund-sygdom covid-smittet
corona-smittet hiv-smitte skizoaffektiv tvangslidelse obsessiv-kompulsiv posttraumatisk dissociation dissociativ
depersonalisation derealisation bipolar unipolar dystymi cyklotymi hypomani psykoselidelse skizotypi skizotypisk
stemmehøring selvmordsadfærd selvmordsplaner selvmordstrussel suicidalitet agorafobi klaustrofobi socialfobi
tandlægeskræk emetofobi hypokondri helbredsangst somatisering tilknytningsforstyrrelse tvangsspisning ortoreksi
trikotillomani søvnforstyrrelse døgnrytmeforstyrrelse søvngængeri benzodiazepinmisbrug pillemisbrug medicinmisbrug
kokainpsykose hashpsykose korsakoffs alkoholdemens alkoholskadet gamingafhængighed spilafhængighed sexafhængighed
angstsymptomer depressionssymptomer sindslidelse sindslidende sindssyg sindssygdom psykoseramt angstramt
depressionsramt skizofrenidiagnose paniklidelse angstneurose tvangstanke autismespektrumforstyrrelse
udviklingsforstyrrelse retardering retarderet udviklingsforsinkelse udviklingsforsinket sprogforsinkelse
taleforsinkelse sprogforstyrrelse dysfasi dysartri apraksi hyperaktivitet opmærksomhedsforstyrrelse
sansebearbejdningsforstyrrelse trisomi prader-willi angelmans noonans klinefelters achondroplasi mikrocefali
makrocefali læbe-kæbe-ganespalte hareskår dravets hæmofili blødersygdom seglcelleanæmi thalassæmi thalassemi
sfærocytose neutropeni trombocytopeni leukopeni mitokondriesygdom muskelhypotoni hypoton udviklingshæmmede
hjerneskadede præeklampsi eklampsi svangerskabsdiabetes graviditetsdiabetes hyperemesis infertilitet sterilitet
præmatur præmaturitet fødselsskade fødselstraume moderkageløsning dødfødsel dødfødt mastitis brystbetændelse højgravid
endometriose adenomyose menstruationssmerter menstruationsforstyrrelse menopause overgangsalder hedeture livmoderkræft
livmoderhalskræft æggestokkræft celleforandringer fibrom underlivsbetændelse skedesvamp bækkenbundsproblemer
graviditetskomplikation testikelkræft rejsningsproblemer impotens hypospadi svangerskabsuge abortforløb epifysiolyse
vækstforstyrrelse spisevægring faldtendens immobilitet gangbesværet gangdårlig bevægelseshandicap
bevægelseshandicappet bevægelseshæmmet funktionsnedsat multihandicappet multihandicap kræftramt kræftsyg kræftpatient
cancerpatient kræftsygdom metastase metastaseret palliativ glioblastom gliom astrocytom meningeom neuroblastom
medulloblastom osteosarkom myelomatose mesoteliom adenokarcinom basaliom karcinoid lymfekræft blodkræft hjernekræft
kræftknude kræftsvulst polycytæmi myelofibrose lymfødem hodgkin-lymfom non-hodgkin-lymfom knoglemarvskræft
bugspytkirtelkræft mavekræft nyrekræft blærekræft strubekræft mundhulekræft parodontitis tandtab tandskade
tandkødsblødning tandslid kæbeledsproblemer tandpine tandkødsproblemer hallucination migræneanfald spændingshovedpine
klyngehovedpine brystsmerter nervesmerter fantomsmerter mavepine ørepine øresmerter halssmerter hæshed synkesmerter
opkast nattesved svedeture kulderystelser febril temperaturforhøjelse commotio hovedtraume hjernetraume neglekt
afatisk paretisk krampetilbøjelighed sklerosepatient parkinsonisme demensramt alzheimerpatient hjertepatient
hjertekarsygdomme kredsløbssvigt kol-patient lungepatient tørhoste iltkrævende nyrepatient dialysekrævende myxødem
thyreotoksikose thyreoiditis insulinkrævende insulinbehandlet gastroenteritis enteritis proktitis ascites levercirrose
polyp tarmpolypper fissur diarre sondeernæret lændeprolaps nakkeprolaps gigtpatient skulderinstabilitet
ledinstabilitet korsbåndsruptur whiplashskadet benlængdeforskel knæskalsluksation underarmsbrud skinnebensbrud
overarmsbrud kompressionsbrud nakkebrud halshvirvelbrud ryghvirvelbrud albuebrud kæbebrud næsebrud synshæmmet synstab
øjenbundsforandringer høreskadet hørehæmning døvfødt tegnsprogsbruger eksemudbrud psoriasisudbrud ichthyose
fiskeskælshud diabetessår tuberkuløs tb-smittet aids-syg mrsa-positiv mrsa-bærer esbl-positiv covid-positiv
coronapositiv kondylomer herpesudbrud scabies depressionsperiode angstpatient angstdæmpende nervesammenbrud
stressbetinget stresssymptomer tilpasningsforstyrrelse adfærdsforstyrrelse traumereaktion psykosetruet selvmordsfare
selvmordstanke narkoman hashryger alkoholisme alkoholpsykose overdosis overdosering autismediagnose adhd-diagnose
talevanskeligheder autismespektrum autismelignende graviditetsuge fosterskade misdannelse kromosomfejl
kromosomafvigelse svangerskabsafbrydelse ufrugtbar ufrugtbarhed fødselskomplikation efterfødselsreaktion
barselsdepression graviditetsforgiftning svangerskabskvalme tvillingegraviditet risikograviditet plejekrævende
plejepatient døende uhelbredelig kroniker funktionstab invaliditet invaliderende kræftoperation cyste lipom fedtknude
carcinom kariesangreb bidfejl mundsvamp tandlægeangst odontofobi kæbeledsdysfunktion tænderskæren bruksisme blodopspyt
åndedrætsbesvær hovedsmerter bækkensmerter underlivssmerter bensmerter fodsmerter knæsmerter hoftesmerter
skuldersmerter ledhævelse muskelkramper kuldegysninger hedestigninger feberreaktion hosteanfald åndenødsanfald
besvimelsesanfald krampetilfælde bevidsthedstab hukommelsessvigt tyggebesvær balancebesvær koordinationsbesvær
føleforstyrrelse kraftnedsættelse kraftesløshed appetitløs spisebesvær madlede brækfornemmelser mavebesvær
blødningsforstyrrelse hjertestik brysttrykken væskeophobning vandophobning allergiker allergisk anafylaksi
diabetespatient transplanteret levertransplanteret hjertetransplanteret benamputeret armamputeret stomiopereret
hjerteopereret rygopereret knæopereret hofteopereret skulderopereret hjerneopereret kræftopereret stæropereret
respiratorbehandlet dialysebehandlet kemobehandlet strålebehandlet medicineret overmedicineret immunsvækket
immundefekt autoimmun mukopolysakkaridose gauchers fabrys friedreichs charcot-marie-tooth duchennes osgood-schlatter
guillain-barré lennox-gastaut behçets pagets wegeners perthes sjögrens bechterews retts downsyndrom down-syndrom
tourettesyndrom døvstum hørehæmmede fødselslammelse overvægtig undervægtig fejlernæret underernæret dehydreret
hjerteanfaldet
`);

/** More English conditions, symptoms, procedures and aids as written in mixed-language mails (not inflected). */
export const MORE_ENGLISH_HEALTH_TERMS = split(`
tuberculosis eczema gout burnout hypothyroidism hyperthyroidism hypothyroid hyperthyroid thyroid asthma bronchitis
pneumonia emphysema fibrosis sarcoidosis apnoea apnea migraine migraines nausea vomiting diarrhoea diarrhea
constipation dizziness dizzy fatigue insomnia depressed schizophrenic psychosis psychotic psychiatric hallucinating
delusions manic mania hypomania catatonic agoraphobia claustrophobia phobia hypochondria stimming neurodivergent
self-harm self-harming selfharm overdose overdosed addiction addicted alcoholism rehab obesity obese underweight
malnutrition malnourished anorexia anorexic bulimia bulimic allergies allergic anaphylaxis anaphylactic
inhaler inhalers nebuliser nebulizer tracheostomy transplant cirrhosis jaundice gallstones pancreatitis hernia
haemorrhoids hemorrhoids ulcer ulcers reflux heartburn indigestion bloating colostomy ileostomy stoma ostomy catheter
coeliac celiac diverticulitis aneurysm haemorrhage hemorrhage thrombosis embolism arrhythmia tachycardia bradycardia
palpitations cardiomyopathy hypoglycaemia hypoglycemia hyperglycaemia hyperglycemia ketoacidosis osteoarthritis
rheumatoid fibromyalgia sciatica scoliosis tendonitis bursitis sprain sprained dislocated dislocation fractures
amputee amputated prosthesis prostheses prosthetic orthosis orthoses orthotics splint splints crutches wheelchairs
stairlift commode dentures denture glaucoma cataract cataracts keratoconus retinopathy blindness deaf deafness
deafblind hearing-impaired eczematous acne shingles chickenpox measles mumps rubella chlamydia gonorrhoea gonorrhea
syphilis covid-19 flu tumour tumours leukaemia leukemia lymphoma melanoma carcinoma sarcoma myeloma glioma
glioblastoma metastatic malignant benign chemo mastectomy lumpectomy hysterectomy biopsy colonoscopy endoscopy
gastroscopy bronchoscopy arthroscopy laparoscopy angioplasty angiogram mammogram ultrasound x-ray x-rays immunotherapy
transfusion intubation intubated resuscitated anaemia anemia anaemic anemic haemophilia hemophilia thalassaemia
thalassemia neutropenia immunocompromised immunosuppressed seizure convulsions neuropathy neuralgia sclerosis
paralysis quadriplegic paraplegic tetraplegic hemiplegia hemiplegic spasticity dystonia ataxia narcolepsy cataplexy
sleepwalking bedwetting enuresis encopresis miscarried stillbirth stillborn preeclampsia pre-eclampsia eclampsia
infertility infertile caesarean cesarean c-section postnatal postpartum prematurity menopausal endometriosis impotence
bedridden bedsores hospitalised hospitalized hospitalisation hospitalization outpatient inpatient physio therapy
psychotherapy surgery surgeries surgical postoperative post-operative anaesthetic anaesthesia anesthesia sedation
sedated coma comatose fainted fainting nauseous feverish fever cough coughing wheezing breathless breathlessness
numbness tingling spasms cramps limping stutter stuttering nonverbal non-verbal disability disabilities handicapped
wheelchair-bound dysphagia aphasia dysarthria apraxia dysphasia microcephaly hypotonia hypermobility osteopenia
gangrene infection infections vaccinated unvaccinated backache toothache earache stomachache renal cardiac pulmonary
neurological neurodevelopmental traumatised traumatized trauma illness illnesses disease diseases
injured medication medications epilepsies dementias schizoaffective suicidality periodontitis dyslexic dysgraphia
hyperactivity inattentive neurodiversity lymphedema lymphoedema oedema edema swollen swelling bruising bruises itching
psoriatic hypoxia hypoxic hypertensive hypotensive stent stents shunt glucometer catheterised catheterized dialysed
pregnancies cystitis pyelonephritis nephritis meningioma neuroblastoma mesothelioma osteosarcoma immunodeficiency
lactose-intolerant diabetics epileptics asthmatics amputees paraplegics quadriplegics alcoholics addicts junkie
junkies overdoses arthritic rheumatism candidiasis tonsillitis sinusitis laryngitis conjunctivitis labyrinthitis
concussions infarction myocarditis pericarditis endocarditis nephropathy neuropathic myopathy myasthenia dystrophy
spondylitis spondylosis stenosis herniation abscesses fistula
`);

/** More medication: generic names (Danish and English spelling), drug classes and brands marketed in Denmark. */
export const MORE_MEDICATIONS = split(`
morphine oxycodone hydromorfon hydromorphone palladon ketobemidon buprenorphine methadone codeine petidin pethidine
naloxone naltrexone nalmefen acetaminophen etoricoxib celecoxib ketoprofen meloxicam acetylsalicylsyre aspirin
dolcontin matrifen instanyl abstral depolan temgesic transtec butrans nortriptylin imipramin klomipramin anafranil
qutenza lidokain lidocaine versatis emla xylocain brufen buscopan agomelatin vortioxetin bupropion trazodon mianserin
tolvon moclobemid aurorix esketamin spravato litarex flupentixol zuclopenthixol klorprotixen chlorprothixen
levomepromazin perphenazin trilafon pimozid sertindol serdolect ziprasidon amisulprid solian cariprazin reagila
brexpiprazol rxulti asenapin sycrest zypadhera clopixol buspiron hydroxyzin atarax promethazin clonazepam klonazepam
lorazepam nitrazepam flunitrazepam rohypnol klordiazepoxid chlordiazepoxid clobazam zolpidem zaleplon slenyto
dexamfetamin modafinil modiodal guanfacin clonidin catapresan disulfiram vareniclin espranor buvidal galantamin
reminyl leqembi lecanemab sertraline fluoxetine paroxetine venlafaxine duloxetine mirtazapine olanzapine quetiapine
risperidone aripiprazole clozapine paliperidone lurasidone zopiclone methylphenidate atomoxetine lisdexamfetamine
memantine rivastigmine galantamine amitriptyline hydroxyzine promethazine clonidine guanfacine acamprosate varenicline
antidepressants antipsychotics benzodiazepine benzodiazepines benzos opioids opiates painkillers sedatives sedative
antiepileptika antihistamin antihistaminer neuroleptika neuroleptikum benzodiazepin opioider opiater morfika
antipsykotikum antidepressivum cytostatika p-pille p-piller fortrydelsespille nervepiller valproate natriumvalproat
lamotrigine carbamazepine oxcarbazepine topiramate brivaracetam briviact lacosamid lacosamide zonisamid perampanel
fycompa eslicarbazepin zebinix topamax ethosuximid zarondan fenytoin phenytoin fenobarbital phenobarbital primidon
vigabatrin sabrilex rufinamid inovelon stiripentol diacomit cannabidiol epidyolex fenfluramin fintepla cenobamat
ontozry midazolam sultiam ospolot everolimus votubia afinitor dimethylfumarat natalizumab ocrelizumab ofatumumab
fingolimod siponimod mayzent ponesimod ponvory ozanimod zeposia cladribin teriflunomid glatirameracetat interferon
avonex rebif betaferon plegridy lemtrada alemtuzumab rituximab mabthera fampridin fampyra sativex baklofen baclofen
lioresal tizanidin tizanidine sirdalud dantrolen botulinumtoksin dysport xeomin sumatriptan rizatriptan maxalt
zolmitriptan zomig eletriptan relpax naratriptan naramig almogran erenumab fremanezumab galcanezumab eptinezumab
vydura rimegepant atogepant levodopa carbidopa benserazid entakapon comtess opikapon ongentys pramipexol ropinirol
rotigotin neupro rasagilin selegilin eldepryl safinamid amantadin apomorfin apo-go duodopa lecigon produodopa riluzol
pyridostigmin mestinon efgartigimod vyvgart soliris eculizumab ultomiris ravulizumab tetrabenazin betahistin betaserc
scopoderm postafen spinraza nusinersen zolgensma evrysdi risdiplam pulmozyme dornase orkambi symkevi bramitob
colobreathe cayston genotropin norditropin omnitrope somatropin sogroya increlex testogel testosteron testosterone
nebido eligard zoladex leuprorelin goserelin procren decapeptyl firmagon degarelix casodex bicalutamid zytiga
abirateron xtandi enzalutamid erleada apalutamid nubeqa darolutamid tamoxifen letrozol letrozole femar anastrozol
anastrozole arimidex exemestan aromasin herceptin trastuzumab perjeta pertuzumab kadcyla enhertu ibrance palbociclib
kisqali ribociclib verzenios abemaciclib keytruda pembrolizumab opdivo nivolumab yervoy ipilimumab tecentriq
atezolizumab imfinzi durvalumab avastin bevacizumab erbitux cetuximab tagrisso osimertinib glivec imatinib sprycel
dasatinib tasigna nilotinib imbruvica ibrutinib calquence venclyxto venetoclax revlimid lenalidomid darzalex
daratumumab velcade bortezomib xeloda capecitabin fluorouracil cisplatin carboplatin oxaliplatin docetaxel paclitaxel
cyklofosfamid cyclophosphamide doxorubicin epirubicin gemcitabin vinkristin temozolomid temodal lynparza olaparib
zejula niraparib sutent sunitinib nexavar votrient lenvima cabometyx inlyta mekinist tafinlar braftovi lonsurf jakavi
ruxolitinib metoject hydroxycarbamid mercaptopurin thioguanin adalimumab amgevita hyrimoz imraldi hulio yuflyma idacio
infliximab remsima inflectra flixabi zessly etanercept benepali erelzi cimzia certolizumab simponi golimumab roactemra
tocilizumab kevzara sarilumab orencia abatacept olumiant baricitinib xeljanz tofacitinib rinvoq upadacitinib jyseleca
filgotinib cosentyx secukinumab taltz ixekizumab stelara ustekinumab tremfya guselkumab skyrizi risankizumab ilumetri
tildrakizumab bimzelx bimekizumab otezla apremilast entyvio vedolizumab dupixent dupilumab adtralza tralokinumab
xolair omalizumab nucala mepolizumab fasenra benralizumab tezspire salazopyrin sulfasalazin plaquenil
hydroxychloroquin hydroxychloroquine arava leflunomid imurel azathioprin azathioprine cellcept mycophenolat
mykofenolat ciclosporin sandimmun tacrolimus prograf advagraf envarsus sirolimus rapamune prednison prednisone
solu-medrol depo-medrol dexamethason hydrokortison hydrocortisone florinef fludrokortison plenadren budesonid
budesonide entocort budenofalk asacol pentasa mesalazin mesalazine salofalk octasa mezavant methotrexate prednisolone
esomeprazol lansoprazol rabeprazol ranitidin famotidin ondansetron zofran metoclopramid metoclopramide primperan
domperidon motilium laxoberal natriumpicosulfat bisacodyl dulcolax magnesiumoxid lactulose loperamid loperamide
relistor moventig linzess resolor prucaloprid ursodeoxycholsyre ursofalk ocaliva rifaximin xifaxan vancomycin
fidaxomicin dificlir omeprazole pantoprazole lansoprazole esomeprazole sitagliptin vildagliptin galvus eucreas janumet
linagliptin trajenta jentadueto empagliflozin dapagliflozin canagliflozin invokana synjardy xigduo liraglutid
dulaglutid exenatid byetta bydureon tirzepatid lixisenatid lyxumia soliqua xultophy glargin semglee degludec detemir
lyumjev apidra humulin insuman mixtard glibenclamid gliclazid glipizid mindiab amaryl pioglitazon baqsimi glucagen
glukagon glucagon ogluo semaglutide atenolol tenormin nebivolol hypoloc labetalol sotalol sotacor flecainid tambocor
dronedaron multaq verapamil diltiazem cardizem nifedipin adalat felodipin plendil lercanidipin zanidip enalapril
renitec lisinopril zestril captopril perindopril coversyl candesartan valsartan diovan irbesartan aprovel telmisartan
micardis olmesartan entresto sacubitril eplerenon inspra hydrochlorthiazid bendroflumethiazid indapamid natrilix
bumetanid torasemid amilorid moduretic aldactone ivabradin procoralan ranolazin ranexa isosorbidmononitrat glytrin
nitrolingual rosuvastatin pravastatin zocor ezetimib repatha evolocumab praluent alirocumab leqvio inclisiran
ticagrelor prasugrel efient dabigatran edoxaban heparin fragmin dalteparin innohep tinzaparin klexane enoxaparin
fondaparinux arixtra phenprocoumon marcoumar hjertealbyl midodrin gutron fludrocortison sildenafil viagra tadalafil
cialis vardenafil levitra bosentan tracleer ambrisentan opsumit macitentan uptravi adempas revatio amlodipine
furosemide amiodarone spironolactone hydrochlorothiazide formoterol oxis salmeterol serevent tiotropium umeclidinium
incruse anoro trelegy glycopyrronium seebri aclidinium bretaris duaklir indacaterol onbrez fluticason fluticasone
beclometason alvesco ciclesonid singulair terbutalin ipratropium buventol bufomix duoresp flutiform innovair inuxair
dymista avamys nasonex rhinocort mometason desloratadin bilastin fexofenadin levocetirizin xyzal clarityn grazax
acarizax itulazax alutard roflumilast daxas azithromycin theophyllin esbriet pirfenidon ofev nintedanib ventolin
cetirizine loratadine montelukast zinacef cefuroxim ceftriaxon cefalexin keflex meropenem piperacillin tazocin
gentamicin clindamycin dalacin erythromycin clarithromycin klacid roxithromycin surlid ciprofloxacin moxifloxacin
levofloxacin trimethoprim sulfamethoxazol nitrofurantoin flagyl rifampicin isoniazid pyrazinamid ethambutol fosfomycin
linezolid zyvoxid tetracyklin lymecyclin tetralysal fusidinsyre mupirocin bactroban aciclovir acyclovir zovirax
valaciclovir valtrex famciclovir oseltamivir tamiflu paxlovid remdesivir veklury fluconazol fluconazole diflucan
itraconazol terbinafin lamisil nystatin mycostatin miconazol daktarin pevaryl canesten clotrimazol ivermectin
stromectol permethrin vermox mebendazol malarone lariam atovaquon doxycycline metronidazole antibiotics dolutegravir
tivicay bictegravir raltegravir isentress darunavir prezista rezolsta symtuza odefsey eviplera atripla juluca vocabria
cabotegravir rekambys efavirenz rilpivirin doravirin pifeltro delstrigo abacavir lamivudin zidovudin kivexa epclusa
harvoni maviret sovaldi vosevi zepatier sofosbuvir vemlidy baraclude entecavir viread alfuzosin xatral finasterid
finasteride proscar dutasterid avodart duodart solifenacin tolterodin oxybutynin kentera desmopressin minirin
fesoterodin toviaz trospium levothyroxin levothyroxine liothyronin thiamazol propylthiouracil carbimazol estradiol
vagifem estrogel divigel progesteron utrogestan cyproteron androcur lenzetto activelle femoston trisekvens kliogest
indivina ovestin dienogest visanne tibolon livial risedronat optinate zoledronsyre denosumab xgeva teriparatid forsteo
movymia evenity romosozumab calcitriol etalpha alfacalcidol unikalk cyanocobalamin betolvex behepan ferinject monofer
venofer duroferon erythropoietin epoetin aranesp eprex mircera neorecormon mirena kyleena jaydess nexplanon implanon
depo-provera nuvaring ellaone norlevo postinor eltrombopag revolade nplate hemlibra advate novoseven elocta alprolix
idelvion siklos exjade ferriprox desferal febuxostat adenuric kolkicin colchicin colchicine thiamin b-combin
alendronate travatan xalacom azopt trusopt alphagan brimonidin ganfort duotrav simbrinza dorzolamid brinzolamid
bimatoprost travoprost pilokarpin lucentis ranibizumab eylea aflibercept vabysmo faricimab beovu brolucizumab ozurdex
kloramfenikol chloramphenicol fucithalmic maxitrol elidel pimecrolimus dermovat clobetasol betnovat betametason
enstilar daivonex calcipotriol xamiol isotretinoin roaccutan isotrex differin epiduo soolantra rozex finacea skinoren
aldara imiquimod efudix neotigason acitretin
`);

/** More aids and devices (hjælpemidler), in base, definite and plural forms (not inflected). */
export const MORE_AIDS = split(`
transportkørestol transportkørestolen transportkørestole komfortkørestol komfortkørestolen komfortkørestole
el-kørestole el-kørestolene elkørestole elscooter elscooteren elscootere badetoiletstol badetoiletstolen
badetoiletstole toiletstole badebænke badetaburetter toiletforhøjere toiletstøttearm toiletstøttearme gribetang
gribetangen strømpepåtagere strømpepåtageren ståstativ ståstativet ståstativer stålift ståliften rullatorerne
gangstativer gangstativerne albuestok albuestokken krykke krykken krykstok krykstokke ortose ortosen ortoser ortoserne
fodortose knæortose håndortose ankelortose albueortose benskinne natskinne korsettet halskrave halskraven
kompressionsstrømpe kompressionsærme kompressionsbandage benproteser armproteser brystprotese
tandprotese tandprotesen tandproteser gebis gebisset cochlear-implantatet implantatet førerhund førerhunden førerhunde
servicehund servicehunden blindestok blindestokken iltkoncentratoren iltkoncentratorer iltflasken iltbrille iltbrillen
iltbriller hostemaskine hostemaskinen hosteassistent sugeapparat sugeapparatet respiratorbruger respiratorbrugere
niv-maske niv-masken cpap-apparat cpap-apparatet forstøver forstøveren peakflowmåler blodsukkerapparat blodsukkermåler
blodsukkermåleren glukosemåler dexcom omnipod insulinpenne insulinpennen morfinpumpe morfinpumpen smertepumpe
smertepumpen medicinpumpe ernæringspumpe sondepumpe mavesonde mavesonden næsesonde næsesonden
ernæringssonden katetre blærekatetret topkateter topkatetret urinpose urinposen urinposer uridom uridomer
stomiprodukter stomiplade bleerne inkontinensble inkontinensbleer voksenble voksenbleer inkontinensprodukter
bækkenstole plejesengene hospitalsseng hospitalssengen vendelagen vendelagenet glidelagen tryksårsmadras
tryksårsmadrassen antidecubitusmadras vekseltryksmadras trykaflastningspude personløftere loftlifte mobillift
mobilliften badekarssæde brusestol brusestolen specialklapvogn specialklapvognen specialklapvogne handicapcykel
handicapbil handicapbilen kørestolsrampe trappemaskine trappelifte vendeplade forflytningsbælte gangbælte
hoftebeskytter hoftebeskyttere nødkald faldalarm epilepsialarm epilepsialarmen anfaldsalarm sengealarm kugledyne
kugledynen kædedyne kædedynen tyngdedyne tyngdedynen talemaskine taleapparat elektrolarynx stemmeprotese
synshjælpemidler hørehjælpemidler ganghjælpemidler ganghjælpemiddel specialbestik tallerkenkant tudekop
fortykningsmiddel ernæringsdrik ernæringsdrikke sengehest sengegrind fodindlæg specialsko diabetessko
høreapparatbruger shunten port-a-cath picc-line dialysekateter nefrostomi nefrostomikateter iltudstyr gangvognene
krykkestok rollatorbruger rollatorbrugere elkørestolene transportstol blebukser gangstol talecomputeren
kommunikationshjælpemiddel øjenprotese
`);

/** Operations, scans, tests and treatments as single words, in base and definite forms (not inflected). */
export const MORE_PROCEDURES = split(`
stapedotomi stapedotomien thymektomi thymektomien lungefunktionsmåling lungefunktionsmålingen lungefunktionstest
lungefunktionstesten spirometri spirometrien nerveledningsundersøgelse nerveledningsundersøgelsen
nerveledningsundersøgelser elektromyografi ekkokardiografi ekkokardiografien hjertescanning hjertescanningen
holtermonitorering holtermonitoreringen blodprøve blodprøven blodprøver blodprøverne
afføringsprøve afføringsprøven væskebehandling væskebehandlingen dialysebehandling dialysebehandlingen hæmodialyse
hæmodialysen peritonealdialyse peritonealdialysen hjemmedialyse posedialyse kolonoskopi kolonoskopien koloskopi
koloskopien gastroskopi gastroskopien endoskopi endoskopien bronkoskopi bronkoskopien cystoskopi cystoskopien
artroskopi artroskopien kikkertoperation kikkertoperationen laparoskopi mammografi mammografien ultralydsundersøgelse
ultralydsundersøgelsen mr-skanning mr-skanningen ct-skanning ct-skanningen pet-ct
scintigrafi knoglescanning knogleskanning dexa-scanning angiografi koronarangiografi ballonudvidelse ballonudvidelsen
hjerteklapoperation kardioversion kardioversionen ablation ablationen ect-behandling elektrochok elektrochokbehandling
appendektomi cholecystektomi galdeblæreoperation mastektomi hysterektomi prostatektomi tonsillektomi thyroidektomi
nefrektomi kolektomi splenektomi lobektomi gastrektomi vasektomi kønsskifteoperation fedmeoperation fedmeoperationen
sleeve-operation brystrekonstruktion lumpektomi stomioperation nyretransplantation levertransplantation
hjertetransplantation lungetransplantation knoglemarvstransplantation stamcelletransplantation diskusoperation
afstivningsoperation spondylodese laminektomi korsbåndsoperation kataraktoperation stæroperation stæroperationen
laserbehandling injektionsbehandling øjeninjektion øjeninjektioner paracentese polypfjernelse tandudtrækning
visdomstandsoperation tandkirurgi immunterapi antistofbehandling hormonbehandling hormonbehandlingen protonterapi
brachyterapi stamcellebehandling kemokur kemokuren kemokure knoglemarvsundersøgelse lumbalpunktur lumbalpunkturen
rygmarvsprøve vævsprøve vævsprøven celleprøve celleprøven gentest gentesten kromosomundersøgelse fostervandsprøve
moderkageprøve nakkefoldsscanning misdannelsesscanning fertilitetsbehandling fertilitetsbehandlingen insemination
ivf-behandling ægudtagning kejsersnittet epiduralblokade rygmarvsbedøvelse lokalbedøvelse nerveblokade smerteblokade
infusion infusionen plasmaferese iltterapi inhalationsbehandling intuberet respiratorbehandling respiratorbehandlingen
sedering sederet ridefysioterapi ergoterapi logopædi
psykoterapi samtaleterapi traumeterapi lysterapi eksponeringsterapi afvænning vaccineret uvaccineret
kompressionsbehandling lymfedrænage stomipleje kateterpleje stomianlæggelse gipsbandage
hjertekateterisation ekg-undersøgelse eeg-undersøgelse søvnundersøgelse søvnregistrering allergitest
priktest hudtest høreprøve høretest høreundersøgelse synsprøve synsundersøgelse øjenundersøgelse neuropsykologisk
neuropsykologiske autismeudredning adhd-udredning demensudredning hukommelsesudredning medicinjustering
medicinomlægning medicingennemgang dialyseforløb kræftbehandling kræftforløb kemoforløb operationsforløb
pacemakeroperation
`);

/** Multi-word Danish health terms, words separated by one space. */
export const MORE_HEALTH_PHRASES = [
  'irritabel tyktarm',
  'sjögrens syndrom',
  'primær ciliær dyskinesi',
  'myasthenia gravis',
  'let mental retardering',
  'moderat mental retardering',
  'svær mental retardering',
  'mental retardering',
  'nedsat muskeltonus',
  'lav muskeltonus',
  'lavt muskeltonus',
  'udadreagerende adfærd',
  'forsinket sprogudvikling',
  'forsinket motorisk udvikling',
  'forsinket udvikling',
  'hoftenært brud',
  'ortostatisk hypotension',
  'kronisk obstruktiv lungesygdom',
  'kronisk bronkitis',
  'kronisk træthedssyndrom',
  'myalgisk encephalomyelitis',
  'myalgisk encefalomyelitis',
  'colitis ulcerosa',
  'morbus crohn',
  'morbus bechterew',
  'ankyloserende spondylitis',
  'reumatoid artritis',
  'polymyalgia rheumatica',
  'systemisk lupus',
  'lupus erythematosus',
  'atopisk eksem',
  'atopisk dermatitis',
  'seborrhoisk eksem',
  'hidradenitis suppurativa',
  'aldersrelateret makuladegeneration',
  'våd makuladegeneration',
  'tør makuladegeneration',
  'diabetisk retinopati',
  'retinitis pigmentosa',
  'dovent øje',
  'tørre øjne',
  'nedsat synsfelt',
  'nedsat synsstyrke',
  'menières sygdom',
  'bells parese',
  'spinal muskelatrofi',
  'amyotrofisk lateral sklerose',
  'amyotrofisk lateralsklerose',
  'tuberøs sklerose',
  'williams syndrom',
  'angelmans syndrom',
  'prader-willi syndrom',
  'retts syndrom',
  'rett syndrom',
  'noonans syndrom',
  'turners syndrom',
  'klinefelters syndrom',
  'marfans syndrom',
  'ehlers-danlos syndrom',
  'dravets syndrom',
  'wests syndrom',
  'lennox-gastaut syndrom',
  'guillain-barré syndrom',
  'føtalt alkoholsyndrom',
  'føtalt alkohol syndrom',
  'fragilt x',
  'fragilt x-syndrom',
  'infantil autisme',
  'atypisk autisme',
  'gennemgribende udviklingsforstyrrelse',
  'psykisk udviklingshæmmet',
  'psykisk udviklingshæmning',
  'psykisk handicap',
  'psykisk handicappet',
  'fysisk handicap',
  'fysisk handicappet',
  'fysisk funktionsnedsættelse',
  'psykisk funktionsnedsættelse',
  'kognitiv funktionsnedsættelse',
  'kognitive vanskeligheder',
  'kognitiv svækkelse',
  'let kognitiv svækkelse',
  'frontotemporal demens',
  'lewy body demens',
  'generaliseret angst',
  'generaliseret angstlidelse',
  'social fobi',
  'obsessiv kompulsiv lidelse',
  'posttraumatisk stressforstyrrelse',
  'posttraumatisk belastningsreaktion',
  'kompleks ptsd',
  'akut belastningsreaktion',
  'emotionelt ustabil personlighedsforstyrrelse',
  'emotionel ustabil personlighedsstruktur',
  'dyssocial personlighedsforstyrrelse',
  'paranoid skizofreni',
  'paranoid psykose',
  'bipolar affektiv sindslidelse',
  'bipolar affektiv lidelse',
  'tilbagevendende depression',
  'periodisk depression',
  'svær depression',
  'moderat depression',
  'let depression',
  'reaktiv tilknytningsforstyrrelse',
  'funktionel lidelse',
  'funktionelle lidelser',
  'dissociative anfald',
  'ikke-epileptiske anfald',
  'psykogene anfald',
  'psykiatrisk indlæggelse',
  'dyb venetrombose',
  'venøs trombose',
  'blodprop i lungerne',
  'blodprop i benet',
  'forhøjet kolesterol',
  'højt kolesterol',
  'højt blodtryk',
  'lavt blodtryk',
  'lavt blodtryk',
  'højt blodsukker',
  'forhøjet blodsukker',
  'lavt stofskifte',
  'højt stofskifte',
  'lavt stofskifte',
  'højt stofskifte',
  'iskæmisk hjertesygdom',
  'nedsat pumpefunktion',
  'utæt hjerteklap',
  'hul i hjertet',
  'tidligt født',
  'falsk strubehoste',
  'sammenfalden lunge',
  'vand på lungerne',
  'astmatisk bronkitis',
  'allergisk astma',
  'nedsat iltmætning',
  'lav iltmætning',
  'nefrotisk syndrom',
  'polycystisk nyresygdom',
  'overaktiv blære',
  'blod i urinen',
  'protein i urinen',
  'sten i nyrerne',
  'diabetes type 1',
  'diabetes type 2',
  'diabetes 1',
  'diabetes 2',
  'metabolisk syndrom',
  'diabetes insipidus',
  'graves sygdom',
  'addisons sygdom',
  'cushings syndrom',
  'hashimotos thyreoiditis',
  'svær overvægt',
  'sygelig overvægt',
  'svært overvægtig',
  'polycystisk ovariesyndrom',
  'polycystiske ovarier',
  'mikroskopisk kolitis',
  'kronisk tarmbetændelse',
  'sure opstød',
  'blod i afføringen',
  'kronisk pancreatitis',
  'primær skleroserende cholangitis',
  'primær biliær cholangitis',
  'non-alkoholisk fedtlever',
  'alkoholisk leversygdom',
  'alkoholisk hepatitis',
  'spinal stenose',
  'lumbal stenose',
  'hold i lænden',
  'karpaltunnel syndrom',
  'hallux valgus',
  'plantar fasciitis',
  'osteogenesis imperfecta',
  'juvenil idiopatisk artritis',
  'juvenil artritis',
  'psoriasis artritis',
  'kronisk smertesyndrom',
  'komplekst regionalt smertesyndrom',
  'spina bifida',
  'status epilepticus',
  'essentiel tremor',
  'uro i benene',
  'rastløse ben',
  'kronisk inflammatorisk demyeliniserende polyneuropati',
  'spastisk diplegi',
  'spastisk hemiplegi',
  'spastisk tetraplegi',
  'traumatisk hjerneskade',
  'medfødt hjerneskade',
  'iltmangel ved fødslen',
  'svær hørenedsættelse',
  'praktisk blind',
  'delvis lammet',
  'delvist lammet',
  'lammet i benene',
  'hævede ben',
  'hævede fødder',
  'manglende appetit',
  'ufrivilligt vægttab',
  'ufrivillige bevægelser',
  'sløret tale',
  'sløret syn',
  'dobbelt syn',
  'ringen for ørerne',
  'susen for ørerne',
  'trykken for brystet',
  'smerter i brystet',
  'svært ved at trække vejret',
  'svært ved at rejse sig',
  'tidlig fødsel',
  'truende for tidlig fødsel',
  'graviditet uden for livmoderen',
  'ekstrauterin graviditet',
  'ufrivillig barnløshed',
  'kunstig befrugtning',
  'provokeret abort',
  'gravid i uge',
  'motoriske vanskeligheder',
  'røde hunde',
  'clostridium difficile',
  'multiresistente bakterier',
  'hepatitis b',
  'hepatitis c',
  'smittet med hiv',
  'smittet med covid',
  'smittet med corona',
  'testet positiv',
  'non-hodgkin lymfom',
  'hodgkins lymfom',
  'akut myeloid leukæmi',
  'akut lymfatisk leukæmi',
  'kronisk lymfatisk leukæmi',
  'kronisk myeloid leukæmi',
  'myelodysplastisk syndrom',
  'malignt melanom',
  'kræft i brystet',
  'kræft i tarmen',
  'kræft i lungerne',
  'kræft i lungen',
  'kræft i prostata',
  'kræft i bugspytkirtlen',
  'kræft i hjernen',
  'kræft i leveren',
  'kræft i knoglerne',
  'kræft i æggestokkene',
  'kræft i livmoderen',
  'knude i brystet',
  'knuder i brystet',
  'dårligt gående',
  'palliativ pleje',
  'palliativt forløb',
  'terminalt syg',
  'uhelbredeligt syg',
  'livstruende sygdom',
  'alvorligt syg',
  'kritisk syg',
  'kronisk syg',
  'psykisk ustabil',
  'psykisk belastet',
  'huller i tænderne',
  'hul i tanden',
  'løse tænder',
  'varigt mén',
  'ortopædiske sko',
  'ortopædisk fodtøj',
  'kognitiv terapi',
  'vederlagsfri fysioterapi',
  'parenteral ernæring',
  'gastrisk bypass',
  'stivgørende operation',
  'genetisk test',
  'kønsbekræftende behandling',
  'commotio cerebri',
  'delirium tremens',
  'wernickes encefalopati',
  'korsakoffs syndrom',
  'obstruktiv søvnapnø',
  'central søvnapnø',
  'talende ur',
  'vibrerende vækkeur',
];

/** Multi-word English health terms, words separated by one space. */
export const MORE_ENGLISH_HEALTH_PHRASES = [
  'cerebral palsy',
  'carpal tunnel syndrome',
  'frozen shoulder',
  'chronic fatigue',
  'chronic fatigue syndrome',
  'atrial fibrillation',
  'kidney stones',
  'knee replacement',
  'hip replacement',
  'nerve conduction study',
  'ankle-foot orthosis',
  'raised toilet seat',
  'shower chair',
  'hearing aid',
  'hearing aids',
  'hearing loss',
  'hard of hearing',
  'cochlear implant',
  'guide dog',
  'white cane',
  'walking frame',
  'walking stick',
  'zimmer frame',
  'mobility scooter',
  'stair lift',
  'patient hoist',
  'ceiling hoist',
  'hospital bed',
  'pressure mattress',
  'feeding tube',
  'peg tube',
  'urinary catheter',
  'colostomy bag',
  'stoma bag',
  'incontinence pads',
  'compression stockings',
  'oxygen concentrator',
  'insulin pump',
  'glucose monitor',
  'multiple sclerosis',
  'motor neurone disease',
  'motor neuron disease',
  'muscular dystrophy',
  'spinal muscular atrophy',
  'down syndrome',
  'learning disability',
  'learning disabilities',
  'intellectual disability',
  'developmental delay',
  'speech delay',
  'autism spectrum disorder',
  'eating disorder',
  'panic attack',
  'panic attacks',
  'bipolar disorder',
  'borderline personality disorder',
  'personality disorder',
  'post-traumatic stress',
  'post-traumatic stress disorder',
  'post traumatic stress disorder',
  'obsessive compulsive disorder',
  'obsessive-compulsive disorder',
  'generalised anxiety',
  'generalized anxiety disorder',
  'social anxiety',
  'mental illness',
  'mental health problems',
  'mental health issues',
  'nervous breakdown',
  'suicidal thoughts',
  'suicide attempt',
  'self harm',
  'heart attack',
  'heart disease',
  'heart condition',
  'coronary artery disease',
  'high cholesterol',
  'deep vein thrombosis',
  'pulmonary embolism',
  'brain injury',
  'brain tumour',
  'brain tumor',
  'acquired brain injury',
  'traumatic brain injury',
  'spinal cord injury',
  'slipped disc',
  'herniated disc',
  'back pain',
  'chronic pain',
  'neck pain',
  'hip fracture',
  'broken hip',
  'broken arm',
  'broken leg',
  'broken wrist',
  'irritable bowel syndrome',
  'ulcerative colitis',
  'coeliac disease',
  'celiac disease',
  'gluten intolerance',
  'lactose intolerance',
  'kidney disease',
  'chronic kidney disease',
  'liver disease',
  'fatty liver',
  'lung disease',
  'lung cancer',
  'breast cancer',
  'prostate cancer',
  'bowel cancer',
  'skin cancer',
  'cystic fibrosis',
  'sickle cell',
  'sickle cell disease',
  'macular degeneration',
  'visually impaired',
  'visual impairment',
  'partially sighted',
  'hearing impaired',
  'speech therapy',
  'occupational therapy',
  'physical therapy',
  'blood test',
  'blood tests',
  'mri scan',
  'ct scan',
  'postnatal depression',
  'postpartum depression',
  'gestational diabetes',
  'morning sickness',
  'premature birth',
  'born prematurely',
  'fertility treatment',
  'ivf treatment',
  'urinary tract infection',
  'chest infection',
  'ear infection',
  'kidney infection',
  'rheumatoid arthritis',
  'psoriatic arthritis',
  'restless legs',
  'restless legs syndrome',
  'sleep disorder',
  'failure to thrive',
  'learning difficulties',
  'early onset dementia',
  'memory loss',
  'short of breath',
  'shortness of breath',
  'chest pain',
  'chest pains',
  'wheelchair user',
  'bed bound',
  'knee surgery',
  'back surgery',
  'heart surgery',
  'open heart surgery',
  'bypass surgery',
  'kidney transplant',
  'liver transplant',
  'stem cell transplant',
  'radiation therapy',
  'palliative care',
  'terminally ill',
  'gastric bypass',
  'weight loss surgery',
  'hearing problems',
  'blood clots',
  'cluster headaches',
  'tension headaches',
  'liver failure',
  'respiratory failure',
  'cardiac arrest',
  'heart murmur',
  'hole in the heart',
  'fetal alcohol syndrome',
  'foetal alcohol syndrome',
  'tourette syndrome',
  'asperger syndrome',
  'sensory processing disorder',
  'attention deficit disorder',
  'attention deficit hyperactivity disorder',
  'chronic obstructive pulmonary disease',
  'sexually transmitted disease',
  'sexually transmitted infection',
  'hiv positive',
  'tested positive',
];

/** Acronyms of conditions, procedures and devices that count only in capitals. */
export const MORE_HEALTH_ACRONYMS = split(`
MRSA FASD POTS NIV CFS PCOS RA DVT VTE SLE SMA VRE ESBL CPE HPV RSV CMV EBV HCV HBV CLL KLL CML AML IBD GERD NASH
NAFLD MASLD PBC PSC CKD AKI AKS STEMI NSTEMI KAG CABG TAVI LVAD ASF ASD ARFID BPD EUPD EDS MND PKU RLS FTD MCI CRPS
JIA PMR MGUS BPH OSAS SAH SSRI SNRI NSAID IVF ICSI ECT EMG DEXA PICC CVK PEG MRI
`);

/** Danish nouns for persons of an ethnic group or an origin told as ethnicity, with their inflections. */
export const MORE_ETHNIC_NOUNS = split(`
eritreer eritreeren eritreerne eritreere etiopier etiopieren etiopiere etiopierne sudaneser sudaneseren sudanesere
sudaneserne afghaner afghaneren afghanere afghanerne iraker irakeren irakere irakerne iraner iraneren iranere iranerne
syreren syrere libaneser libaneseren libanesere libaneserne tyrker tyrkeren tyrkere tyrkerne pakistaner pakistaneren
pakistanere pakistanerne srilankaner srilankaneren srilankanere srilankanerne vietnameser vietnameseren vietnamesere
vietnameserne thailænder thailænderen thailændere thailænderne filippiner filippineren filippinere filippinerne
kineser kineseren kinesere kineserne marokkaner marokkaneren marokkanere marokkanerne algerier algerieren algeriere
algerierne tuneser tuneseren tunesere tuneserne egypter egypteren egyptere egypterne bosniak bosniakken bosniakker
bosniakkerne bosnier bosnieren bosniere bosnierne serber serberen serbere serberne kroat kroaten kroater kroaterne
albaner albaneren albanere albanerne kosovoalbaner kosovoalbanere kosovoalbanerne kosovar kosovarer kosovarerne
tjerkesser tjerkessere armenier armenieren armeniere armenierne aserbajdsjaner aserbajdsjanere kasakh kasakher
kirgiser kirgisere turkmener turkmenere kaldæer kaldæere aramæer aramæere syrianer syrianere beduin beduinen beduiner
beduinerne nubier nubiere tuareg tuareger fulani hausa yoruba igbo tigrinya bantu tutsi tutsier hutu hutuer masai zulu
somalieren somalierne kalaaleq kalaallit grønlænderen grønlænderne grønlænderes inuitter inuitterne færingerne samen
samerne kurderen kurdernes zaza zazaer zazaerne hazaraen pashtuneren pashtunerne tadsjikeren tadsjikerne usbeker
usbekeren usbekerne tamileren tamilere uiguren uigurerne uighur uighurer uighurerne tibetaner tibetaneren tibetanere
tibetanerne tjetjeneren tjetjenerne berberne assyrerne oromoerne amharaerne tigrayerne rohingyaerne palæstinenseren
palæstinenserne tatarerne krimtatarerne malayalierne araber araberen arabere araberne perser perseren persere perserne
afroamerikaner afroamerikanere afrodansker afrodanskere asiat asiaten asiater asiaterne afrikaner afrikaneren
afrikanere afrikanerne latinamerikaner latinamerikanere indianer indianere inder inderen indere inderne nepaleser
nepalesere bhutaneser bhutanesere bangladesher bangladeshere rominja romani sinti sigøjneren kurdisk-iraker
`);

/** English names of ethnic groups and origins, nouns and adjectives, lower case. */
export const MORE_ENGLISH_ETHNIC_TERMS = split(`
tibetan tibetans kurdish kurd romany gypsy gypsies pashtuns tamils uyghur uighurs somalis eritrean eritreans
ethiopian ethiopians tigrayan tigrayans chechen chechens berbers assyrian assyrians chaldean chaldeans palestinian
palestinians arab arabs persian persians afghan afghans iraqi iraqis iranian iranians syrian syrians lebanese
greenlandic greenlander greenlanders saami bosniaks bosnian bosnians serb serbs croat croats albanian albanians
kosovars kazakh kazakhs uzbek uzbeks tajik tajiks turkmen hmong vietnamese filipino filipina filipinos pakistani
pakistanis bangladeshi bangladeshis nepali nepalese bhutanese nubian sudanese moroccan moroccans algerian algerians
tunisian tunisians egyptian egyptians jordanian bedouin bedouins armenian armenians azerbaijani circassian circassians
african africans afro-caribbean african-american asian asians hispanic latino latina latinos latinas latinx caucasian
biracial mixed-race aboriginal maori sinhalese
`);

/** Danish words for adherents, faiths and religious practices. */
export const MORE_RELIGION_TERMS = split(`
hinduisme buddhisme islamisk islamiske muslimerne muslimens jødedom jøden jøderne katolikken katolikkerne katolicisme
lutheraner lutheranere græskortodoks serbiskortodoks russiskortodoks kopter koptere kopterne maronit maronitter druser
druserne drusisk alevitisk alevitterne shiamuslimsk sunnimuslimsk shiitisk shiit shiitter sunnitisk sunnit sunnitter
salafist salafister salafistisk sufi sufier sufisme ahmadiyya ahmadier ismailit ismailitter yezidisk ezidi ezidier
mandæer zoroastrier bahaier sikhisme hinduen hinduerne buddhisten buddhisterne jainist taoist mormonerne baptisterne
metodist metodister adventisterne scientologerne scientology kvæker kvækere anglikaner anglikansk calvinist
frikirkelig kirkegænger konvertit konvertitter ateistisk hijab niqab burka fredagsbøn koranskole
koranundervisning katolsk-troende shiamuslimske sunnimuslimske hinduistiske buddhistiske pinsekristen pinsekristne
frikirkekristen muslimers jødernes
`);

/** English words for adherents, faiths and religious practices, lower case. */
export const MORE_ENGLISH_RELIGION_TERMS = split(`
catholic catholics hindus buddhists muslims jewish sikhs christians protestants lutheran evangelical pentecostal
baptists methodist methodists anglican mormons quaker quakers atheist atheists shiite shiites sunnis yazidi yazidis
druze copt copts coptic maronite ahmadis ismaili zoroastrian scientologist rastafarian islamic hinduism buddhism
judaism sikhism catholicism burqa ramadan devout
`);

/** Danish and English words for sexual orientation, with adjective forms. */
export const MORE_ORIENTATION_TERMS = split(`
homoseksuelt biseksuelt heteroseksuelt panseksuelt aseksuelt demiseksuel demiseksuelle demiseksuelt biseksualitet
panseksualitet aseksualitet heteroseksualitet homofil homofile lesbe lesber lesberne bøsserne homoer homoerne bøssepar
bisexuals homosexuals homosexuality bisexuality pansexual pansexuals asexual asexuals demisexual heterosexual lgbt
lgbtq lgbtqia lesbianism homoseksualiteten
`);
