/** The letter the browser tests paste: a CPR number with a real date and a valid modulus 11, and a name the guard knows. */
export const CPR = '070761-4005';
export const NAME = 'Jens Hansen';
export const LETTER = [
  `Kære ${NAME}`,
  '',
  `Vi har modtaget din ansøgning om boligstøtte. Sagen vedrører dig med CPR-nummer ${CPR}, og det bemærkes i den forbindelse, at der i henhold til gældende regler skal foretages en vurdering af din samlede økonomiske situation, førend en afgørelse kan træffes.`,
  '',
  'Såfremt du har spørgsmål, bedes du kontakte Borgerservice.',
  '',
  'Med venlig hilsen',
  'Borgerservice',
].join('\n');
