/**
 * The public AI register's facts about one trial, laid out in two external transparency standards, so a
 * municipality can hand them to a Dutch- or UK-style register without retyping. Only facts are mapped and the
 * text stays in Danish; what the facts cannot fill is left empty and named in `missingFields`, for a person to
 * write (nothing is guessed: no legal basis, risk category or owner is made up).
 *
 * Algoritmeregister publicatiestandaard 1.0.0: field names, value lists and the yyyy-mm dates from the JSON
 * schema in github.com/MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0_0.json; field texts in
 * github.com/MinBZK/Algoritmeregister-Publicatiestandaard, ch02.md (document 1.0.9 of 2024-07-09).
 *
 * ATRS v3.0 (March 2024): field names and sections from github.com/co-cddo/algorithmic-transparency-recording-
 * standard, template_table.md; phase values from GOV.UK's finder, github.com/alphagov/specialist-publisher,
 * lib/documents/schemas/algorithmic_transparency_records.json. A v4.0 exists there only as PDFs that could not be
 * read, so v3.0 is the latest version whose fields are followed here.
 */
import type { PublicRegisterTrial } from '../../contracts/insights.js';
import { DECISION_OUTCOME_LABELS } from '../../contracts/trials.js';
import { localDay } from '../../lib/dates.js';

export interface RegisterModel {
  provider: string;
  model: string;
  /** true when the model runs on the organisation's own servers (offline engine, Ollama/vLLM on premises) */
  runsLocally: boolean;
}
export interface RegisterEntryFacts {
  trial: PublicRegisterTrial;
  models: RegisterModel[];
  organisation: string;
  /** absolute URL of the public register page, e.g. https://kommune.dk/ai-register */
  registerUrl: string;
  contactEmail: string | null;
}

export type AlgoritmeregisterStatus = 'In ontwikkeling' | 'In gebruik' | 'Buiten gebruik';
export type AlgoritmeregisterCategory = 'Hoog-risico AI-systeem' | 'Impactvolle algoritmes' | 'Overige algoritmes';
export interface AlgoritmeregisterLink { title: string; link: string }

/** One registration in the Dutch standard, field for field; empty where the facts are silent. */
export interface AlgoritmeregisterEntry {
  name: string;
  description_short: string;
  organization: string;
  /** "Thema": values from the TOP list, which a trial's facts do not name. */
  category: string[];
  status: AlgoritmeregisterStatus;
  /** yyyy-mm, as the standard writes dates; end_date stays empty while the algorithm is in use. */
  begin_date: string;
  end_date: string;
  contact_email: string;
  website: string;
  publication_category: AlgoritmeregisterCategory | '';
  /** "Link naar bronregistratie": the organisation's own register */
  url: string;
  goal: string; proportionality: string; human_intervention: string; risks: string;
  lawful_basis: string; lawful_basis_grouping: AlgoritmeregisterLink[]; process_index_url: string;
  impacttoetsen_grouping: AlgoritmeregisterLink[]; impacttoetsen: string;
  source_data: string; source_data_grouping: AlgoritmeregisterLink[];
  methods_and_models: string; provider: string; publiccode: string;
  /** ISO 639-3 as the standard asks; its own list has only 'nld', so a Dutch register needs a translation. */
  lang: 'dan';
  standard_version: '1.0.0';
  source_id: string;
  tags: string;
  /** Fields left empty that a person must write; not part of the standard, drop it before submitting. */
  missingFields: string[];
}

export type AtrsPhase = 'Pre-deployment' | 'Beta/Pilot' | 'Production' | 'Retired';
export interface AtrsModelSpecification {
  model_name: string; model_version: string; model_task: string; model_input: string; model_output: string;
  model_architecture: string; model_performance: string; datasets: string; dataset_purposes: string;
}

/** One ATRS record: the metadata and title section, Tier 1, and the five Tier 2 sections. */
export interface AtrsRecord {
  metadata: {
    /** issued by the ATRS team on publication */
    id: number | null;
    standard_version: 'v3.0';
    organisation_type: string; function: string; capability: string; task: string; tags: string;
    /** YYYY-MM-DD, set when the record is published or updated */
    date_of_completion: string; date_updated: string; date_archived: string;
    title: string; organisation_name: string; phase: AtrsPhase; region: string; one_sentence_description: string;
  };
  tier_1: { name: string; description: string; website_url: string; contact_email: string };
  tier_2: {
    owner_and_responsibility: {
      organisation_or_department: string; team: string; senior_responsible_owner: string;
      external_supplier_involvement: string; external_supplier: string; companies_house_number: string;
      external_supplier_role: string; procurement_procedure_type: string; data_access_terms: string;
    };
    description_and_rationale: {
      detailed_description: string; scope: string; benefit: string; previous_process: string; alternatives_considered: string;
    };
    decision_making_process: {
      process_integration: string; provided_information: string; frequency_and_scale_of_usage: string;
      human_decisions_and_review: string; required_training: string; appeals_and_review: string;
    };
    tool_specification: {
      system_architecture: string; phase: AtrsPhase; maintenance: string; models: string;
      model_specification: AtrsModelSpecification[];
      data_specification: {
        source_data_name: string; data_modality: string; data_description: string; data_quantities: string;
        sensitive_attributes: string; data_completeness_and_representativeness: string; source_data_url: string;
        data_collection: string; data_cleaning: string; data_sharing_agreements: string; data_access_and_storage: string;
      };
    };
    risks_mitigations_and_impact_assessments: { impact_assessment: string; risks_and_mitigations: string };
  };
  /** Dotted paths of the fields left empty that a person must write; not part of the standard. */
  missingFields: string[];
}

const STATUS: Record<PublicRegisterTrial['status'], AlgoritmeregisterStatus> = {
  DRAFT: 'In ontwikkeling', ACTIVE: 'In gebruik', PAUSED: 'In gebruik', CLOSED: 'Buiten gebruik',
};
/** A running trial is a pilot in ATRS terms, never yet "Production". */
const PHASE: Record<PublicRegisterTrial['status'], AtrsPhase> = {
  DRAFT: 'Pre-deployment', ACTIVE: 'Beta/Pilot', PAUSED: 'Beta/Pilot', CLOSED: 'Retired',
};

const day = (iso: string) => localDay(new Date(iso));
const month = (iso: string) => day(iso).slice(0, 7);

/** "Heading:\n- a\n- b", or nothing when there are no lines, so an empty list leaves the field empty. */
function section(heading: string, lines: string[]): string {
  return lines.length ? `${heading}\n${lines.map((l) => `- ${l}`).join('\n')}` : '';
}
const paragraphs = (...parts: string[]) => parts.filter((p) => p.trim()).join('\n\n');
const rules = (lines: { da: string }[]) => lines.map((l) => l.da);

const LOCAL = 'kører på organisationens egne servere';
const EXTERNAL = 'ekstern tjeneste uden for organisationens egne servere';
const modelLines = (models: RegisterModel[]) => models.map((m) => `${m.model} (${m.provider}): ${m.runsLocally ? LOCAL : EXTERNAL}`);
/** The providers of models run outside the organisation: the only suppliers the facts show. */
function externalProviders(models: RegisterModel[]): string {
  return [...new Set(models.filter((m) => !m.runsLocally).map((m) => m.provider))].join(', ');
}
function decisionText(trial: PublicRegisterTrial): string {
  const d = trial.decision;
  if (!d) return '';
  return `Beslutning ${day(d.decidedAt)}: ${DECISION_OUTCOME_LABELS[d.outcome].da}.${d.rationale.trim() ? ` ${d.rationale.trim()}` : ''}`;
}
const safeguards = (t: PublicRegisterTrial) =>
  paragraphs(section('Det må medarbejderne ikke:', rules(t.policy.mayNot)), section('Det skal medarbejderne:', rules(t.policy.must)));
const tagsOf = (t: PublicRegisterTrial) => [t.unit, ...t.assistants.map((a) => a.name)].filter((s) => s.trim()).join(', ');

/** Every empty string, null or empty list under `value`, by path, except those the standard wants empty now. */
function emptyPaths(value: unknown, path: string, expectedEmpty: Set<string>): string[] {
  if (expectedEmpty.has(path)) return [];
  if (value === null || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyPaths(v, `${path}[${i}]`, expectedEmpty));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => emptyPaths(v, path ? `${path}.${k}` : k, expectedEmpty));
  }
  return [];
}

/** The trial as one Algoritmeregister registration: allowed uses are its goal, the other rules its risk measures. */
export function toAlgoritmeregister(facts: RegisterEntryFacts): AlgoritmeregisterEntry {
  const { trial, models } = facts;
  const entry: Omit<AlgoritmeregisterEntry, 'missingFields'> = {
    name: trial.title,
    description_short: trial.purpose,
    organization: facts.organisation,
    category: [],
    status: STATUS[trial.status],
    // "In gebruik genomen": a trial not yet started has no begin month, and only a stopped one has an end month.
    begin_date: trial.status === 'DRAFT' ? '' : month(trial.period.startsAt),
    end_date: trial.status === 'CLOSED' ? month(trial.period.endsAt) : '',
    contact_email: facts.contactEmail ?? '',
    website: '', publication_category: '',
    url: facts.registerUrl,
    goal: paragraphs(trial.purpose, section('Det må medarbejderne:', rules(trial.policy.may))),
    proportionality: decisionText(trial),
    human_intervention: trial.humanOversight.join('\n'),
    risks: safeguards(trial),
    lawful_basis: '', lawful_basis_grouping: [], process_index_url: '',
    impacttoetsen_grouping: [], impacttoetsen: '', source_data: '', source_data_grouping: [],
    methods_and_models: paragraphs(
      section('Assistenter:', trial.assistants.map((a) => a.name)),
      section('Modeller:', modelLines(models)),
    ),
    provider: externalProviders(models),
    publiccode: '', lang: 'dan', standard_version: '1.0.0',
    source_id: trial.id,
    tags: tagsOf(trial),
  };
  const expectedEmpty = new Set<string>();
  if (trial.status !== 'CLOSED') expectedEmpty.add('end_date');
  if (trial.status === 'DRAFT') expectedEmpty.add('begin_date');
  return { ...entry, missingFields: emptyPaths(entry, '', expectedEmpty) };
}

/** The trial as an ATRS record; a running trial is a pilot, and the decision is the justification of use. */
export function toAtrsRecord(facts: RegisterEntryFacts): AtrsRecord {
  const { trial, models } = facts;
  const phase = PHASE[trial.status];
  const external = externalProviders(models);
  const blankModel = {
    model_version: '', model_task: '', model_input: '', model_output: '',
    model_architecture: '', model_performance: '', datasets: '', dataset_purposes: '',
  };
  const record: Omit<AtrsRecord, 'missingFields'> = {
    metadata: {
      id: null,
      standard_version: 'v3.0',
      organisation_type: '', function: '', capability: '', task: '',
      tags: tagsOf(trial),
      date_of_completion: '', date_updated: '', date_archived: '',
      title: trial.title,
      organisation_name: facts.organisation,
      phase,
      // ATRS regions are UK ones only; a Danish organisation has none to pick.
      region: '',
      one_sentence_description: trial.purpose,
    },
    tier_1: { name: trial.title, description: trial.purpose, website_url: facts.registerUrl, contact_email: facts.contactEmail ?? '' },
    tier_2: {
      owner_and_responsibility: {
        organisation_or_department: facts.organisation,
        team: trial.unit,
        senior_responsible_owner: '',
        // Only a model run elsewhere shows a supplier; local models say nothing either way.
        external_supplier_involvement: external ? 'Ja' : '',
        external_supplier: external,
        companies_house_number: '', external_supplier_role: '', procurement_procedure_type: '', data_access_terms: '',
      },
      description_and_rationale: {
        detailed_description: '',
        scope: paragraphs(
          trial.purpose,
          `Prøveperiode: ${day(trial.period.startsAt)} til ${day(trial.period.endsAt)}.`,
          section('Det må medarbejderne:', rules(trial.policy.may)),
        ),
        benefit: decisionText(trial),
        previous_process: '', alternatives_considered: '',
      },
      decision_making_process: {
        process_integration: '', provided_information: '', frequency_and_scale_of_usage: '',
        human_decisions_and_review: trial.humanOversight.join('\n'),
        required_training: '', appeals_and_review: '',
      },
      tool_specification: {
        system_architecture: '', phase, maintenance: '',
        models: modelLines(models).join('\n'),
        model_specification: models.map((m) => ({ model_name: m.model, ...blankModel })),
        data_specification: {
          source_data_name: '', data_modality: '', data_description: '', data_quantities: '', sensitive_attributes: '',
          data_completeness_and_representativeness: '', source_data_url: '', data_collection: '', data_cleaning: '',
          data_sharing_agreements: '', data_access_and_storage: '',
        },
      },
      risks_mitigations_and_impact_assessments: { impact_assessment: '', risks_and_mitigations: safeguards(trial) },
    },
  };
  const expectedEmpty = new Set(['metadata.id']);
  if (phase !== 'Retired') expectedEmpty.add('metadata.date_archived');
  return { ...record, missingFields: emptyPaths(record, '', expectedEmpty) };
}
