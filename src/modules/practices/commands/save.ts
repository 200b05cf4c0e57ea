/** @module Practices: create and edit a practice (drafts and returned practices only). */
import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';
import { dialectOf } from '../../../db/migrator.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { stringifyTranslated } from '../../../platform/i18n/translated.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { TEXT_FIELDS, regionOf } from '../model.js';
import type { PracticeInput } from '../schemas.js';

function columns(input: PracticeInput) {
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, stringifyTranslated(input.texts[f])])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return {
    org_id: input.orgId,
    original_lang: input.originalLang,
    ...texts,
    implementers: input.implementers,
    partners: input.partners,
    scope: input.scope,
    start_date: input.startDate,
    end_date: input.endDate,
    resource_type: input.resourceType,
    links: JSON.stringify(input.links),
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    objectives: JSON.stringify(input.objectives),
    principles: JSON.stringify(input.principles),
    countries: JSON.stringify(input.countries),
  };
}

/** Facet terms of a practice: objectives, principles, countries, regions, type and languages. */
export function termsOf(input: PracticeInput): { facet: string; value: string }[] {
  const regions = new Set(input.countries.map(regionOf).filter((r): r is NonNullable<typeof r> => !!r));
  if (input.scope === 'global') regions.add('global');
  return [
    ...input.objectives.map((n) => ({ facet: 'objective', value: String(n) })),
    ...input.principles.map((k) => ({ facet: 'principle', value: k })),
    ...input.countries.map((c) => ({ facet: 'country', value: c })),
    ...[...regions].map((r) => ({ facet: 'region', value: r })),
    ...(input.resourceType ? [{ facet: 'type', value: input.resourceType }] : []),
    ...LOCALES.filter((l) => input.texts.title[l] || input.texts.summary[l]).map((l) => ({ facet: 'lang', value: l })),
  ];
}

export async function writeTerms(db: Db, id: string, input: PracticeInput) {
  await db.deleteFrom('practice_terms').where('practice_id', '=', id).execute();
  const rows = termsOf(input).map((t) => ({ practice_id: id, ...t }));
  if (rows.length) await db.insertInto('practice_terms').values(rows).execute();
}

/** Saves a new draft. */
export async function createPractice(db: Db, actor: CurrentUser, input: PracticeInput, opts: { status?: 'draft'; now?: string } = {}): Promise<Outcome<{ id: string }>> {
  const id = newId();
  const now = opts.now ?? nowIso();
  const seq = dialectOf(db as any) === 'sqlite' ? sql<number>`(select coalesce(max(seq), 0) + 1 from practices)` : null;
  await db
    .insertInto('practices')
    .values({
      id,
      seq: seq as any,
      created_by: actor.id,
      status: 'draft',
      ...columns(input),
      created_at: now,
      updated_at: now,
      submitted_at: null,
      published_at: null,
    })
    .execute();
  await writeTerms(db, id, input);
  await audit(db, { actorId: actor.id, action: 'practice.create', subjectType: 'practice', subjectId: id, to: 'draft' });
  return ok({ id });
}

/** Saves changes to a draft or a returned practice; refused (nothing written) when it is no longer editable. */
export async function updatePractice(db: Db, actor: CurrentUser, id: string, input: PracticeInput): Promise<Outcome<{ id: string }>> {
  const r = await db
    .updateTable('practices')
    .set({ ...columns(input), updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('practices.flash.notEditable');
  await writeTerms(db, id, input);
  await audit(db, { actorId: actor.id, action: 'practice.update', subjectType: 'practice', subjectId: id });
  return ok({ id });
}
