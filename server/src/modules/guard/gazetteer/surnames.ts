/**
 * Common surnames in Denmark: the -sen names, Danish place and nature names, and common surnames of
 * immigrant origin. A surname only counts as a person when it follows a first name or a cue (many are also
 * ordinary words or places: Dam, Holm, Skov, Bang, Frost); unknown words ending in -sen/-gaard are treated as
 * surname-like by the recognizer, so this list need not be complete.
 */
const DANISH = `
Aagaard Ågård Aaen Abildgaard Andersen Andreasen Asmussen Bach Bak Bang Bech Beck Berg Bertelsen Birk
Bisgaard Bjerg Bjerre Bjerregaard Blom Bonde Borg Brandt Brix Bruun Buch Bundgaard Bødker Carlsen Christensen
Christiansen Christoffersen Clausen Dahl Dalgaard Dalsgaard Dam Damgaard Danielsen Didriksen Dinesen
Dyrberg Eriksen Enevoldsen Fabricius Fischer Fisker Frandsen Frederiksen Friis Frost Gade Gregersen Grønlund
Hald Hansen Hedegaard Helms Henriksen Hermansen Hjort Holm Holmgaard Holst Hougaard Hove Hvid Hviid
Høgh Høj Ibsen Iversen Jacobsen Jakobsen Jensen Jeppesen Jepsen Jespersen Jessen Johansen Juhl Juul
Justesen Jørgensen Kaas Karlsen Kirkegaard Kjeldsen Kjær Kjærgaard Klausen Knudsen Kofoed Krag Krog Krogh
Kristensen Kristiansen Kristoffersen Kruse Kvist Laursen Lauridsen Lauritsen Lauritzen Larsen Lassen Lind
Lindberg Lindholm Lorentzen Lorenzen Lund Lundgaard Lyngsø Madsen Marcussen Markussen Mathiasen Mathiesen
Mikkelsen Mogensen Mortensen Mosegaard Munch Munk Møller Mølgaard Nielsen Nissen Nordentoft Nygaard Nyborg
Nørgaard Olesen Olsen Ottesen Overgaard Paulsen Pedersen Petersen Poulsen Qvist Rask Rasmussen Ravn Riis
Rosendahl Schmidt Schou Schultz Simonsen Skov Skovgaard Sommer Steffensen Storm Svendsen Søndergaard
Sørensen Thomsen Thorsen Thygesen Toft Tranberg Vestergaard Vinther Winther Wulff Østergaard
`;

const IMMIGRANT_ORIGIN = `
Abbas Abdi Ahmadi Ahmed Akhtar Ali Arslan Aslan Awad Aydin Aydın Begić Bondarenko Bui Butt Celik Çelik
Çetin Chaudhry Dang Demir Do Doğan Duong Erdoğan Farah Güler Haddad Hadžić Hamdan Hassan Hodžić Hoang
Hosseini Hussain Hussein Huynh Ibrahim Iqbal Ismail Ivanov Jaber Jama Jankauskas Javed Jovanović Kaur
Kaya Kazlauskas Khalil Khan Kılıç Koç Korkmaz Kovačević Kovalenko Kowalczyk Kowalski Kozłowski Kumar Kurt
Lewandowski Ly Mahmoud Malik Mansour Mazur Melnyk Mohamed Mohammad Mohammadi Nguyen Ngo Nowak Nowicki Omar
Osman Özdemir Özkan Öztürk Ozturk Patel Petrov Petrović Pham Polat Popa Popescu Rahimi Rashid Rezaei Sahin
Şahin Saleh Shah Sharma Shevchenko Singh Smirnov Suleiman Szymański Tkachenko Tran Vo Vu Warsame Wiśniewski
Wójcik Woźniak Yildiz Yıldız Yıldırım Yilmaz Yılmaz Yousef Zieliński
`;

export const SURNAMES: string[] = [DANISH, IMMIGRANT_ORIGIN].join(' ').trim().split(/\s+/);
