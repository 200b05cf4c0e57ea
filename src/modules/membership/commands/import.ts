/**
 * @module Membership: bulk import of an existing member list from CSV.
 * Step 1 (preview): the file is checked (a CSV, at most 5 MB and 10,000 rows), every row validated, and
 * the result kept in membership_imports under an id — the confirm step never re-uploads.
 * Step 2 (import): the valid rows are created as member organizations in one transaction; any failure
 * (e.g. a duplicate that appeared in the meantime) rolls back the whole import.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { Actor } from '../../../platform/authz/authz.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { ORG_TYPES, WORKING_LANGUAGES, normalizeText, websiteKey } from '../schemas.js';
import { findDuplicate } from '../queries.js';
import { insertOrganization, type OrgData } from './profile.js';
import { recordStep } from './history.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_COLUMNS = ['name', 'acronym', 'country', 'city', 'type', 'website', 'countries', 'objectives', 'languages', 'description', 'description_lang', 'contact_name', 'contact_email', 'admitted_at'] as const;

export interface ImportRow {
  line: number;
  name: string;
  country: string;
  type: string;
  data: (OrgData & { contactName?: string; contactEmail?: string; admittedAt?: string }) | null;
  /** i18n keys under membership.import.errors. */
  errors: string[];
}

const MB = IMPORT_MAX_BYTES / 1024 / 1024;

const split = (s: string | undefined) =>
  (s ?? '')
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Validates the rows of a parsed file. */
export async function validateRows(db: Db, records: Record<string, string>[], countryCodes: Set<string>): Promise<ImportRow[]> {
  const seenNames = new Set<string>();
  const seenSites = new Set<string>();
  const out: ImportRow[] = [];
  let line = 1;
  for (const r of records) {
    line++;
    const errors: string[] = [];
    const name = (r.name ?? '').trim();
    const country = (r.country ?? '').trim().toUpperCase();
    const type = (r.type ?? '').trim().toLowerCase() || 'ngo';
    if (!name) errors.push('name');
    else if (name.length > 200) errors.push('nameLong');
    if (!countryCodes.has(country)) errors.push('country');
    if (!(ORG_TYPES as readonly string[]).includes(type)) errors.push('type');
    const countries = split(r.countries).map((c) => c.toUpperCase());
    if (countries.some((c) => !countryCodes.has(c))) errors.push('countries');
    const objectives = split(r.objectives).map(Number);
    if (objectives.some((n) => !Number.isInteger(n) || n < 1 || n > 23)) errors.push('objectives');
    const languages = split(r.languages).map((l) => l.toLowerCase());
    if (languages.some((l) => !(WORKING_LANGUAGES as readonly string[]).includes(l))) errors.push('languages');
    const website = (r.website ?? '').trim();
    if (website && !z.url({ protocol: /^https?$/ }).safeParse(website).success) errors.push('website');
    const contactEmail = (r.contact_email ?? '').trim().toLowerCase();
    if (contactEmail && !z.email().safeParse(contactEmail).success) errors.push('contactEmail');
    const admittedAt = (r.admitted_at ?? '').trim();
    if (admittedAt && (!/^\d{4}-\d{2}-\d{2}/.test(admittedAt) || Number.isNaN(Date.parse(admittedAt)))) errors.push('admittedAt');
    const descLang = ((r.description_lang ?? '').trim() || 'es') as (typeof LOCALES)[number];
    if (!LOCALES.includes(descLang)) errors.push('descriptionLang');
    if (name && countryCodes.has(country)) {
      const key = `${normalizeText(name)}|${country}`;
      const wk = websiteKey(website);
      if (seenNames.has(key) || (wk && seenSites.has(wk))) errors.push('duplicateInFile');
      seenNames.add(key);
      if (wk) seenSites.add(wk);
      if (await findDuplicate(db, name, country, website || null)) errors.push('duplicate');
    }
    out.push({
      line,
      name: name.slice(0, 200),
      country,
      type,
      errors,
      data: errors.length
        ? null
        : {
            name,
            acronym: (r.acronym ?? '').trim().slice(0, 30) || undefined,
            country,
            countries: countries.length ? countries : [country],
            city: (r.city ?? '').trim().slice(0, 120) || undefined,
            type,
            objectives,
            languages: languages.length ? languages : [descLang],
            website: website || undefined,
            social: [],
            description: (r.description ?? '').trim() ? { [descLang]: (r.description ?? '').trim().slice(0, 3000) } : {},
            contactName: (r.contact_name ?? '').trim().slice(0, 120) || undefined,
            contactEmail: contactEmail || undefined,
            admittedAt: admittedAt ? new Date(admittedAt).toISOString() : undefined,
          },
    });
  }
  return out;
}

/** Step 1: checks the file and keeps a preview. */
export async function previewImport(db: Db, actor: NonNullable<Actor>, file: unknown): Promise<Outcome<{ id: string }>> {
  if (!(file instanceof File) || file.size === 0) return fail('membership.import.errors.file.missing', { field: 'file' });
  if (file.size > IMPORT_MAX_BYTES) return fail('membership.import.errors.file.too_large', { field: 'file', params: { mb: MB } });
  const looksCsv = /\.csv$/i.test(file.name) || /^(text\/csv|text\/plain|application\/vnd\.ms-excel|application\/csv)/.test(file.type);
  const buf = Buffer.from(await file.arrayBuffer());
  // Binary files (images, spreadsheets, archives) have NUL bytes or invalid UTF-8.
  const text = buf.toString('utf8');
  if (!looksCsv || buf.includes(0) || text.includes('\uFFFD')) return fail('membership.import.errors.file.not_csv', { field: 'file', params: { detail: '' } });
  let records: Record<string, string>[];
  const clean = text.replace(/^\uFEFF/, '');
  // Spreadsheets in Spanish, Portuguese and French often save with semicolons: read the header to know.
  const header = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    records = parse(clean, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true, delimiter });
  } catch (e) {
    return fail('membership.import.errors.file.not_csv', { field: 'file', params: { detail: (e as Error).message.slice(0, 200) } });
  }
  if (!records.length) return fail('membership.import.errors.file.no_rows', { field: 'file' });
  if (records.length > IMPORT_MAX_ROWS) return fail('membership.import.errors.file.too_many_rows', { field: 'file' });
  const cols = Object.keys(records[0]!);
  const missing = ['name', 'country'].filter((c) => !cols.includes(c));
  if (missing.length) return fail('membership.import.errors.file.missing_columns', { field: 'file', params: { detail: missing.join(', ') } });
  const codes = new Set((await db.selectFrom('countries').select('alpha2').execute()).map((c) => c.alpha2));
  const rows = await validateRows(db, records, codes);
  const id = newId();
  const valid = rows.filter((r) => !r.errors.length).length;
  await db
    .insertInto('membership_imports')
    .values({
      id,
      created_by: actor.id,
      created_at: nowIso(),
      file_name: file.name.slice(0, 200),
      status: 'preview',
      rows: JSON.stringify(rows),
      valid_count: valid,
      error_count: rows.length - valid,
      finished_at: null,
    })
    .execute();
  return ok({ id });
}

export async function getImport(db: Db, id: string) {
  const r = await db.selectFrom('membership_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return { ...r, parsed: JSON.parse(r.rows) as ImportRow[] };
}

/**
 * Step 2: creates every valid row, all or nothing (inside the action's transaction: a refusal, e.g. a
 * duplicate that appeared since the preview, rolls the whole import back).
 */
export async function runImport(db: Db, actor: Actor, id: string): Promise<Outcome<{ imported: number }>> {
  const imp = await getImport(db, id);
  if (!imp || imp.status !== 'preview') return fail('membership.import.failed.done');
  const valid = imp.parsed.filter((r) => r.data && !r.errors.length);
  if (!valid.length) return fail('membership.import.failed.nothing');
  const claimed = await db.updateTable('membership_imports').set({ status: 'imported' }).where('id', '=', id).where('status', '=', 'preview').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return fail('membership.import.failed.done');
  const now = nowIso();
  let n = 0;
  for (const r of valid) {
    const d = r.data!;
    if (await findDuplicate(db, d.name, d.country, d.website)) return fail('membership.import.failed.conflict', { params: { line: r.line } });
    const { id: orgId } = await insertOrganization(db, d, { status: 'member', admittedAt: d.admittedAt ?? now, appliedAt: d.admittedAt ?? now });
    if (d.contactName) {
      await db
        .insertInto('organization_contacts')
        .values({ id: newId(), org_id: orgId, name: d.contactName, email: d.contactEmail ?? null, phone: null, role: null, created_at: now })
        .execute();
    }
    await recordStep(db, { orgId, actorId: actor?.id ?? null, action: 'imported', to: 'member', note: imp.file_name });
    n++;
  }
  await db.updateTable('membership_imports').set({ imported_count: n, finished_at: nowIso() }).where('id', '=', id).execute();
  await recordImportAudit(db, actor, id, n);
  return ok({ imported: n });
}

async function recordImportAudit(db: Db, actor: Actor, id: string, n: number) {
  await audit(db, { actorId: actor?.id ?? null, action: 'membership.imported', subjectType: 'membership_import', subjectId: id, data: { imported: n } });
}
