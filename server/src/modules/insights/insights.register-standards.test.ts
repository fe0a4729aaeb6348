import { describe, expect, it } from 'vitest';
import type { PublicRegisterTrial } from '../../contracts/insights.js';
import { type RegisterEntryFacts, toAlgoritmeregister, toAtrsRecord } from './insights.register-standards.js';

// A letter-rewriting trial in Borgerservice as the public register shows it. The period starts and ends at
// midnight in Copenhagen (UTC+1 in March, UTC+2 in August), so a UTC date would be a day off.
const trial: PublicRegisterTrial = {
  id: 'trial-breve-2025',
  title: 'Klarere breve i Borgerservice',
  purpose: 'Medarbejdere i Borgerservice får hjælp til at omskrive breve til borgere, så de bliver lettere at forstå.',
  unit: 'Borgerservice',
  assistants: [{ id: 'letter', name: 'Brevassistenten' }],
  period: { startsAt: '2025-02-28T23:00:00.000Z', endsAt: '2025-08-30T22:00:00.000Z' },
  status: 'ACTIVE',
  policy: {
    title: 'Retningslinjer for Brevassistenten',
    may: [
      { code: 'rewrite', da: 'Bruge assistenten til at omskrive et brev i et klarere sprog.' },
      { code: 'templates', da: 'Bruge assistenten på kommunens standardbreve.' },
    ],
    mayNot: [{ code: 'cpr', da: 'Indsætte cpr-numre eller helbredsoplysninger i assistenten.' }],
    must: [{ code: 'review', da: 'Læse hele brevet igennem, før det sendes til borgeren.' }],
  },
  humanOversight: [
    'En medarbejder læser og godkender hvert brev, før det sendes.',
    'Assistenten træffer ingen afgørelser om borgere.',
  ],
  decision: {
    outcome: 'ADJUST',
    rationale: 'Brevene blev klarere, men assistenten skal justeres til at bevare lovhenvisninger.',
    decidedAt: '2025-09-14T22:30:00.000Z',
  },
};
const facts: RegisterEntryFacts = {
  trial,
  models: [
    { provider: 'offline', model: 'regelmotor', runsLocally: true },
    { provider: 'azure-openai', model: 'gpt-4o', runsLocally: false },
  ],
  organisation: 'Rødovre Kommune',
  registerUrl: 'https://rk.dk/ai-register',
  contactEmail: 'ai@rk.dk',
};
const withTrial = (changes: Partial<PublicRegisterTrial>): RegisterEntryFacts => ({ ...facts, trial: { ...trial, ...changes } });
const allRules = [...trial.policy.may, ...trial.policy.mayNot, ...trial.policy.must];

describe('the Dutch Algoritmeregister entry', () => {
  it('when a trial is mapped, then its title, purpose and organisation land in name, description_short and organization', () => {
    const entry = toAlgoritmeregister(facts);
    expect(entry.name).toBe('Klarere breve i Borgerservice');
    expect(entry.description_short).toBe(trial.purpose);
    expect(entry.organization).toBe('Rødovre Kommune');
    expect(entry.contact_email).toBe('ai@rk.dk');
    expect(entry.url).toBe('https://rk.dk/ai-register');
    expect(entry.source_id).toBe('trial-breve-2025');
    expect(entry.standard_version).toBe('1.0.0');
    expect(entry.lang).toBe('dan');
  });

  it.each([
    ['DRAFT', 'In ontwikkeling'],
    ['ACTIVE', 'In gebruik'],
    ['PAUSED', 'In gebruik'],
    ['CLOSED', 'Buiten gebruik'],
  ] as const)('when the trial is %s, then the status is "%s"', (status, expected) => {
    expect(toAlgoritmeregister(withTrial({ status })).status).toBe(expected);
  });

  it('when the trial is running, then the begin month is the Danish one and the end month stays empty as the standard asks', () => {
    const entry = toAlgoritmeregister(facts);
    expect(entry.begin_date).toBe('2025-03');
    expect(entry.end_date).toBe('');
    expect(entry.missingFields).not.toContain('end_date');
  });

  it('when the trial is closed, then the end month is filled in', () => {
    expect(toAlgoritmeregister(withTrial({ status: 'CLOSED' })).end_date).toBe('2025-08');
  });

  it('when the policy has rules, then what staff may do is in goal and what they may not and must do is in risks', () => {
    const entry = toAlgoritmeregister(facts);
    for (const rule of trial.policy.may) expect(entry.goal).toContain(rule.da);
    for (const rule of [...trial.policy.mayNot, ...trial.policy.must]) expect(entry.risks).toContain(rule.da);
    expect(entry.risks).toContain('Det må medarbejderne ikke:');
  });

  it('when people oversee the assistant, then every sentence is in human_intervention', () => {
    const entry = toAlgoritmeregister(facts);
    for (const sentence of trial.humanOversight) expect(entry.human_intervention).toContain(sentence);
  });

  it('when one model runs locally and one externally, then both are named as such and only the external one is the provider', () => {
    const entry = toAlgoritmeregister(facts);
    expect(entry.methods_and_models).toContain('regelmotor (offline): kører på organisationens egne servere');
    expect(entry.methods_and_models).toContain('gpt-4o (azure-openai): ekstern tjeneste');
    expect(entry.methods_and_models).toContain('Brevassistenten');
    expect(entry.provider).toBe('azure-openai');
  });

  it('when there is a decision, then its Danish label, date and rationale are in proportionality', () => {
    expect(toAlgoritmeregister(facts).proportionality).toBe(
      'Beslutning 2025-09-15: Justér. Brevene blev klarere, men assistenten skal justeres til at bevare lovhenvisninger.',
    );
  });

  it('when there is no decision yet, then the entry still maps and proportionality is left for a person', () => {
    const entry = toAlgoritmeregister(withTrial({ decision: null }));
    expect(entry.name).toBe(trial.title);
    expect(entry.proportionality).toBe('');
    expect(entry.missingFields).toContain('proportionality');
  });

  it('when the facts say nothing of legal basis, theme, category or data, then those are empty and listed as missing', () => {
    const entry = toAlgoritmeregister(facts);
    expect(entry.lawful_basis).toBe('');
    expect(entry.missingFields).toEqual(expect.arrayContaining([
      'lawful_basis', 'publication_category', 'category', 'source_data', 'impacttoetsen', 'website',
    ]));
    for (const filled of ['name', 'organization', 'status', 'goal', 'risks', 'human_intervention', 'proportionality', 'provider']) {
      expect(entry.missingFields).not.toContain(filled);
    }
  });

  it('when every model runs locally and there is no contact, then no supplier is claimed and both are left for a person', () => {
    const entry = toAlgoritmeregister({ ...facts, models: [facts.models[0]!], contactEmail: null });
    expect(entry.provider).toBe('');
    expect(entry.contact_email).toBe('');
    expect(entry.missingFields).toEqual(expect.arrayContaining(['provider', 'contact_email']));
  });
});

describe('the UK ATRS record', () => {
  it('when a trial is mapped, then title, purpose, organisation and unit land in Tier 1 and owner and responsibility', () => {
    const record = toAtrsRecord(facts);
    expect(record.metadata.standard_version).toBe('v3.0');
    expect(record.metadata.title).toBe(trial.title);
    expect(record.metadata.organisation_name).toBe('Rødovre Kommune');
    expect(record.tier_1).toEqual({
      name: trial.title,
      description: trial.purpose,
      website_url: 'https://rk.dk/ai-register',
      contact_email: 'ai@rk.dk',
    });
    expect(record.tier_2.owner_and_responsibility.organisation_or_department).toBe('Rødovre Kommune');
    expect(record.tier_2.owner_and_responsibility.team).toBe('Borgerservice');
  });

  it.each([
    ['DRAFT', 'Pre-deployment'],
    ['ACTIVE', 'Beta/Pilot'],
    ['PAUSED', 'Beta/Pilot'],
    ['CLOSED', 'Retired'],
  ] as const)('when the trial is %s, then the phase is "%s" in both places the standard has it', (status, expected) => {
    const record = toAtrsRecord(withTrial({ status }));
    expect(record.metadata.phase).toBe(expected);
    expect(record.tier_2.tool_specification.phase).toBe(expected);
  });

  it('when the period is given, then the scope shows it as Danish calendar days YYYY-MM-DD', () => {
    expect(toAtrsRecord(facts).tier_2.description_and_rationale.scope).toContain('Prøveperiode: 2025-03-01 til 2025-08-31.');
  });

  it('when the policy has rules, then what staff may do is in scope and what they may not and must do is in risks and mitigations', () => {
    const { description_and_rationale, risks_mitigations_and_impact_assessments } = toAtrsRecord(facts).tier_2;
    for (const rule of trial.policy.may) expect(description_and_rationale.scope).toContain(rule.da);
    for (const rule of [...trial.policy.mayNot, ...trial.policy.must]) {
      expect(risks_mitigations_and_impact_assessments.risks_and_mitigations).toContain(rule.da);
    }
    const all = JSON.stringify(toAtrsRecord(facts));
    for (const rule of allRules) expect(all).toContain(rule.da);
  });

  it('when people oversee the assistant, then every sentence is in human decisions and review', () => {
    const review = toAtrsRecord(facts).tier_2.decision_making_process.human_decisions_and_review;
    expect(review).toBe(trial.humanOversight.join('\n'));
  });

  it('when one model is external, then both models are listed with where they run and the external provider is the supplier', () => {
    const { tool_specification, owner_and_responsibility } = toAtrsRecord(facts).tier_2;
    expect(tool_specification.models).toBe(
      'regelmotor (offline): kører på organisationens egne servere\n' +
        'gpt-4o (azure-openai): ekstern tjeneste uden for organisationens egne servere',
    );
    expect(tool_specification.model_specification.map((m) => m.model_name)).toEqual(['regelmotor', 'gpt-4o']);
    expect(owner_and_responsibility.external_supplier_involvement).toBe('Ja');
    expect(owner_and_responsibility.external_supplier).toBe('azure-openai');
  });

  it('when there is a decision, then its Danish label is in benefit, the justification of use', () => {
    expect(toAtrsRecord(facts).tier_2.description_and_rationale.benefit).toContain('Justér');
  });

  it('when there is no decision yet, then the record still maps and benefit, which the standard requires, is listed as missing', () => {
    const record = toAtrsRecord(withTrial({ decision: null }));
    expect(record.tier_1.name).toBe(trial.title);
    expect(record.tier_2.description_and_rationale.benefit).toBe('');
    expect(record.missingFields).toContain('tier_2.description_and_rationale.benefit');
    expect(toAtrsRecord(facts).missingFields).not.toContain('tier_2.description_and_rationale.benefit');
  });

  it('when facts are silent on owner, impact assessment, region and model details, then those paths are listed as missing', () => {
    const record = toAtrsRecord(facts);
    expect(record.missingFields).toEqual(expect.arrayContaining([
      'metadata.region',
      'metadata.date_of_completion',
      'tier_2.owner_and_responsibility.senior_responsible_owner',
      'tier_2.owner_and_responsibility.data_access_terms',
      'tier_2.risks_mitigations_and_impact_assessments.impact_assessment',
      'tier_2.tool_specification.model_specification[1].model_version',
      'tier_2.tool_specification.data_specification.sensitive_attributes',
    ]));
    for (const filled of ['metadata.id', 'metadata.date_archived', 'tier_1.name', 'tier_2.tool_specification.models']) {
      expect(record.missingFields).not.toContain(filled);
    }
  });

  it('when the trial is closed, then the archive date is asked for', () => {
    expect(toAtrsRecord(withTrial({ status: 'CLOSED' })).missingFields).toContain('metadata.date_archived');
  });
});

describe('both mappings', () => {
  it('when the same facts are mapped twice, then the output is the same and survives JSON', () => {
    expect(toAlgoritmeregister(facts)).toEqual(toAlgoritmeregister(structuredClone(facts)));
    expect(toAtrsRecord(facts)).toEqual(toAtrsRecord(structuredClone(facts)));
    expect(JSON.parse(JSON.stringify(toAtrsRecord(facts)))).toEqual(toAtrsRecord(facts));
  });
});
