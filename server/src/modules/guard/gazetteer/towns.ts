/**
 * Danish postal towns (postnummerbyer), used to accept a "NNNN Town" that is not right after a street
 * address (letterheads, "DK-2610 Rødovre"). Next to an address any capitalised town is accepted, so the list
 * need not be complete. Multi-word towns are matched by their first word plus a prefix rule in the recognizer.
 */
export const TOWNS: string[] = `
Bornholm Femø Fejø Askø Omø Agersø Tåsinge Langeland Ærø Lolland Falster Møn Læsø Fur Mors Strynø Drejø Skarø Hjarnø
Sejerø Nekselø Orø Fyn Sjælland Jylland Midtjylland Nordjylland Sydjylland Sønderjylland Vestjylland Østjylland
Himmerland Vendsyssel Djursland Midtsjælland Vestsjælland Nordsjælland Sydsjælland Østsjælland Sydfyn Nordfyn Vestfyn
Aabenraa Aabybro Aakirkeby Aalborg Aalestrup Aars Aarup Aarhus Abildgaard Agedrup Albertslund Allerød Allingåbro
Almind Als Ans Ansager Arden Asnæs Assens Asperup Augustenborg Auning Avernakø Ballerup Bagenkop Bandholm Barrit
Beder Bellinge Bindslev Birkerød Bjerringbro Bjæverskov Blokhus Blommenslyst Bogense Borkop Brabrand Bramming
Brande Branderup Bredebro Bredsten Brenderup Broager Brovst Bryrup Brædstrup Brøndby Brønderslev Brøndbyvester
Brøndbyøster Brønshøj Brørup Bække Bælum Børkop Charlottenlund Dalmose Dianalund Dragør Dronninglund Dybvad
Dyssegård Ebeltoft Egtved Ejby Ejstrupholm Engesvang Errindlev Esbjerg Eskebjerg Espergærde Faaborg Fakse Farsø
Farum Fanø Fensmark Ferritslev Fjerritslev Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund
Frederiksværk Fuglebjerg Føllenslev Galten Gadstrup Gandrup Gedser Gentofte Gilleleje Give Gjern Glamsbjerg
Glesborg Glostrup Glumsø Gram Gramrode Grenaa Grindsted Gråsten Gudbjerg Gudhjem Gørlev Haderslev Hadsten
Hadsund Hals Hammel Hampen Hanstholm Harboøre Harlev Harndrup Haslev Hasle Havdrup Hedehusene Hedensted
Hellebæk Hellerup Helsinge Helsingør Herfølge Herlev Herning Hillerød Hinnerup Hirtshals Hjallerup Hjørring
Hobro Holbæk Holeby Holstebro Holsted Holte Hornbæk Horsens Hornslet Humlebæk Hundested Hurup Hvalsø
Hvidovre Højbjerg Højby Hørning Hørsholm Ikast Ishøj Janderup Jelling Jerup Jyderup Jyllinge Jægerspris
Kalundborg Kastrup Kerteminde Kibæk Kjellerup Klampenborg Klarup Klemensker Knebel Kokkedal Kolding Kolind
Korsør Kruså Kvistgård Køge København Langeskov Langå Lejre Lemvig Lemming Lindved Lunderskov Lyngby Lystrup
Læsø Løgstør Løgten Løkken Løsning Malling Mariager Maribo Marslev Marstal Middelfart Mørke Nakskov Nexø
Nibe Nivå Nordborg Nyborg Nykøbing Nærum Næstved Odder Odense Otterup Padborg Pandrup Præstø Randers Ribe
Ringe Ringkøbing Ringsted Risskov Roskilde Rudkøbing Rødby Rødding Rødekro Rødovre Rønde Rønne Ry Ryomgård
Sakskøbing Silkeborg Sindal Skagen Skanderborg Skive Skjern Skovlunde Skælskør Skærbæk Slagelse Slangerup
Smørum Solrød Sorø Spentrup Stege Stenløse Strib Struer Stubbekøbing Støvring Svendborg Svenstrup Svogerslev
Sæby Søborg Sønderborg Taastrup Tarm Thisted Tinglev Tistrup Tjele Tommerup Toftlund Tranbjerg Trige Tølløse
Tønder Tørring Ulfborg Ullerslev Valby Vallensbæk Vanløse Varde Vejen Vejle Vemb Viborg Viby Videbæk
Vildbjerg Vinderup Vissenbjerg Vodskov Vojens Vordingborg Vorbasse Værløse Ærøskøbing Ølgod Ølstykke Ørbæk
Åbyhøj Aalsgaarde Åkirkeby Ålborg Århus Sæby Skørping Hadsund Sabro Solbjerg Kibæk Hasselager Egå Trustrup
`
  .trim()
  .split(/\s+/);

/** Prefix words of multi-word towns ("Kgs. Lyngby", "Nørre Alslev", "Store Heddinge", "Ny Ellebjerg"). */
export const TOWN_PREFIXES: string[] = ['Kgs', 'Nørre', 'Sønder', 'Øster', 'Vester', 'Store', 'Lille', 'Ny', 'Gl', 'Gammel', 'Sankt', 'Skt'];

/** Post-district letters after a big town ("København V", "Aarhus C", "Odense SØ"). */
export const POST_DISTRICTS: string[] = ['C', 'K', 'V', 'N', 'S', 'Ø', 'NV', 'NØ', 'SV', 'SØ'];
