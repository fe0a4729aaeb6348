import { describe, expect, it } from 'vitest';
import { createOfflineProvider, replaceOfficialese, splitLongSentences } from './providers.offline.js';
import { OFFLINE_NOTICE } from './providers.types.js';

describe('the offline rule engine', () => {
  const offline = createOfflineProvider();

  it('says in its answer that it is a rule engine and not a language model', async () => {
    const res = await offline.complete({ system: 'ignored', user: 'Vi har modtaget din ansøgning.' });
    expect(res.text).toContain(OFFLINE_NOTICE);
    expect(OFFLINE_NOTICE).toBe('Offline regelmotor – ikke en sprogmodel');
    expect(res).toMatchObject({ provider: 'offline', model: 'regelmotor-1', usage: { promptTokens: 0, completionTokens: 0 } });
  });

  it('replaces officialese with plain Danish and keeps the capital at the start of a sentence', () => {
    const { text, replaced } = replaceOfficialese('Såfremt De bedes fremsende dokumenterne i henhold til § 12, jf. lovens § 3.');
    expect(text).toBe('Hvis Vi beder dig sende dokumenterne efter § 12, se lovens § 3.');
    expect(replaced).toBe(5);
  });

  it('treats æ, ø and å as letters: it does not replace inside longer words', () => {
    expect(replaceOfficialese('Idetværk og ideteksempler').text).toBe('Idetværk og ideteksempler');
    expect(replaceOfficialese('de bedes om at komme').text).toBe('de bedes om at komme');
  });

  it('splits a long sentence at ", og" and ", men", and leaves short ones alone', () => {
    const long =
      'Vi har modtaget din ansøgning om hjælp til medicin den 3. marts og har behandlet den efter reglerne i loven, ' +
      'men vi mangler stadig en udtalelse fra din læge om hvor længe behandlingen forventes at vare fremover.';
    const { text, split } = splitLongSentences(long);
    expect(split).toBe(1);
    expect(text).toContain('i loven. Men vi mangler');
    expect(splitLongSentences('Kort sætning, og en til.').split).toBe(0);
  });

  it('keeps placeholders untouched, so the originals can be restored', async () => {
    const res = await offline.complete({ system: '', user: '[NAVN_1] med CPR-nummer [CPR_1] bedes, såfremt muligt, ringe.' });
    expect(res.text).toContain('[NAVN_1]');
    expect(res.text).toContain('[CPR_1]');
    expect(res.text).toContain('hvis muligt');
  });

  it('is deterministic: the same input gives the same answer', async () => {
    const input = 'I henhold til lovens § 5 fremsendes hermed afgørelsen vedrørende Deres ansøgning.';
    const a = await offline.complete({ system: '', user: input });
    const b = await offline.complete({ system: '', user: input });
    expect(a.text).toBe(b.text);
  });

  it('streams its whole answer as one piece when asked to stream', async () => {
    const pieces: string[] = [];
    const res = await offline.complete({ system: '', user: 'Tekst.', onToken: (t) => pieces.push(t) });
    expect(pieces.join('')).toBe(res.text);
  });
});
