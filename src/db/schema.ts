/**
 * @module Database type
 * One interface that every table adds itself to. The platform declares its tables here; each module
 * augments `Database` from its own `tables.ts` (`declare module '../../db/schema.js'`), so adding a module
 * never edits this file.
 *
 * Conventions for our own tables (see docs/decisions/0003-one-schema-two-engines.md):
 * ids are text (`newId()`), timestamps are ISO-8601 UTC text, booleans are integers 0/1, JSON is text.
 * The auth tables (users, sessions, accounts, verifications) follow better-auth's own types instead.
 */
import type { ColumnType, Kysely, Transaction } from 'kysely';

/** A boolean stored as 0/1 in both engines. */
export type Flag = number;

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: ColumnType<boolean | number, boolean | number, boolean | number>;
  image: string | null;
  created_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  role: string;
  locale: string | null;
  /** The person's own IANA time zone; null: the browser's, else the Mechanism's (platform migration 1310). */
  time_zone: string | null;
}

export interface SessionsTable {
  id: string;
  expires_at: ColumnType<Date | string, Date | string, Date | string>;
  token: string;
  created_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date | string, Date | string, Date | string>;
  ip_address: string | null;
  user_agent: string | null;
  user_id: string;
}

export interface AccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Date | string | null;
  refresh_token_expires_at: Date | string | null;
  scope: string | null;
  password: string | null;
  created_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date | string, Date | string, Date | string>;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: ColumnType<Date | string, Date | string, Date | string>;
  created_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  kind: string;
  created_at: string;
  sent_at: string | null;
  /** The last delivery error. */
  error: string | null;
  /** pending → sending → sent | failed */
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  /** When a pending row may be tried (null: now). */
  next_attempt_at: string | null;
  /** While sending: when the claim runs out (a worker that died leaves it to be claimed again). */
  locked_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when the body holds a secret (a reset or invitation link): scrubbed once SMTP delivered it. */
  secret: ColumnType<number, number | undefined, number>;
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Extra mail headers as JSON text (List-Unsubscribe…), null: none (platform migration 1400). */
  headers: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON text of `MailAttachment[]` (platform/mail), or null: none. */
  attachments: ColumnType<string | null, string | null | undefined, string | null>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface JobsTable {
  id: string;
  name: string;
  /** JSON. */
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  unique_key: string | null;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  next_run_at: string;
  last_run_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  /** 'daily' and 'weekly' only for update kinds (the digest); see platform/digest. */
  mode: 'immediate' | 'daily' | 'weekly' | 'off';
}

/** One digest run per cadence and period, with the period's bounds (platform/digest). */
export interface DigestRunsTable {
  cadence: string;
  period: string;
  since: string;
  until: string;
  started_at: string;
  finished_at: string | null;
  sent: ColumnType<number, number | undefined, number>;
}

/** One row per person mailed (or found to have nothing) for a cadence and period: the exactly-once record. */
export interface DigestSendsTable {
  user_id: string;
  cadence: string;
  period: string;
  /** The outbox row, null when the person had nothing new (not mailed). */
  outbox_id: string | null;
  at: string;
}

/** When a person was last seen, and when their previous visit ended. */
export interface UserVisitsTable {
  user_id: string;
  seen_at: string;
  previous_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
  /** Unix seconds when the window ends (rows from before this column have null). */
  expires_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ObjectivesTable {
  n: number;
  hub_id: number;
  short_es: string;
  short_en: string;
  short_pt: string;
  short_fr: string;
  title_es: string;
  title_en: string;
  title_pt: string;
  title_fr: string;
}

export interface PrinciplesTable {
  key: string;
  position: number;
  hub_id: number;
  name_es: string;
  name_en: string;
  name_pt: string;
  name_fr: string;
  description_es: string;
  description_en: string;
  description_pt: string;
  description_fr: string;
}

export interface CountriesTable {
  alpha2: string;
  alpha3: string;
  numeric: string;
  lac: Flag;
  name_es: string;
  name_en: string;
  name_pt: string;
  name_fr: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  objectives: ObjectivesTable;
  principles: PrinciplesTable;
  countries: CountriesTable;
  settings: SettingsTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  notification_preferences: NotificationPreferencesTable;
  digest_runs: DigestRunsTable;
  digest_sends: DigestSendsTable;
  user_visits: UserVisitsTable;
}

/** The handle every query and command takes first: the database or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
export type Dialect = 'sqlite' | 'postgres';
