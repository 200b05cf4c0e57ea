/**
 * @module Module manifest
 * What a module registers with the platform. Adding a capability means adding a folder under
 * src/modules with a manifest.ts exporting one of these, and one line in src/modules/index.ts.
 */
import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Child } from 'hono/jsx';
import type { Migrations } from '../db/migrator.js';
import type { Db, Dialect } from '../db/schema.js';
import type { AppEnv } from './http/env.js';
import type { Locale } from './i18n/locales.js';
import type { Mailer } from './mail/mailer.js';
import type { JobDefinition, ScheduleDefinition } from './jobs/jobs.js';
import type { Logger } from 'pino';

export type Catalog = { [key: string]: string | Catalog };

/** What a seed function receives: the database, its engine, and how to report what it did. */
export interface SeedContext {
  db: Db;
  dialect: Dialect;
  log: Logger;
  /** The first administrator's user id (exists before modules seed). */
  adminId: string;
}

/** An upload route: a hono path pattern under /:lang (e.g. '/organizations/:id/logo') and its body limit. */
export interface UploadLimit {
  path: string;
  /** The whole request body's limit in bytes (the file plus the form around it). */
  maxBytes: number;
}

/** A link in the main navigation or the administration menu. */
export interface NavItem {
  /** Path after the language prefix, e.g. '/bodies'. */
  path: string;
  /** i18n key of the label. */
  label: string;
  /** Where it shows: the public header, the signed-in menu, or the administration menu. */
  area: 'main' | 'account' | 'admin';
  order?: number;
}

/** A block another page (an objective's page, the home page) shows on behalf of a module. */
export interface SectionContext {
  db: Db;
  dialect: Dialect;
  locale: Locale;
  t: (key: string, opts?: Record<string, unknown>) => string;
}
/** One live figure on the home page: a number, what it counts (already in the reader's language), and where to see them. */
export interface HomeFigure {
  value: number;
  /** The words after the number, agreeing with it ("organizaciones miembro"). */
  label: string;
  href?: string;
  /** Place among the figures, smallest first. */
  order: number;
}
export type SectionProvider<T> = (ctx: SectionContext, subject: T) => Promise<Child | null>;

/**
 * Organizations grouped by another module (a Mesa's member organizations, kept by bodies): the directory
 * offers the groups as a filter (`?param=value`) and an organization's page lists the groups it is in, so
 * the module that owns the grouping answers and the directory never reads its tables.
 */
export interface OrganizationGroups {
  /** The directory's query parameter, e.g. 'body'. */
  param: string;
  /** i18n keys: the filter's label, and the heading over an organization's groups. */
  label: string;
  heading: string;
  /** The groups to choose from, in order. */
  options: (db: Db, locale: Locale) => Promise<{ value: string; label: string }[]>;
  /** The ids of the organizations in a group (empty when there is no such group). */
  members: (db: Db, value: string) => Promise<string[]>;
  /** The groups an organization is in, each with its page. */
  of: (db: Db, locale: Locale, orgId: string) => Promise<{ value: string; label: string; href: string }[]>;
}

export interface ModuleManifest {
  /** Short name; also the namespace of its messages (`bodies:title`) — use letters only. */
  name: string;
  /** Frozen migrations, named YYYY_MM_DD_HHMM_module_what. */
  migrations?: Migrations;
  /** Interface strings, one catalog per locale; keys are used as `${name}.key`. */
  messages?: Record<Locale, Catalog>;
  /** HTML pages, mounted under /:lang. */
  routes?: Hono<AppEnv>;
  /** JSON endpoints, mounted under /api/v1 and described in the OpenAPI document. */
  api?: (api: OpenAPIHono<AppEnv>) => void;
  /** Creates the Mechanism's real data on an empty database (idempotent). */
  seed?: (ctx: SeedContext) => Promise<void>;
  /** Adds clearly labelled demo data (npm start -- --demo). */
  demo?: (ctx: SeedContext) => Promise<void>;
  nav?: NavItem[];
  /** Sections shown on each GCM objective's page (practices, organizations, bodies working on it). */
  objectiveSections?: SectionProvider<{ n: number }>;
  /** Sections shown on the home page, under "what is new". */
  homeSections?: SectionProvider<Record<string, never>>;
  /** Live figures for the home page (member organizations, practices, upcoming elections…), counted now. */
  homeFigures?: (ctx: SectionContext) => Promise<HomeFigure[]>;
  /** Background jobs this module runs (names prefixed by the module: 'elections.clock'). */
  jobs?: JobDefinition[];
  /** Cron schedules (UTC) that enqueue one of the jobs at each tick, once across instances. */
  schedules?: ScheduleDefinition[];
  /**
   * The kinds of notification the module sends with `notify()`; each person chooses per kind (immediately or not
   * at all; mandatory kinds — account security — cannot be switched off). `label` is an i18n key.
   */
  notifications?: NotificationKind[];
  /** What it keeps about a person, for the copy of their data they download from their account page (JSON). */
  personalData?: (db: Db, userId: string) => Promise<unknown>;
  /**
   * A person deleted their account: remove what ties them to the module's records (their roles in organizations,
   * positions held from now on), inside the deletion's transaction. History stays, under an anonymous name.
   */
  forgetPerson?: (db: Db, userId: string) => Promise<void>;
  /** How its entries in the one history read as sentences (the admin log): see platform/audit/read.ts. */
  audit?: AuditReading;
  /** Groups of organizations the module keeps, offered to the member directory (see OrganizationGroups). */
  organizationGroups?: OrganizationGroups;
  /**
   * Routes that take files, with their request body limit; every other request body is limited to 1 MB
   * (platform/http/body-limit.ts). `path` is a hono pattern under /:lang, as the module's routes write it.
   */
  uploadLimits?: UploadLimit[];
}

/**
 * How a module's history entries read. Each action `<prefix><rest>` reads as the module's message
 * `<module>.auditLog.<rest>`: a sentence with {{actor}}, {{subject}}, {{org}}/{{body}}/{{person}} (from the
 * entry's orgId/bodyId/userId), the entry's plain data values and whatever `params` adds.
 */
export interface AuditReading {
  /** The start of every action it writes, e.g. 'body.'. */
  prefix: string;
  /** The names of the subjects it owns, by subject type, in the reader's language. */
  names?: Record<string, (db: Db, ids: string[], locale: Locale) => Promise<Map<string, string>>>;
  /** Extra values for the sentence from an entry's data (a position's label, a status in words). */
  params?: (data: Record<string, unknown>, t: (key: string, opts?: Record<string, unknown>) => string) => Record<string, unknown>;
}

/** A kind of notification, as listed on a person's notification settings. */
export interface NotificationKind {
  /** The `kind` passed to notify() (and stored on each outbox row). */
  kind: string;
  /** i18n key of its label on the settings page. */
  label: string;
  /** Account security mail: always sent, never switched off. */
  mandatory?: boolean;
}

/** Helps type a manifest. */
export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}

export type { Mailer, JobDefinition, ScheduleDefinition };
