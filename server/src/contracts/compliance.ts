import { z } from 'zod';

/**
 * The compliance drafts of a trial (docs/decisions/0018): drafted from what the system enforces (the charter, the
 * policy, the provider configuration and retention), with the sections a person must write marked as such.
 *   ropa: the record of processing activities entry (GDPR Art. 30)
 *   dpia: the data protection impact assessment draft (GDPR Art. 35)
 *   fria: the fundamental-rights impact assessment draft (AI Act Art. 27), for trials marked possibly high-risk
 *   disclosure: the AI Act Art. 50 disclosure decision
 *   literacy: the AI Act Art. 4 record of who acknowledged which briefing when
 */
export const ComplianceKind = z.enum(['ropa', 'dpia', 'fria', 'disclosure', 'literacy']);
export type ComplianceKind = z.infer<typeof ComplianceKind>;

export const COMPLIANCE_TITLES: Record<ComplianceKind, { da: string; en: string }> = {
  ropa: { da: 'Fortegnelse over behandlingsaktiviteter (GDPR art. 30)', en: 'Record of processing activities (GDPR Art. 30)' },
  dpia: { da: 'Konsekvensanalyse vedrørende databeskyttelse (GDPR art. 35), udkast', en: 'Data protection impact assessment (GDPR Art. 35), draft' },
  fria: { da: 'Konsekvensanalyse for grundlæggende rettigheder (AI-forordningen art. 27), udkast', en: 'Fundamental rights impact assessment (AI Act Art. 27), draft' },
  disclosure: { da: 'Beslutning om mærkning af AI-genereret tekst (AI-forordningen art. 50)', en: 'Disclosure decision for AI-generated text (AI Act Art. 50)' },
  literacy: { da: 'Fortegnelse over AI-introduktion af deltagerne (AI-forordningen art. 4)', en: 'Record of the participants’ AI briefing (AI Act Art. 4)' },
};

/** system: the workbench states it and enforces it as long as the trial runs under it; person: someone must write it. */
export const SectionSource = z.enum(['system', 'person']);
export type SectionSource = z.infer<typeof SectionSource>;

export const ComplianceSection = z.object({
  heading: z.string(),
  source: SectionSource,
  /** Paragraphs; for a person's section, what to write there. */
  paragraphs: z.array(z.string()),
  /** A list under the paragraphs (data classes, measures, participants). */
  items: z.array(z.string()).default([]),
});
export type ComplianceSection = z.infer<typeof ComplianceSection>;

export const ComplianceApprovalView = z.object({
  approvedBy: z.object({ name: z.string() }),
  approvedAt: z.string(),
  /** The facts the approved version rests on are still the facts now. */
  current: z.boolean(),
});
export type ComplianceApprovalView = z.infer<typeof ComplianceApprovalView>;

export const ComplianceDocument = z.object({
  kind: ComplianceKind,
  title: z.string(),
  /** SHA-256 (hex) of the facts the draft rests on: its version. */
  factsHash: z.string(),
  sections: z.array(ComplianceSection),
  /** The latest sign-off by the data protection adviser; null before any. */
  approval: ComplianceApprovalView.nullable(),
  /** Signed off once, but a fact changed since: the sign-off is for an older version. */
  outdated: z.boolean(),
  /** What changed since the sign-off, in Danish ("Formål", "Datapolitik", ...); [] when nothing did. */
  changes: z.array(z.string()),
});
export type ComplianceDocument = z.infer<typeof ComplianceDocument>;

export const ComplianceList = z.object({
  organisation: z.string(),
  trial: z.object({ id: z.string(), title: z.string(), possiblyHighRisk: z.boolean() }),
  documents: z.array(ComplianceDocument),
  /** The viewer is the data protection adviser and may sign off. */
  canApprove: z.boolean(),
});
export type ComplianceList = z.infer<typeof ComplianceList>;

/** The version being signed off: a draft that changed after the adviser read it is refused (409). */
export const ComplianceApprovalRequest = z.object({ factsHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type ComplianceApprovalRequest = z.infer<typeof ComplianceApprovalRequest>;
export const ComplianceDocumentResponse = z.object({ document: ComplianceDocument });
