import { DEFAULT_MINUTES_TEMPLATE, MinutesTemplateId } from '../../../contracts/minutes.js';

export { DEFAULT_MINUTES_TEMPLATE, MinutesTemplateId };

/** The parts of the structured minutes a template can show, each under its own heading. */
export type SectionKind = 'attendees' | 'agenda' | 'decisions' | 'proposals' | 'information' | 'actionItems' | 'summary';

export interface MinutesSection {
  kind: SectionKind;
  heading: string;
  /** Shown when the meeting gave nothing for the section. */
  empty: string;
}

export interface MinutesTemplate {
  id: MinutesTemplateId;
  /** The name the person picks on the minutes page. */
  name: string;
  /** The first heading of the minutes. */
  title: string;
  sections: MinutesSection[];
  /** What a language model is told about this kind of meeting (minutes.llm.ts puts it in the prompt). */
  prompt: string;
}

const attendees: MinutesSection = { kind: 'attendees', heading: 'Deltagere', empty: 'Deltagerne fremgår ikke af teksten.' };
const agenda = (heading = 'Dagsorden'): MinutesSection => ({ kind: 'agenda', heading, empty: 'Dagsordenen fremgår ikke af teksten.' });
const decisions = (heading = 'Beslutninger'): MinutesSection => ({ kind: 'decisions', heading, empty: 'Teksten nævner ingen beslutninger.' });
const proposals = (heading = 'Forslag, der ikke blev besluttet'): MinutesSection => ({ kind: 'proposals', heading, empty: 'Ingen.' });
const actionItems = (heading = 'Opgaver'): MinutesSection => ({ kind: 'actionItems', heading, empty: 'Teksten nævner ingen opgaver.' });
const summary = (heading = 'Resumé'): MinutesSection => ({ kind: 'summary', heading, empty: 'Intet resumé.' });

/**
 * The meeting templates. One module for both engines: the offline engine renders these headings, and the
 * language-model path names the same sections in its prompt, so the person gets the same minutes either way.
 */
export const MINUTES_TEMPLATES: Record<MinutesTemplateId, MinutesTemplate> = {
  teammoede: {
    id: 'teammoede',
    name: 'Teammøde',
    title: 'Referat af teammøde',
    sections: [attendees, agenda(), decisions(), proposals(), actionItems(), summary()],
    prompt: 'Mødet er et teammøde. Referatet har afsnittene deltagere, dagsorden, beslutninger, forslag der ikke blev besluttet, opgaver og resumé.',
  },
  'med-udvalg': {
    id: 'med-udvalg',
    name: 'MED-udvalg',
    title: 'Referat af MED-udvalgsmøde',
    sections: [
      attendees,
      agenda('Punkter'),
      decisions(),
      { kind: 'information', heading: 'Til efterretning', empty: 'Intet til efterretning.' },
      proposals(),
      actionItems('Opfølgning'),
      summary(),
    ],
    prompt:
      'Mødet er et møde i et MED-udvalg (medindflydelse og medbestemmelse). Referatet har afsnittene deltagere, punkter, beslutninger, til efterretning (det udvalget blev orienteret om), forslag der ikke blev besluttet, opfølgning og resumé.',
  },
  styregruppe: {
    id: 'styregruppe',
    name: 'Styregruppe',
    title: 'Referat af styregruppemøde',
    sections: [attendees, agenda(), decisions('Styregruppens beslutninger'), proposals('Forslag til senere beslutning'), actionItems('Handlinger'), summary('Status')],
    prompt:
      'Mødet er et styregruppemøde i et projekt. Referatet har afsnittene deltagere, dagsorden, styregruppens beslutninger, forslag til senere beslutning, handlinger og status.',
  },
  borgermoede: {
    id: 'borgermoede',
    name: 'Borger- eller pårørendemøde',
    title: 'Referat af møde med borger eller pårørende',
    sections: [attendees, decisions('Aftaler'), actionItems('Næste skridt'), proposals('Ønsker og forslag'), summary()],
    prompt:
      'Mødet er et møde med en borger eller pårørende. Referatet har afsnittene deltagere, aftaler (det, mødet blev enigt om), næste skridt (hvem gør hvad hvornår), ønsker og forslag, og resumé. Skriv i et sprog, borgeren kan læse.',
  },
};

export function minutesTemplate(id: MinutesTemplateId | undefined): MinutesTemplate {
  return MINUTES_TEMPLATES[id ?? DEFAULT_MINUTES_TEMPLATE];
}
