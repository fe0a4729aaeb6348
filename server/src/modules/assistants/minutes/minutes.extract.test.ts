import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../providers/providers.types.js';
import { commitmentIn, extractMinutes, findDue, normaliseDue } from './minutes.extract.js';
import { loadGold } from './minutes.gold.js';
import { parseMinutesJson } from './minutes.llm.js';
import { renderMinutes } from './minutes.render.js';
import { decisionRecall, scoreActionItems, taskOverlap } from './minutes.score.js';

const gold = loadGold();

describe('the offline engine against the gold minutes', () => {
  it.each(gold.filter((g) => g.set === 'shared').map((g) => [g.id, g] as const))(
    'shared transcript %s: every attendee, and the action items with owner, task and due',
    (_id, g) => {
      const m = extractMinutes(g.text);
      expect(m.attendees).toEqual(g.attendees);
      const s = scoreActionItems(m.actionItems, g.actionItems);
      expect(s.recall).toBeGreaterThanOrEqual(0.8);
      expect(s.precision).toBeGreaterThanOrEqual(0.8);
      expect(s.matched.every((x) => x.dueOk)).toBe(true);
      expect(decisionRecall(m.decisions, g.decisions)).toBeGreaterThanOrEqual(0.6);
    },
  );

  it('our own transcripts and notes (written to keep the rules honest): precision and recall at least 80% together', () => {
    const own = gold.filter((g) => g.set === 'own');
    let got = 0;
    let wanted = 0;
    let matched = 0;
    for (const g of own) {
      const m = extractMinutes(g.text);
      expect(m.attendees, g.id).toEqual(g.attendees);
      const s = scoreActionItems(m.actionItems, g.actionItems);
      got += m.actionItems.length;
      wanted += g.actionItems.length;
      matched += s.matched.length;
      expect(s.matched.every((x) => x.dueOk), g.id).toBe(true);
    }
    expect(matched / got).toBeGreaterThanOrEqual(0.8);
    expect(matched / wanted).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the rules', () => {
  it('a placeholder speaker stays a placeholder in attendees and as the owner', () => {
    const m = extractMinutes('[NAVN_1]: Vi mangler en plan.\n[NAVN_2]: Jeg skriver planen inden fredag.');
    expect(m.attendees).toEqual(['[NAVN_1]', '[NAVN_2]']);
    expect(m.actionItems).toEqual([{ owner: '[NAVN_2]', task: 'Skrive planen', due: 'inden fredag' }]);
  });

  it('hedged offers, past work and opinions are not action items; a postponed matter is not a decision', () => {
    const m = extractMinutes(
      [
        'Anna Holm: Jeg har skrevet til dem. Jeg tror, det går.',
        'Bo Lind: Jeg kan nok godt lave en oversigt, måske.',
        'Anna Holm: Det tager vi op næste gang.',
      ].join('\n'),
    );
    expect(m.actionItems).toEqual([]);
    expect(m.decisions).toEqual([]);
  });

  it('a request accepted with "Det vil jeg gerne" is an action item for the person asked', () => {
    const m = extractMinutes('Anna Holm: Bo, kan du ringe til udbyderen inden den 1. marts?\nBo Lind: Det vil jeg gerne.');
    expect(m.actionItems).toEqual([{ owner: 'Bo Lind', task: 'Ringe til udbyderen', due: 'inden den 1. marts' }]);
  });

  it('a request answered with a plain "Ja." and something else is not taken as a promise', () => {
    const m = extractMinutes('Anna Holm: Bo, vil du starte med status?\nBo Lind: Ja. Leverandøren er bagud.');
    expect(m.actionItems).toEqual([]);
  });

  it('due dates: said as said, ISO when a full date with a year is given', () => {
    expect(findDue('jeg sender den senest fredag')).toBe('senest fredag');
    expect(findDue('vi ses i uge 41, og jeg vender tilbage til næste ugemøde')).toBe('til næste ugemøde');
    expect(normaliseDue('senest den 1. marts 2027')).toBe('2027-03-01');
    expect(normaliseDue('inden den 1. marts')).toBe('inden den 1. marts');
  });

  it('a first-person commitment names the task with the verb in its infinitive', () => {
    expect(commitmentIn('Ja, jeg inviterer de tre foreninger til testen i morgen.')).toMatchObject({
      task: 'Invitere de tre foreninger til testen',
      due: 'i morgen',
    });
    expect(commitmentIn('Skal jeg lave en plan?')).toBeNull();
  });

  it('the token overlap sees the same task in other words, and not a different one', () => {
    expect(taskOverlap('Printe et skilt', 'Printe et skilt til billetautomaten')).toBeGreaterThan(0.5);
    expect(taskOverlap('Booke lokalet', 'Sende listen rundt')).toBe(0);
  });
});

describe('the language model’s answer', () => {
  const valid = { summary: 'Kort.', attendees: ['[NAVN_1]'], decisions: ['Vi gør det.'], actionItems: [{ owner: '[NAVN_1]', task: 'Sende', due: null }] };

  it('is read from plain JSON or from a code block', () => {
    expect(parseMinutesJson(JSON.stringify(valid), 'openai')).toEqual(valid);
    expect(parseMinutesJson('Her er referatet:\n```json\n' + JSON.stringify(valid) + '\n```', 'openai')).toEqual(valid);
  });

  it.each([['not json at all'], ['{"summary": "x", "attendees": []'], [JSON.stringify({ ...valid, actionItems: [{ owner: 'x' }] })]])(
    'is malformed when it is not the schema: %s',
    (text) => {
      expect(() => parseMinutesJson(text, 'openai-compatible')).toThrow(ProviderError);
      try {
        parseMinutesJson(text, 'openai-compatible');
      } catch (err) {
        expect((err as ProviderError).kind).toBe('malformed');
      }
    },
  );

  it('is rendered to Markdown by code, with the Danish headings and a row per task', () => {
    const md = renderMinutes({ ...valid, actionItems: [{ owner: 'Bo | Lind', task: 'Ringe', due: null }] });
    expect(md).toMatch(/^# Referat/m);
    for (const h of ['## Deltagere', '## Beslutninger', '## Opgaver', '## Resumé']) expect(md).toContain(h);
    expect(md).toContain('| Bo \\| Lind | Ringe | Ingen frist |');
  });
});
