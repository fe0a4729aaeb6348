import { describe, expect, it } from 'vitest';
import { TrialStatus } from '../../contracts/trials.js';
import {
  activationProblems,
  allowedTransitions,
  assistantsNotAllowedMessage,
  canTransition,
  looseningChanges,
} from './trials.lifecycle.js';

const ALLOWED: [TrialStatus, TrialStatus][] = [
  ['DRAFT', 'ACTIVE'],
  ['ACTIVE', 'PAUSED'],
  ['PAUSED', 'ACTIVE'],
  ['ACTIVE', 'CLOSED'],
  ['PAUSED', 'CLOSED'],
];

describe('the transition table', () => {
  const all = TrialStatus.options.flatMap((from) => TrialStatus.options.map((to) => [from, to] as [TrialStatus, TrialStatus]));

  it.each(all)('from %s to %s is allowed only when it is one of the five guarded transitions', (from, to) => {
    const expected = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
    expect(allowedTransitions(from).includes(to)).toBe(expected);
  });

  it('a closed trial can go nowhere, and a draft cannot be closed or paused without having started', () => {
    expect(allowedTransitions('CLOSED')).toEqual([]);
    expect(allowedTransitions('DRAFT')).toEqual(['ACTIVE']);
  });
});

describe('what a trial needs before it is activated', () => {
  const ready = {
    briefing: 'Læs dette.',
    assistants: ['letter'],
    participantCount: 2,
    missingApprovals: [],
    endsAtDay: '2027-01-31',
    todayDay: '2026-11-27',
  };

  it('when everything is in place, then there are no reasons', () => {
    expect(activationProblems(ready)).toEqual([]);
  });

  it('when the trial ends today, then it can still be activated', () => {
    expect(activationProblems({ ...ready, endsAtDay: '2026-11-27' })).toEqual([]);
  });

  it('when everything is missing, then every reason is listed in Danish', () => {
    const reasons = activationProblems({
      briefing: '   ',
      assistants: [],
      participantCount: 0,
      missingApprovals: ['DPO'],
      endsAtDay: '2026-11-26',
      todayDay: '2026-11-27',
    });
    expect(reasons.map((r) => r.code)).toEqual(['NO_BRIEFING', 'NO_ASSISTANT', 'NO_PARTICIPANTS', 'POLICY_NOT_APPROVED', 'ENDED']);
    expect(reasons.every((r) => r.da.length > 10)).toBe(true);
  });

  it('when the policy is gone from the server, then that is the reason', () => {
    expect(activationProblems({ ...ready, missingApprovals: null }).map((r) => r.code)).toEqual(['POLICY_UNAVAILABLE']);
  });
});

describe('what loosens a charter', () => {
  const base = {
    assistants: ['letter'] as ('letter' | 'minutes' | 'documents')[],
    policyId: 'offentlig-information',
    startsAt: new Date('2026-11-01'),
    endsAt: new Date('2027-01-31'),
  };

  it('when the charter is narrowed (an assistant removed, a shorter period), then nothing loosens', () => {
    expect(looseningChanges({ ...base, assistants: ['letter', 'minutes'] }, base)).toEqual([]);
    expect(looseningChanges(base, { ...base, startsAt: new Date('2026-11-10'), endsAt: new Date('2027-01-01') })).toEqual([]);
  });

  it('when an assistant is added, the policy changes, it ends later or starts earlier, then each is named', () => {
    const after = {
      assistants: ['letter', 'documents'] as ('letter' | 'minutes' | 'documents')[],
      policyId: 'interne-referater',
      startsAt: new Date('2026-10-01'),
      endsAt: new Date('2027-03-01'),
    };
    expect(looseningChanges(base, after).map((l) => l.code)).toEqual(['ASSISTANT_ADDED', 'POLICY_CHANGED', 'ENDS_LATER', 'STARTS_EARLIER']);
  });
});

describe('the sentence that says which assistants a policy does not allow', () => {
  it('names one assistant, several, and what to do when a new version of the policy dropped them', () => {
    expect(assistantsNotAllowedMessage('Interne mødereferater', ['Brevassistenten (klarsprog)'])).toBe(
      'Datapolitikken »Interne mødereferater« tillader ikke »Brevassistenten (klarsprog)«. Fjern assistenten, eller vælg en anden datapolitik.',
    );
    expect(assistantsNotAllowedMessage('Breve', ['A', 'B', 'C'])).toBe(
      'Datapolitikken »Breve« tillader ikke »A«, »B« og »C«. Fjern assistenterne, eller vælg en anden datapolitik.',
    );
    expect(assistantsNotAllowedMessage('Breve', ['Referatassistenten'], true)).toBe(
      'Den nye version af datapolitikken »Breve« tillader ikke »Referatassistenten«. Ret rammen, og fjern assistenten, før du bekræfter den nye version.',
    );
  });

  it('is one of the reasons a trial is not ready to start', () => {
    const base = { briefing: 'Læs udkastet.', assistants: ['minutes'], participantCount: 1, missingApprovals: [], endsAtDay: '2027-01-31', todayDay: '2026-11-27' };
    expect(activationProblems(base)).toEqual([]);
    expect(activationProblems({ ...base, assistantsNotAllowed: 'Datapolitikken »X« tillader ikke »Y«.' })).toEqual([
      { code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY', da: 'Datapolitikken »X« tillader ikke »Y«.' },
    ]);
  });
});
