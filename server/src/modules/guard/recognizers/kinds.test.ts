import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

// One test per kind of miss found by blind batch 3 (test/fixtures/guard/BLIND.md), each with sentences of our
// own: the batch itself is not quoted here.
const found = (text: string, type: DataClass): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

const about = (sentence: string): string => `Borger: Lene Skov Madsen\n\n${sentence}`;

describe('numbers: labels, lists and tables say what a number is', () => {
  it('reads "Fødselsnr." and "Pers.nr." as a person’s number, also when modulus 11 fails', () => {
    expect(found('Fødselsnr.: 170352-0419', 'CPR')).toEqual(['170352-0419']);
    expect(found('Pers.nr. 1703520419\nSag: hjemmehjælp', 'CPR')).toEqual(['1703520419']);
  });

  it('gives a number in a list the label of the first one ("Faktura nr. A og B")', () => {
    expect(found('Vi har sendt faktura nr. 0904241188 og 1004241177 til dig.', 'CPR')).toEqual([]);
    expect(found('Sagsnr. 0904241188, 1004241177 er lukket.', 'CPR')).toEqual([]);
  });

  it('reads a table cell by its column header', () => {
    const table = [
      '| Navn | CPR | Sagsnummer |',
      '|---|---|---|',
      '| Ole Berg | 170352-0419 | 0904241188 |',
      '| Sif Lund | 0303871234 | 1004241177 |',
    ].join('\n');
    expect(found(table, 'CPR')).toEqual(['170352-0419', '0303871234']);
  });

  it('does not take an SE number for a CVR number or a phone number', () => {
    expect(found('Leverandør ApS, CVR 29 19 04 02, SE-nr. 29 19 04 91', 'CVR')).toEqual(['29 19 04 02']);
    expect(found('CVR 29190402 · SE 29190491', 'PHONE')).toEqual([]);
  });
});

describe('phone numbers written as people write them', () => {
  it('finds four pairs with dots and three groups with spaces without a label', () => {
    expect(found('Spørgsmål? Skriv eller ring til Ida Holm på 43.21.65.87.', 'PHONE')).toEqual(['43.21.65.87']);
    expect(found('mvh ida\n43.21.65.87', 'PHONE')).toEqual(['43.21.65.87']);
    expect(found('Kontaktpersonen er frivillig i Røde Kors, 431 65 287.', 'PHONE')).toEqual(['431 65 287']);
  });

  it('finds a caseworker’s number after the title, and still no dates or amounts', () => {
    expect(found('Med venlig hilsen\nIda Holm, sagsbehandler, 43 21 65 87', 'PHONE')).toEqual(['43 21 65 87']);
    expect(found('Mødet er 13.06.2025 kl. 10, og beløbet er 1.250.000 kr.', 'PHONE')).toEqual([]);
    expect(found('Sagsnr. 43.21.65.87', 'PHONE')).toEqual([]);
  });
});

describe('bank accounts with a spaced dash or an en dash', () => {
  it('reads "reg. 1234 - 0012345678" and "1234 – 0012345678" as one account', () => {
    expect(found('Beløbet overføres til reg. 5301 - 0246813579.', 'BANK_ACCOUNT')).toEqual(['5301 - 0246813579']);
    expect(found('Betal til reg.nr. 5301 – 0246813579 senest fredag.', 'BANK_ACCOUNT')).toEqual(['5301 – 0246813579']);
    expect(found('Kontoen er 5301–0246813579.', 'BANK_ACCOUNT')).toEqual(['5301–0246813579']);
  });

  it('leaves times and years with a dash alone', () => {
    expect(found('Vi holder åbent kl. 0930 - 1500 og i perioden 2025 – 2026.', 'BANK_ACCOUNT')).toEqual([]);
  });
});

describe('health: the rest of what a care or dental record says about a person', () => {
  it('finds aids, dental conditions and procedures', () => {
    expect(found(about('Hun går med rollator og har høreapparater.'), 'HEALTH')).toEqual(['rollator', 'høreapparater']);
    expect(found(about('Hun har caries og skal have en rodbehandling i fuld narkose.'), 'HEALTH')).toEqual(['caries', 'rodbehandling', 'narkose']);
    expect(found(about('Han skal have en knæalloplastik efter en MR-scanning.'), 'HEALTH')).toEqual(['knæalloplastik', 'MR-scanning']);
  });

  it('finds substance use and dependence as compounds, not dependence on a benefit', () => {
    expect(found(about('Han har et dagligt kokainforbrug og en opioidafhængighed.'), 'HEALTH')).toEqual(['dagligt kokainforbrug', 'opioidafhængighed']);
    expect(found(about('Han har været på kontanthjælp længe.'), 'HEALTH')).toEqual([]);
  });

  it('finds weight loss, symptoms and drug forms', () => {
    expect(found(about('Hun har tabt 5 kg og har hjertebanken om natten.'), 'HEALTH')).toEqual(['tabt 5 kg', 'hjertebanken']);
    expect(found(about('Hun har fået Exelon-plaster og Xalatan øjendråber.'), 'HEALTH')).toEqual(['Exelon-plaster', 'Xalatan']);
    expect(found(about('Han har tabt sagen om boligstøtte.'), 'HEALTH')).toEqual([]);
  });

  it('finds a shortage or a reduction of a body function, not of money or space', () => {
    expect(found(about('Hun har jernmangel og en hørenedsættelse.'), 'HEALTH')).toEqual(['jernmangel', 'hørenedsættelse']);
    expect(found(about('Der er pladsmangel, og hun har fået en huslejenedsættelse.'), 'HEALTH')).toEqual([]);
  });
});

// Kinds of miss found by blind batch 4, again with sentences of our own.
describe('numbers after a label that names something else', () => {
  it('does not take a date-shaped number after a document noun and "nr." for a CPR number', () => {
    expect(found('Rapport nr.: 150625-0031\nBevilling nr. 2004250017', 'CPR')).toEqual([]);
    expect(found('Barn: Sofus Kjær, barnets nr. 150625-4031', 'CPR')).toEqual(['150625-4031']);
  });

  it('skips the payment id and creditor number of an FI line', () => {
    const text = 'Betal med FI-kort +71<0502251234+85212345<';
    expect(found(text, 'CPR')).toEqual([]);
    expect(found(text, 'PHONE')).toEqual([]);
  });

  it('reads a reg.nr. and an account with a slash, a dash and a label, or in two columns, as one account', () => {
    expect(found('Reg. nr. 1234 / konto 0012345678', 'BANK_ACCOUNT')).toEqual(['1234 / konto 0012345678']);
    expect(found('Pengene går til Reg.nr. 5301 - Kontonr. 0246813579.', 'BANK_ACCOUNT')).toEqual(['5301 - Kontonr. 0246813579']);
    expect(found('Ny konto:\nReg.nr. | Kontonr.\n5301 | 0246813579', 'BANK_ACCOUNT')).toEqual(['5301 | 0246813579']);
  });
});

describe('special categories that say nothing about the person', () => {
  it('does not take unions listed on a committee for anyone’s membership', () => {
    expect(found(about('I udvalget sidder BUPL, FOA og Dansk Socialrådgiverforening.'), 'UNION')).toEqual([]);
    expect(found(about('Hun er medlem af FOA og HK.'), 'UNION')).toEqual(['FOA', 'HK']);
  });

  it('does not take a place of worship for a faith, and takes the word that qualifies a faith', () => {
    expect(found(about('Han beder i moskeen hver fredag.'), 'RELIGION')).toEqual([]);
    expect(found(about('Hun er praktiserende katolik, og hendes mand er troende muslim.'), 'RELIGION')).toEqual(['praktiserende katolik', 'troende muslim']);
  });

  it('does not take a condition in a conditional question to the reader', () => {
    expect(found(about('Har du en kronisk sygdom eller et handicap, kan du søge om tilskud.'), 'HEALTH')).toEqual([]);
    expect(found(about('Oplys venligst, om du har haft epilepsi eller diabetes.'), 'HEALTH')).toEqual([]);
  });
});

describe('persons: names in lower case, before a CPR number and as speakers', () => {
  it('finds a first name again in lower case, in a slash signature at a line end, after a role label and on the last line', () => {
    expect(found('Borger: Knud Erik Hansen\n\nVed besøg sad knud i stolen.', 'PERSON')).toEqual(['Knud Erik Hansen', 'knud']);
    expect(found('Hej Sara – kan du se på sagen? /per', 'PERSON')).toEqual(['Sara', 'per']);
    expect(found('pas – fornyelse\nekspedient: mette\nsag modtaget', 'PERSON')).toEqual(['mette']);
    expect(found('Fra: Tesfay Gebremariam <tg@outlook.dk>\n\nhej tak for hjælpen\ntesfay', 'PERSON')).toEqual(['Tesfay Gebremariam', 'tesfay']);
  });

  it('finds a name nobody knows right before a CPR number, and a speaker before a transcript time', () => {
    expect(found('Ny borger i bostøtten: Nivaaq Lynge, 121086-4411.', 'PERSON')).toEqual(['Nivaaq Lynge']);
    expect(found('Anders Holm   00:00:12\nGodt.\n\nFatuma Warsame   00:00:20\nJa.', 'PERSON')).toEqual(['Anders Holm', 'Fatuma Warsame']);
    expect(found('Kontakt HR-partner Sune Lykkegaard Brix på 33 44 55 66.', 'PERSON')).toEqual(['Sune Lykkegaard Brix']);
  });

  it('does not take offices, departments, institutions with a town, or a month for persons', () => {
    expect(found('Til: Vej og Park <vejogpark@faxekommune.dk>\nEmne: Park', 'PERSON')).toEqual([]);
    expect(found('Vejle Kommune\nSundhed og Omsorg\nKirketorvet 22\n7100 Vejle', 'PERSON')).toEqual([]);
    expect(found('Han arbejder hos Esbjerg Fiskeindustri og skal til Distriktspsykiatrien Viborg.', 'PERSON')).toEqual([]);
    expect(found('She stays with her mother until August.', 'PERSON')).toEqual([]);
  });
});

// Kinds of miss found by blind batch 5 (test/fixtures/guard/BLIND.md), with sentences of our own.
describe('bank accounts of batch 5: any country’s IBAN and the ways people lay out reg.nr. and account', () => {
  it('finds a foreign IBAN by its country’s length and the mod 97 check, letters in the account included', () => {
    expect(found('Beløbet overføres til IBAN DE89 3704 0044 0532 0130 00 hos Commerzbank.', 'BANK_ACCOUNT')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(found('Min konto i Vilnius: LT12 1000 0111 0100 1000, tak.', 'BANK_ACCOUNT')).toEqual(['LT12 1000 0111 0100 1000']);
    // Lithuania's IBAN has 20 characters: two digits short is no IBAN.
    expect(found('Min konto i Vilnius: LT47 1000 0111 0100 10, tak.', 'BANK_ACCOUNT')).toEqual([]);
    expect(found('IBAN: NL91ABNA0417164300', 'BANK_ACCOUNT')).toEqual(['NL91ABNA0417164300']);
    expect(found('Account GB29 NWBK 6016 1331 9268 19 (Barclays)', 'BANK_ACCOUNT')).toEqual(['GB29 NWBK 6016 1331 9268 19']);
  });

  it('does not take a wrong check digit, a wrong length or a VAT number for an IBAN', () => {
    expect(found('IBAN DE88 3704 0044 0532 0130 00', 'BANK_ACCOUNT')).toEqual([]);
    expect(found('IBAN NO93 8601 1117 9470', 'BANK_ACCOUNT')).toEqual([]);
    expect(found('USt-IdNr.: DE 289 456 112', 'BANK_ACCOUNT')).toEqual([]);
  });

  it('reads "reg. 1234 / 0012345678" with a bank word before it, but not a bare slash between numbers', () => {
    expect(found('Pengene sendes til reg. 3409 / 0012745118 fra næste måned.', 'BANK_ACCOUNT')).toEqual(['3409 / 0012745118']);
    expect(found('Vi har modtaget skema 3409 / 0012745118 i dag.', 'BANK_ACCOUNT')).toEqual([]);
  });

  it('reads an account word after two spaces, as in a letter laid out in columns', () => {
    expect(found('Indbetal på Reg.nr.: 4380  Kontonr.: 0007712645 inden fristen.', 'BANK_ACCOUNT')).toEqual(['4380  Kontonr.: 0007712645']);
  });

  it('reads every row of a long pipe table by the reg. and konto headers, not only the first rows', () => {
    const rows = ['| Navn | Reg. | Konto |', '|---|---|---|'];
    const names = ['Ole Berg', 'Sif Lund', 'Per Holm', 'Ida Kragh', 'Bo Winther'];
    names.forEach((n, k) => rows.push(`| ${n} | 540${k} | 00${k}4412345 |`));
    expect(found(rows.join('\n'), 'BANK_ACCOUNT')).toEqual(names.map((_, k) => `540${k} | 00${k}4412345`));
  });
});

describe('CPR numbers of batch 5: a verb after "no." and a plural case label', () => {
  it('reads "My CPR no. is ..." as a CPR number', () => {
    expect(found('Dear Sir, my CPR no. is 120463-1189 and I live in Holbæk.', 'CPR')).toEqual(['120463-1189']);
  });

  it('gives a number listed after "sagerne" the case label of the first number', () => {
    expect(found('Vi sender sagerne 2024-118812 og 110624-0375 til Ole Berg.', 'CPR')).toEqual([]);
  });
});

describe('health of batch 5: productive clinical patterns, English words, aids, drugs and findings', () => {
  it('finds conditions named "<Name>s sygdom/syndrom", "<Name>s <x>dystrofi" and "<clinical adjective> syndrom"', () => {
    expect(found(about('Hun har Sjögrens syndrom og tørre øjne.'), 'HEALTH')).toEqual(['Sjögrens syndrom', 'tørre øjne']);
    expect(found(about('Lægen mener, at det er Huntingtons sygdom.'), 'HEALTH')).toEqual(['Huntingtons sygdom']);
    expect(found(about('Sønnen har Beckers muskeldystrofi.'), 'HEALTH')).toEqual(['Beckers muskeldystrofi']);
    expect(found(about('Hun har fået konstateret nefrotisk syndrom.'), 'HEALTH')).toEqual(['nefrotisk syndrom']);
  });

  it('does not take a pronoun, a genitive at the sentence start or general wording for such a condition', () => {
    expect(found(about('Hans sygdom er ikke nævnt i brevet.'), 'HEALTH')).toEqual([]);
    expect(found(about('Borgerens sygdom fremgår ikke af sagen.'), 'HEALTH')).toEqual([]);
    expect(found(about('Vi holder et kursus for borgere med Huntingtons sygdom og demens.'), 'HEALTH')).toEqual([]);
  });

  it('finds rare diagnoses by their endings (-dystrofi, -praksi, -tvang, -kvalme, -kramper)', () => {
    expect(found(about('Hun har myotonisk dystrofi og kontroltvang.'), 'HEALTH')).toEqual(['myotonisk dystrofi', 'kontroltvang']);
    expect(found(about('Han har dyspraksi og natlige muskelkramper.'), 'HEALTH')).toEqual(['dyspraksi', 'natlige muskelkramper']);
  });

  it('finds English health words in a mixed-language mail', () => {
    expect(found(about('My daughter has dyslexia, and she is pregnant.'), 'HEALTH')).toEqual(['dyslexia', 'pregnant']);
    expect(found(about('He has high blood pressure and difficulty swallowing.'), 'HEALTH')).toEqual(['high blood pressure', 'difficulty swallowing']);
  });

  it('finds aids granted in a list, one per line or after a colon', () => {
    const letter = about('Vi bevilger efter servicelovens § 112:\n- teleslynge til stuen\n- trappelift til kælderen');
    expect(found(letter, 'HEALTH')).toEqual(['teleslynge', 'trappelift']);
    expect(found(about('Udlånte hjælpemidler: badetaburet og toiletforhøjer.'), 'HEALTH')).toEqual(['badetaburet', 'toiletforhøjer']);
    expect(found(about('Butikken sælger trappelift og loftlift.'), 'HEALTH')).toEqual([]);
  });

  it('finds a medication or an aid inside a hyphenated word ("Xarelto-dosis", "PEG-sonde")', () => {
    expect(found(about('Xarelto-dosis er sat ned, og hun har fået PEG-sonde.'), 'HEALTH')).toEqual(['Xarelto', 'PEG-sonde']);
  });

  it('finds drugs of HIV, migraine and cystic fibrosis treatment and findings told in everyday words', () => {
    expect(found(about('Hun tager Descovy og Aimovig.'), 'HEALTH')).toEqual(['Descovy', 'Aimovig']);
    expect(found(about('Han har forhøjede levertal og svie ved vandladning.'), 'HEALTH')).toEqual(['forhøjede levertal', 'svie ved vandladning']);
  });
});

describe('ethnicity, religion and orientation of batch 5', () => {
  it('finds peoples and faiths written in one word', () => {
    expect(found(about('Hendes mand er færing.'), 'ETHNICITY')).toEqual(['færing']);
    expect(found(about('Familien er adventister.'), 'RELIGION')).toEqual(['adventister']);
    expect(found(about('They are both gays, and they live together.'), 'SEXUAL_ORIENTATION')).toEqual(['gays']);
  });
});
