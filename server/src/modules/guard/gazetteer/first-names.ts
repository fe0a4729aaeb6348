/**
 * Common first names in Denmark: Danish and Nordic names across generations, and names of immigrant origin
 * that are common here (Arabic, Turkish, Kurdish, Persian, Somali, Pakistani, Polish, Ukrainian, Balkan,
 * Vietnamese, Eritrean ...). Several spellings where Danes use several. This list is one signal among
 * several: names not on it are found through context (greetings, labels, roles, signatures, lists).
 */
const DANISH_FEMALE = `
Aase Åse Agnes Agnete Alberte Alexandra Alma Amalie Amanda Andrea Ane Anette Anita Anja Ann Anna Annalise
Anne Anne-Marie Annemarie Anne-Mette Annemette Annette Annie Asta Astrid Aud Beate Benedikte Bente Berit
Betina Bettina Bine Birgit Birgitte Birte Birthe Bitten Bodil Bolette Britt Britta Camilla Carina Carla
Caroline Cathrine Catrine Cecilie Charlotte Christel Christina Christine Clara Conni Connie Dagmar Dagny
Dina Ditte Dorit Dorte Dorthe Dorthea Ea Edel Edith Eja Elin Elina Eline Elisabeth Elise Ella Ellen
Ellinor Elna Else Elsebeth Elvira Emilia Emilie Emma Erika Erna Esther Eva Evelyn Fie Filippa Freja
Frederikke Frida Gerda Gitte Grethe Grete Gudrun Gunhild Gurli Hanna Hannah Hanne Hedvig Heidi Helga
Helle Hella Henny Henriette Hilda Hjørdis Iben Ida Idun Ilse Inga Inge Ingeborg Inger Ingrid Irene Isabel
Isabella Isabelle Jane Janne Jannie Jeanette Jeannette Jenny Jette Johanne Jonna Josefine Josephine Julia
Julie Jytte Kaja Kamilla Karen Karin Karina Karla Karoline Kate Katja Kathrine Katrine Kirsten Kirstine
Kristina Kristine Laila Laura Lea Leonora Lena Lene Lilian Lillian Lilly Lily Lina Linda Lis Lisa Lisbet
Lisbeth Lise Lissi Liva Lizette Lone Lotte Louise Lucia Luna Lærke Magdalene Maiken Maja Maj-Britt Majbritt
Malene Malou Margit Margrethe Maren Maria Mariane Marianne Marie Marlene Martha Mathilde Mathilda Melanie
Merete Merethe Mette Mia Michelle Mie Mille Mona Monica Nadja Naja Nanna Natasja Nathalie Nicoline Nicole
Nina Nora Oda Olivia Patricia Pernille Petra Pia Ragnhild Randi Rebecca Rebekka Regitze Rigmor Rikke Rita
Ronja Rosa Ruth Sabrina Sally Sandra Sanne Sara Sarah Sasja Selma Sidsel Signe Sigrid Silje Silke Simone
Sine Sissel Sofia Sofie Sophia Sophie Solveig Solvej Sonja Stella Stina Stine Susan Susanne Sus Tania Tanja
Tenna Thea Therese Thilde Thyra Tilde Tina Tine Tone Tove Trine Ulla Ulrikke Vera Veronika Vibe Vibeke
Victoria Vigga Vilma Viola Vita Vivi Vivian Wilma Winnie Yrsa Yvonne Zenia
`;

const DANISH_MALE = `
Aage Åge Adam Albert Alexander Alf Alfred Allan Alvin Anders Andreas Anker Anton Arne Arthur Arvid Asbjørn
Asger Aske August Axel Aksel Bastian Benjamin Bent Bendt Bernhard Bertel Bertram Bjarne Bjørn Bo Brian
Bror Børge Carl Carlo Carsten Casper Christen Christian Christoffer Christopher Claus Dan Daniel Danny
David Dennis Dines Egon Eigil Ejnar Einar Elias Elmer Emil Erik Erling Esben Eskild Eske Felix Finn
Flemming Frank Frede Frederik Frej Frode Georg Gert Gorm Gunnar Gustav Halfdan Hans Harald Harry Helge
Helmer Henning Henrik Herbert Hjalte Holger Hugo Ib Ingolf Ingvar Ivan Ivar Jacob Jakob Jan Jannik Jens
Jeppe Jesper Jimmy Joachim Joakim Johan Johannes John Johnny Jon Jonas Jonathan Jonatan Julius Jørgen
Jørn Kaj Kai Karl Karlo Karsten Kasper Keld Kjeld Kenneth Kenn Kenny Kim Klaus Knud Konrad Kristian
Kristoffer Kurt Laurits Lauritz Laurids Lars Lasse Lauge Leif Lennart Leo Liam Louis Ludvig Lukas Lucas
Magnus Mads Malte Malthe Marius Mark Martin Mathias Matthias Mattias Max Michael Mikael Mikkel Milas
Mogens Morten Nicolai Niels Nikolaj Nikolai Niklas Nils Noah Noa Noel Ole Oliver Oluf Orla Oscar Oskar
Otto Ove Palle Patrick Paw Peder Pelle Per Peter Philip Phillip Poul Povl Preben Ragnar Rasmus René Rene
Robert Roar Rolf Ronni Ronnie Ruben Rudi Rune Sander Sebastian Sejr Severin Sigurd Silas Simon Sixten Sofus
Sophus Stefan Steffen Sten Steen Stig Storm Sune Svend Sven Sylvester Søren Tage Theo Theodor Thomas Thor
Thorvald Thorsten Tim Tobias Tom Tommy Tonny Tor Torben Torkild Torsten Tristan Troels Tue Tyge Uffe Ulrik
Ulrich Vagn Valdemar Verner Victor Viktor Viggo Vilfred Vilhelm Villads Villum Villy Vincent Vitus Walter
Walther Werner Wilhelm William Willy
`;

const IMMIGRANT_ORIGIN = `
Abbas Abdallah Abdel Abdi Abdul Abdullah Abdullahi Abdulrahman Adnan Ahmad Ahmed Aisha Alaa Ali Almir Amal
Amin Amina Amir Amra Anas Ana Andrei Andrii Anh Arash Aram Asif Asma Aya Ayaan Ayan Ayse Ayşe Aysha Azad
Babak Baran Behrouz Berfin Bilal Dana Darius Dariush Dilan Dmytro Dorota Dragan Duc Edin Elena Elif Emine
Emir Emre Ewa Fadumo Faduma Faisal Farah Farhad Farid Fatima Fatimah Fatma Gabriela Goran Hamid Hamza
Hasan Hassan Hatice Hawa Hiba Hodan Hossein Huda Hung Huong Hussain Hussein Hüseyin Ibrahim Idris Ifrah
Igor Ilyas Iman Imran Ioana Ion Irina Irfan Ismail Jamal Jamila Jasmin Joanna Justyna Kamal Kamil Karim
Katarzyna Kaveh Khadija Khalid Krzysztof Layla Leila Leyla Linh Ludmila Łukasz Lukasz Magdalena Mahdi
Mahmoud Mahmud Malgorzata Małgorzata Marcin Marek Mariam Maryam Mehdi Mehmet Merve Michał Michal Mihai Milan
Mina Minh Mirela Mirza Mohamed Mohammad Mohammed Monika Muhammad Murat Musa Mustafa Mykola Nabil Nadeem
Nadia Nasir Nasrin Nasser Natalia Navid Nimco Noor Nour Olena Oleksandr Oleksii Olga Omar Omid Parisa
Paweł Pawel Piotr Priya Rana Rania Rashid Reza Rojin Roya Sadia Saeed Sagal Sahra Said Sajid Salma Sami
Samir Samira Sana Selam Semhar Senad Sergei Serhii Setareh Shabnam Shirin Shukri Soraya Svetlana Tariq
Tatiana Tesfay Tesfaye Tetiana Thanh Tigist Tomasz Trang Tuan Usman Valentina Vasile Vasyl Volodymyr
Vytautas Walid Yaroslav Yasin Yasmin Yasmine Yassin Yohannes Yonas Younes Youssef Yousef Yulia Yusuf
Zahra Zainab Zakaria Zeinab Zeynep Zoran Zubair
`;

/**
 * First names that are also ordinary Danish words (hans = his, per = per, bo = live, line = rope, tage = take
 * ...). Alone at the start of a sentence they need more evidence: a surname after them, a cue before them,
 * or the same name elsewhere in the text.
 */
export const AMBIGUOUS_FIRST_NAMES = `
Anker Ask August Birk Bo Bjørn Dag Gry Hans Helle Kaj Kristen Line Liv Lykke Lærke Maj Mai Mark
Max Per Ravn Rose Rune Sejr Silke Sol Sten Storm Tage Tom Vibe Vilde Sus
`
  .trim()
  .split(/\s+/);

export const FIRST_NAMES: string[] = [DANISH_FEMALE, DANISH_MALE, IMMIGRANT_ORIGIN, AMBIGUOUS_FIRST_NAMES.join(' ')]
  .join(' ')
  .trim()
  .split(/\s+/);
