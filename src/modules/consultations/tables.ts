/** @module Consultations' tables: consultations, their ordered questions, and one answer per organization. */
import type { Generated } from 'kysely';
import type { Flag } from '../../db/schema.js';

/** draft (designed) → open (answers taken) → closed (results counted and shown). */
export type ConsultationStatus = 'draft' | 'open' | 'closed';
/**
 * Who answers: every member organization, the member organizations of the running body (one answer per
 * organization), or anyone with the link (one answer per person, confirmed by mail).
 */
export type Audience = 'members' | 'body' | 'link';
/** When results are shown to everyone: at the close, once the organizers publish them, or live while open. */
export type ResultsRelease = 'close' | 'organizers' | 'live';

export interface ConsultationsTable {
  id: string;
  /** The body that runs it (its secretary designs it). */
  body_id: string;
  /** Translated JSON text. */
  title: string;
  purpose: string;
  instructions: string;
  /** The language it was written in ('es', 'en', 'pt', 'fr'); the others are translations of it. */
  original_lang: Generated<string>;
  audience: Audience;
  /** 1: each organization's answers are published with the results; 0: only the aggregates. */
  publish_answers: Flag;
  results_release: ResultsRelease;
  /** When the results became public (null: only the organizers see them). */
  results_published_at: string | null;
  status: ConsultationStatus;
  /** When the clock opens and closes it (ISO, UTC), or null (opened / closed by hand). */
  opens_at: string | null;
  closes_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  /** When the reminder to organizations that have not answered went out (once). */
  reminded_at: string | null;
  answer_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type QuestionKind = 'rank' | 'points' | 'one' | 'many' | 'scale' | 'short' | 'long';
/** Where a question's items come from: the GCM objectives, guiding principles, countries, or its own list. */
export type ItemSource = 'objectives' | 'principles' | 'countries' | 'custom';

export interface ConsultationQuestionsTable {
  id: string;
  consultation_id: string;
  /** 1, 2, 3… in the order they are asked. */
  position: number;
  kind: QuestionKind;
  required: Flag;
  /** Translated JSON text. */
  prompt: string;
  help: string;
  source: ItemSource | null;
  /** JSON list of custom items [{ key, label: Translated }] (reference items are read from the reference tables). */
  items: string;
  /** many: least and most choices; rank: how many to rank at most (top N); points: the points to distribute (max_n). */
  min_n: number | null;
  max_n: number | null;
  /** scale: translated labels of 1 and 5. */
  low_label: string | null;
  high_label: string | null;
  /** Asked only when the answer to that earlier question has this value. */
  show_if_question: string | null;
  show_if_value: string | null;
}

export interface ConsultationAnswersTable {
  consultation_id: string;
  /** The answering organization's id. */
  respondent: string;
  /** JSON: question id → answer. */
  answers: string;
  /** The person who submitted the current version (each submission is also in the audit log). */
  submitted_by: string;
  /** 1 on the first submission, +1 on each change. */
  version: number;
  created_at: string;
  submitted_at: string;
}

/** What a respondent typed and saved without submitting (one per consultation and respondent); never counted. */
export interface ConsultationDraftsTable {
  consultation_id: string;
  respondent: string;
  /** JSON: the form's values as typed. */
  answers: string;
  saved_by: string;
  saved_at: string;
}

/** A person's answer to an open-link consultation, waiting for them to confirm it from the mail. */
export interface ConsultationPendingTable {
  /** SHA-256 (hex) of the secret in the confirmation link. */
  token_hash: string;
  consultation_id: string;
  email: string;
  name: string;
  /** JSON: question id → answer (already checked). */
  answers: string;
  created_at: string;
  expires_at: string;
}

declare module '../../db/schema.js' {
  interface Database {
    consultations: ConsultationsTable;
    consultation_questions: ConsultationQuestionsTable;
    consultation_answers: ConsultationAnswersTable;
    consultation_drafts: ConsultationDraftsTable;
    consultation_pending: ConsultationPendingTable;
  }
}
