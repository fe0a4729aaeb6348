import type { AssistantId } from '../../contracts/policies.js';

/**
 * What each assistant is and how it goes wrong, for the briefing every participant acknowledges before their
 * first run (AI Act Art. 4, AI literacy). Written for a colleague who has not used AI at work before: the point
 * is that they know what to check, not how the technology works.
 */
export const ASSISTANT_BRIEFING: Record<AssistantId, { whatItIs: string; failureModes: string[] }> = {
  letter: {
    whatItIs:
      'Brevassistenten omskriver et brev til borgeren til klarsprog og tjekker, om de faste dele (fx klagevejledning og frister) er med. Den laver et udkast; du afgør, hvad der sendes.',
    failureModes: [
      'Den kan finde på fakta, fx datoer, beløb, paragraffer eller frister, som ikke stod i dit brev. Tjek dem mod sagen.',
      'Den kan ændre meningen, så en afgørelse lyder mildere eller skarpere, end den er.',
      'Den kan ramme en forkert tone: for uformel i en afgørelse eller for bureaukratisk i et venligt svar.',
      'Den kan udelade oplysninger, som borgeren har krav på, fx klagevejledningen eller en partshøring.',
      'Dens viden om regler kan være forældet. Den kender ikke jeres lokale praksis.',
    ],
  },
  minutes: {
    whatItIs:
      'Referatassistenten laver et udkast til referat ud fra en udskrift eller noter fra et møde: beslutninger, opgaver med ansvarlig og frist samt deltagere.',
    failureModes: [
      'Den kan misse en beslutning eller en opgave, især når den kun blev nævnt kort.',
      'Den kan tillægge en forkert person en udtalelse eller en opgave, eller gætte en frist.',
      'Den kan finde på noget, der ikke blev sagt, eller gøre en drøftelse til en beslutning.',
      'Fejl i udskriften (navne, fagord, dialekt) går videre til referatet.',
    ],
  },
  documents: {
    whatItIs:
      'Dokumentassistenten svarer på spørgsmål ud fra de dokumenter, lederen har lagt i prøvehandlingens vidensbase, og viser, hvilke passager svaret bygger på.',
    failureModes: [
      'Den kan give et svar, som kilderne ikke bærer. Læs altid de viste henvisninger.',
      'Den kan overse det afsnit, der betyder noget, hvis spørgsmålet er formuleret anderledes end dokumentet.',
      'Den kender kun dokumenterne i vidensbasen: står reglen ikke dér, eller er dokumentet forældet, er svaret det også.',
      'Den kan sammenblande regler fra to dokumenter, der handler om noget forskelligt.',
    ],
  },
};

/** Said once in every briefing: the offline engine is not what people imagine when they hear "AI". */
export const OFFLINE_ENGINE_NOTE =
  'Kører platformen uden en sprogmodel, laver den offline regelmotor udkastene. Den er ikke en sprogmodel, men faste regler: den finder ikke på noget, men den forstår heller ikke teksten, så udkastene kan være mekaniske og overse meningen.';
