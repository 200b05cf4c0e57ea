/** @module Membership commands: create an application, update a profile, send it back after a request for information. */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso, slugify } from '../../../db/ids.js';
import type { Actor } from '../../../platform/authz/authz.js';
import { stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { normalizeText, websiteKey, PUBLIC_FIELDS, type ApplicationInput, type ProfileInput } from '../schemas.js';
import { findDuplicate } from '../queries.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { recordStep } from './history.js';
import { tell, adminRecipients, type MailContext } from './mail.js';
import { paths } from '../paths.js';
import type { OrgStatus } from '../tables.js';

/** The refusal for a second application of the same organization; `detail.existing` points to the first. */
const duplicate = (dup: { slug: string; name: string; status: string }) =>
  fail('membership.errors.duplicate', { field: 'name', params: { name: dup.name }, detail: { existing: { slug: dup.slug, name: dup.name, status: dup.status } } });

/** What the organization's data looks like in the table (shared by the application, the profile and the import). */
export interface OrgData {
  name: string;
  acronym?: string;
  country: string;
  countries: string[];
  city?: string;
  type: string;
  objectives: number[];
  languages: string[];
  website?: string;
  social: string[];
  description: Translated;
}

export function searchTextOf(d: { name: string; acronym?: string | null; city?: string | null }): string {
  return normalizeText([d.name, d.acronym ?? '', d.city ?? ''].join(' '));
}

/** The profile's columns as stored, in the order a profile update reports which of them changed. */
function profileColumns(d: Omit<OrgData, 'countries' | 'objectives'>, publicFields: readonly string[]) {
  return {
    name: d.name,
    acronym: d.acronym ?? null,
    country: d.country,
    city: d.city ?? null,
    type: d.type,
    website: d.website ?? null,
    description: Object.keys(d.description).length ? stringifyTranslated(d.description) : null,
    public_fields: JSON.stringify(publicFields),
    languages: JSON.stringify(d.languages),
    social_links: JSON.stringify(d.social),
  };
}

/** The columns derived from the name, acronym, city and website that the directory search and duplicate checks use. */
function keyColumns(d: { name: string; acronym?: string | null; city?: string | null; website?: string | null }) {
  return { search_text: searchTextOf(d), name_key: normalizeText(d.name), website_key: websiteKey(d.website) };
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name) || 'organizacion';
  for (let i = 0; i < 50; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
  }
  return `${base}-${newId().slice(0, 6)}`;
}

async function writeLinks(db: Db, orgId: string, d: { countries: string[]; objectives: number[] }) {
  await db.deleteFrom('organization_countries').where('org_id', '=', orgId).execute();
  await db.deleteFrom('organization_objectives').where('org_id', '=', orgId).execute();
  const countries = [...new Set(d.countries)];
  const objectives = [...new Set(d.objectives)];
  if (countries.length) await db.insertInto('organization_countries').values(countries.map((country) => ({ org_id: orgId, country }))).execute();
  if (objectives.length) await db.insertInto('organization_objectives').values(objectives.map((objective_n) => ({ org_id: orgId, objective_n }))).execute();
}

/** Inserts an organization with its links (application, import, demo, benchmark generator). */
export async function insertOrganization(
  db: Db,
  d: OrgData,
  opts: { status: OrgStatus; appliedAt?: string | null; admittedAt?: string | null; commitmentAt?: string | null; publicFields?: string[]; slug?: string },
) {
  const id = newId();
  const now = nowIso();
  const slug = opts.slug ?? (await uniqueSlug(db, d.name));
  await db
    .insertInto('organizations')
    .values({
      id,
      slug,
      ...profileColumns(d, opts.publicFields ?? PUBLIC_FIELDS),
      status: opts.status,
      status_reason: null,
      status_changed_at: now,
      created_at: now,
      updated_at: now,
      admitted_at: opts.admittedAt ?? null,
      ...keyColumns(d),
      commitment_at: opts.commitmentAt ?? null,
      applied_at: opts.appliedAt ?? null,
    })
    .execute();
  await writeLinks(db, id, d);
  return { id, slug };
}

/**
 * A new application: the organization (status applicant), the applicant as its first person (and, until it
 * names others, its representative and voter), the first history step, and the Technical Group's mail.
 */
export async function createApplication(db: Db, mail: MailContext, userId: string, input: ApplicationInput): Promise<Outcome<{ id: string; slug: string }>> {
  const dup = await findDuplicate(db, input.name, input.country, input.website);
  if (dup) return duplicate(dup);
  const now = nowIso();
  const { id, slug } = await insertOrganization(
    db,
    {
      ...input,
      countries: input.countries.length ? input.countries : [input.country],
      description: input.description ? { [input.description_lang]: input.description } : {},
    },
    { status: 'applicant', appliedAt: now, commitmentAt: now },
  );
  await db
    .insertInto('organization_people')
    .values({ org_id: id, user_id: userId, role_title: input.role_title, is_representative: 1, is_voter: 1, created_at: now })
    .execute();
  await recordStep(db, { orgId: id, actorId: userId, action: 'applied', to: 'applicant', changes: { name: input.name, country: input.country } });
  await tell(db, mail, await adminRecipients(db, mail), 'membership.applied', {
    subject: 'membership.mail.newApplication.subject',
    body: 'membership.mail.newApplication.body',
    params: (l) => ({ name: input.name, url: paths.review.url(mail.baseUrl, l, { id }) }),
  });
  return ok({ id, slug });
}

/** Saves the profile; records which fields changed. */
export async function updateProfile(db: Db, actor: Actor, orgId: string, input: ProfileInput): Promise<Outcome<{ changed: string[] }>> {
  const org = await db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) return fail('membership.flash.wrongStatus');
  const dup = await findDuplicate(db, input.name, input.country, input.website, orgId);
  if (dup) return duplicate(dup);
  const description: Translated = {};
  for (const l of ['es', 'en', 'pt', 'fr'] as const) {
    const v = input[`description_${l}`];
    if (v) description[l] = v;
  }
  const next = profileColumns({ ...input, description }, input.public_fields);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (org as any)[k] !== next[k]);
  await db
    .updateTable('organizations')
    .set({
      ...next,
      updated_at: nowIso(),
      ...keyColumns(input),
    })
    .where('id', '=', orgId)
    .execute();
  await writeLinks(db, orgId, { countries: input.countries.length ? input.countries : [input.country], objectives: input.objectives });
  await db.deleteFrom('organization_contacts').where('org_id', '=', orgId).execute();
  if (input.contact_name) {
    await db
      .insertInto('organization_contacts')
      .values({
        id: newId(),
        org_id: orgId,
        name: input.contact_name,
        email: input.contact_email ?? null,
        phone: input.contact_phone ?? null,
        role: input.contact_role ?? null,
        created_at: nowIso(),
      })
      .execute();
  }
  await recordStep(db, { orgId, actorId: actor?.id ?? null, action: 'profile_updated', changes: changed.map((k) => (k === 'social_links' ? 'social' : k)) });
  return ok({ changed });
}
