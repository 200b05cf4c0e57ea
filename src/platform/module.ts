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
import type { CurrentUser } from './http/env.js';
import type { Formatters } from './i18n/i18n.js';

export type Catalog = { [key: string]: string | Catalog };

/** What a seed function receives: the database, its engine, and how to report what it did. */
export interface SeedContext {
  db: Db;
  dialect: Dialect;
  log: Logger;
  /** The first administrator's user id (exists before modules seed). */
  adminId: string;
  /** Where uploaded files live (DATA_DIR): a seed that adds files (the library's factsheet) writes them there; absent: files are skipped. */
  dataDir?: string;
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
  /**
   * The reader, where the page depends on them (a body's or an organization's page, a link's target); null or
   * absent: a signed-out visitor — the only reader whose page the page cache keeps.
   */
  user?: CurrentUser | null;
  /**
   * Sections that are the same for every reader — or for every reader of one visibility class, which the key then
   * names — made once per language and kept as long as a cached public page (emptied by every write, on every
   * instance). Use through `sharedSection` (platform/views/fragment.tsx); absent (digest, tests): made every time.
   * What `make` renders sees no user and no CSRF token.
   */
  shared?: (key: string, make: () => Promise<Child | null>) => Promise<Child | null>;
  /**
   * Data the same for every reader (a body's open consultations…), kept as a page-cache fragment under the key
   * (emptied by every write, on every instance). Use through `keptData` (platform/views/fragment.tsx); absent: read
   * every time.
   */
  keep?: <T>(key: string, make: () => Promise<T>) => Promise<T>;
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

/**
 * Something other modules may link to — an event, a consultation, a practice, a pledge, a document — without
 * knowing its tables: the linking module stores the pair (`type`, id) in its own table, and asks the target's
 * module for titles and pages when it shows the links (platform/links.ts). A module added later becomes linkable
 * by declaring its targets; the linking module's tables do not change.
 */
export interface LinkTarget {
  /** Stable name, stored by linking modules: '<module>.<thing>', e.g. 'events.event'. */
  type: string;
  /** i18n key of the kind's name ("Event"), for the picker and the list of links. */
  label: string;
  /**
   * The things with these ids that the reader (`ctx.user`) may see: title in the reader's language and page.
   * An id left out does not exist or is hidden from this reader.
   */
  resolve: (ctx: SectionContext, ids: string[]) => Promise<Map<string, { title: string; href: string }>>;
  /** Candidates for a picker: things the reader may see whose title matches `q` (empty: the most recent). */
  search: (ctx: SectionContext, q: string, limit: number) => Promise<{ id: string; title: string }[]>;
}

/** What a report covers: the whole Mechanism, one body, or one GCM objective, over [from, to) (ISO dates). */
export interface ReportScope {
  kind: 'mechanism' | 'body' | 'objective';
  bodyId?: string;
  objective?: number;
  from: string;
  to: string;
}

/**
 * What a section's `data` receives: the database, and for a body's report the body's member organizations
 * (resolved once by the reports module, so a module that may not ask bodies — membership — can still filter).
 */
export interface ReportDataContext {
  db: Db;
  dialect: Dialect;
  /** A body's report: the ids of the body's member organizations today. */
  bodyOrgIds?: string[];
}

/**
 * One block of a report, in the reader's language, drawn the same by the web page (HTML, SVG charts with their
 * data tables) and the PDF. Numbers are already formatted for the language.
 */
export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'figures'; items: { value: string; label: string }[] }
  | { kind: 'bars'; caption: string; items: { label: string; value: number; display: string }[] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'empty'; text: string };

/**
 * A section of the generated reports ("Hoja informativa"), added by a module. `data` gathers the figures for a
 * scope as plain JSON — stored as is when a report is published, so a published edition never changes — and
 * `render` turns them into blocks in any language. `data` returns null when the module has nothing for the scope:
 * the report says so instead of showing zeros as if measured.
 */
export interface ReportSection {
  /** Stable key, e.g. 'membership.growth'. */
  key: string;
  /** i18n key of the section's heading. */
  title: string;
  /** Place in the report, smallest first. */
  order: number;
  data: (ctx: ReportDataContext, scope: ReportScope) => Promise<unknown | null>;
  render: (data: unknown, ctx: { locale: Locale; t: SectionContext['t']; fmt: Formatters }) => ReportBlock[];
}

/** One new thing, as the digest and "since your last visit" list it. */
export interface UpdateItem {
  title: string;
  /** Absolute URL (mail) or path (pages): built from `ctx.baseUrl`, which is '' on pages. */
  href: string;
  /** ISO time it happened. */
  at: string;
  /** One short line under the title (a date, a place, an organization), in the reader's language. */
  note?: string;
}

/** What an update kind's `items` and `count` receive: the reader, the span, and a memo for that one reader. */
export interface UpdateContext extends SectionContext {
  since: string;
  until: string;
  /**
   * Kept for one reader during one digest or page (e.g. what the reader may see, shared by a module's kinds);
   * a provider may store under keys prefixed by its module. Absent: nothing to share.
   */
  memo?: Map<string, unknown>;
}

/** How a person may receive an update kind: a mail per new thing, a daily or a weekly digest. */
export type UpdateCadence = 'immediate' | 'daily' | 'weekly';

/**
 * A kind of news a module reports to the digest and to "since your last visit" (new members, practices published,
 * events announced…). Each person chooses per kind: immediately, daily, weekly, or not at all (default: weekly).
 * The platform (platform/digest) builds the digest and the home page's list from every module's kinds; it never
 * names a module. `items` and `count` answer for the reader `ctx.user` only what that reader may see.
 */
export interface UpdateKind {
  /** Stable name: '<module>.<what>', e.g. 'practices.new' (distinct from the module's notification kinds). */
  kind: string;
  /** i18n key of its name in the settings and as the digest section's heading. */
  label: string;
  /** Place among the sections, smallest first. */
  order: number;
  /**
   * The cadences offered (default: all three). A look-ahead kind ("closing soon", "upcoming") offers only the
   * digests: "immediately" has no meaning for it.
   */
  cadences?: UpdateCadence[];
  /** Where to see all of them (a list page), in a language; shown under the section. */
  href?: (locale: Locale) => string;
  /**
   * What is new in [since, until) that the reader (`ctx.user`) may see, newest first, at most `limit`. A look-ahead
   * kind answers what falls due in the next span of the same length, [until, until + (until − since)), so
   * consecutive periods never list a thing twice.
   */
  items: (ctx: UpdateContext & { baseUrl: string; limit: number }) => Promise<UpdateItem[]>;
  /** How many there are in [since, until) for the reader (the item list is capped, the count is not). */
  count: (ctx: UpdateContext) => Promise<number>;
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
  /**
   * Sections shown on the about page (the Mechanism's plan in force); when no module shows one, the page keeps the
   * static strategic axes and expected results of the 2023 factsheet. The page is public and cached: no reader.
   */
  aboutSections?: SectionProvider<Record<string, never>>;
  /** Sections shown on a body's page (its events, plan, pledges, news), for `ctx.user`. */
  bodySections?: SectionProvider<{ id: string; slug: string }>;
  /** Sections shown in a body's members' area (signed in: `ctx.user` is set) — what to answer, attend, do. */
  bodyAreaSections?: SectionProvider<{ id: string; slug: string }>;
  /** Sections shown on a member organization's directory page (its pledges, documents), for `ctx.user`. */
  organizationSections?: SectionProvider<{ id: string; slug: string }>;
  /** Things of this module that others may link to (see LinkTarget). */
  linkTargets?: LinkTarget[];
  /** Sections of the generated reports (see ReportSection). */
  reportSections?: ReportSection[];
  /** Kinds of news for the digest and "since your last visit" (see UpdateKind). */
  updates?: UpdateKind[];
  /** Live figures for the home page (member organizations, practices, upcoming elections…), counted now. */
  homeFigures?: (ctx: SectionContext) => Promise<HomeFigure[]>;
  /** Background jobs this module runs (names prefixed by the module: 'elections.clock'). */
  jobs?: JobDefinition[];
  /** Cron schedules (UTC) that enqueue one of the jobs at each tick, once across instances. */
  schedules?: ScheduleDefinition[];
  /**
   * Called once the server serves (`npm start`, which does not wait for it; never by the app in tests or scripts):
   * in-memory indexes the module builds and fills off the request path, before readers ask (a search's catalog and
   * its word cache, the pledges' catalog). The work runs between requests; it resolves when done, and a failure is
   * only logged (the indexes then fill as readers ask).
   */
  warm?: (ctx: { db: Db; dialect: Dialect; log: Logger }) => Promise<void>;
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
