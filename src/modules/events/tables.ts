/** @module Events' tables. See the migration for the seat counter. */

export const EVENT_KINDS = ['workshop', 'seminar', 'course', 'mesa_meeting', 'conversatorio', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
/** public: anyone; members: people of member organizations; body: people of the chosen body's member organizations. */
export const VISIBILITIES = ['public', 'members', 'body'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const REGISTRATION_MODES = ['open', 'approval', 'invitation'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];
export const SECTORS = ['civil_society', 'government', 'un_agency', 'academia', 'other'] as const;
export type Sector = (typeof SECTORS)[number];
export const PARTICIPANT_ROLES = ['participant', 'speaker', 'organizer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
/**
 * pending_email: a person without an account who has not confirmed their address yet (holds no seat);
 * pending_approval: waiting for the organizers (holds no seat); registered: holds a seat; waitlisted: in
 * line for one; declined: refused by the organizers; cancelled: by the person.
 */
export type RegistrationStatus = 'pending_email' | 'pending_approval' | 'registered' | 'waitlisted' | 'declined' | 'cancelled';
export type EventStatus = 'scheduled' | 'cancelled';

export interface EventsTable {
  id: string;
  kind: EventKind;
  /** Translated JSON text. */
  title: string;
  /** Translated JSON text. */
  description: string;
  /** The language the organizers wrote the event in (translation status is measured against it). */
  original_lang: string;
  format: EventFormat;
  venue_address: string | null;
  venue_city: string | null;
  /** ISO 3166 alpha-2. */
  venue_country: string | null;
  /** Shown only to registered participants and the organizers. */
  online_url: string | null;
  /** UTC instants (ISO text). */
  starts_at: string;
  ends_at: string;
  /** The IANA zone the event happens in. */
  time_zone: string;
  visibility: Visibility;
  visibility_body_id: string | null;
  registration_mode: RegistrationMode;
  /** Seats; null: no limit. */
  capacity: number | null;
  registration_closes_at: string | null;
  /** Seats taken (registrations in status 'registered'); changed only by conditional updates. */
  registered_count: number;
  status: EventStatus;
  /** iCalendar SEQUENCE: bumped on every change. */
  sequence: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Set for an event organized outside the Mechanism (representation at others' events): who organizes it. */
  external_by: ExternalBy | null;
  /** The organizer's name (plain text), for an external event. */
  external_organizer: string | null;
}

export interface EventBodiesTable {
  event_id: string;
  body_id: string;
}

export interface EventObjectivesTable {
  event_id: string;
  objective_n: number;
}

export interface EventAgendaTable {
  id: string;
  event_id: string;
  position: number;
  starts_at: string;
  /** Plain text, in the language the organizers wrote it. */
  title: string;
  speakers: string | null;
}

export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  /** The account, or null for a person registered without one. */
  user_id: string | null;
  /** Lower case; one registration per person (address) and event. */
  email: string;
  name: string;
  /** Typed by people without an account (or outside the directory). */
  organization: string | null;
  /** The member organization (directory) the person takes part for, when they chose one. */
  org_id: string | null;
  /** The language mails to this person are written in (accounts: their own setting). */
  locale: string | null;
  sector: Sector;
  role: ParticipantRole;
  status: RegistrationStatus;
  /** Secret: the confirmation / cancellation link of a person without an account. */
  token: string;
  /** Short code shown at the door. */
  check_in_code: string;
  /** Position in the waitlist (when it joined it). */
  waitlisted_at: string | null;
  /** Set once the reminder before the start was written (idempotent reminders). */
  reminded_at: string | null;
  /** Marked present by the organizers (at the door by check-in code, or ticked). */
  attended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventInvitationsTable {
  /** Secret code sent to the invited address; used once. */
  code: string;
  event_id: string;
  email: string;
  /** The registration that used it. */
  used_by: string | null;
  created_at: string;
}

export interface EventFeedTokensTable {
  user_id: string;
  /** Secret: the personal calendar feed's address. */
  token: string;
  created_at: string;
}

export interface EventMinutesTable {
  event_id: string;
  /** Translated JSON of Markdown texts. */
  summary: string;
  agreements: string;
  /** Shown on the event page once set. */
  published_at: string | null;
  updated_at: string;
}

export interface EventActionsTable {
  id: string;
  event_id: string;
  position: number;
  /** A follow-up action (plain text, in the language the organizers wrote it). */
  text: string;
  /** The body responsible. */
  body_id: string | null;
  /** ISO date. */
  due_on: string | null;
}

export const QUESTION_KINDS = ['text', 'choice', 'accessibility', 'interpretation'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A question the organizers ask everyone registering (plain text in the organizers' language). */
export interface EventQuestionsTable {
  id: string;
  event_id: string;
  position: number;
  kind: QuestionKind;
  /** Empty for accessibility and interpretation questions: the platform's translated wording is shown. */
  label: string;
  /** JSON text array of the options of a 'choice' question. */
  choices: string | null;
  required: number;
}

/** A registration's answer to one question (interpretation: a language code). */
export interface EventAnswersTable {
  registration_id: string;
  question_id: string;
  value: string;
}

export const MATERIAL_PHASES = ['before', 'after'] as const;
export const MATERIAL_AUDIENCES = ['public', 'participants'] as const;

/** A file (checked by its bytes, stored under DATA_DIR/uploads/events) or a link (presentation, recording). */
export interface EventMaterialsTable {
  id: string;
  event_id: string;
  kind: 'file' | 'link';
  phase: (typeof MATERIAL_PHASES)[number];
  /** public: whoever sees the event; participants: people holding a seat, and the organizers. */
  audience: (typeof MATERIAL_AUDIENCES)[number];
  title: string;
  url: string | null;
  file_name: string | null;
  stored_name: string | null;
  content_type: string | null;
  size: number | null;
  created_by: string | null;
  created_at: string;
}

export const EXTERNAL_BY = ['government', 'un_network', 'network', 'other'] as const;
export type ExternalBy = (typeof EXTERNAL_BY)[number];

/** The Mechanism at an external event: the mandate (before) and the report brought back (after), per language. */
export interface EventRepresentationTable {
  event_id: string;
  /** Translated JSON of Markdown texts. */
  mandate: string;
  report: string;
  reported_at: string | null;
  updated_at: string;
}

/** Who represents which body at an external event (a delegate or position holder of that body). */
export interface EventRepresentativesTable {
  event_id: string;
  user_id: string;
  body_id: string;
  name: string;
}

declare module '../../db/schema.js' {
  interface Database {
    events: EventsTable;
    event_bodies: EventBodiesTable;
    event_objectives: EventObjectivesTable;
    event_agenda: EventAgendaTable;
    event_registrations: EventRegistrationsTable;
    event_invitations: EventInvitationsTable;
    event_feed_tokens: EventFeedTokensTable;
    event_minutes: EventMinutesTable;
    event_actions: EventActionsTable;
    event_questions: EventQuestionsTable;
    event_answers: EventAnswersTable;
    event_materials: EventMaterialsTable;
    event_representation: EventRepresentationTable;
    event_representatives: EventRepresentativesTable;
  }
}
