/**
 * @module Pledges: writing a pledge (new, or a draft/returned one changed). Everything is checked before
 * anything is written — the organizations are member organizations, the matched pledge exists and is not this
 * one, the body and the countries exist, the attachment is a document of 25 MB at most — so a refusal stores
 * nothing; the attachment's file is written last. Editing clears the co-pledging organizations' confirmations:
 * they confirmed another text.
 */
import { mkdir, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { stringifyTranslated } from '../../../platform/i18n/translated.js';
import { DOCUMENT_EXTENSIONS, checkFile, cleanName } from '../../../platform/files.js';
import { getOrganizations } from '../../membership/index.js';
import { getBodyBySlug } from '../../bodies/index.js';
import { listCountries } from '../../../platform/reference/queries.js';
import { getPledgeByRef, nextRef, type Pledge } from '../queries.js';
import type { PledgeInput } from '../schemas.js';
import { ATTACHMENT_MAX } from '../model.js';

export const uploadsDir = (dataDir: string) => join(dataDir, 'uploads', 'pledges');

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** Checks an attachment: present, 25 MB at most, a document by its extension and its first bytes. */
export function checkAttachment(file: Upload): Outcome<{ ext: string; type: string }> {
  const r = checkFile(file.name, file.bytes, { maxBytes: ATTACHMENT_MAX, field: 'file', only: DOCUMENT_EXTENSIONS });
  if (r.ok) return r;
  // The pledge form's own words for the two refusals (a document of 25 MB at most).
  return fail(r.reason === 'files.errors.tooLarge' ? 'pledges.errors.fileTooLarge' : 'pledges.errors.fileType', { field: 'file' });
}

export interface SaveContext {
  actorId: string;
  /** The organizations the person may pledge for (administrators: every member organization). */
  mayLead: (orgId: string) => boolean;
  dataDir: string;
}

/** Creates a pledge (draft) or changes a draft/returned one. */
export async function savePledge(db: Db, x: SaveContext, input: PledgeInput, file: Upload | null, existing?: Pledge): Promise<Outcome<{ id: string }>> {
  if (existing && existing.state !== 'draft' && existing.state !== 'returned') return fail('pledges.errors.wrongState');
  if (!x.mayLead(input.leadOrg)) return fail('pledges.errors.orgNotYours', { field: 'lead_org' });
  const orgs = await getOrganizations(db, [input.leadOrg, ...input.coOrgs]);
  const status = new Map(orgs.map((o) => [o.id, o.status]));
  if (status.get(input.leadOrg) !== 'member') return fail('pledges.errors.orgNotMember', { field: 'lead_org' });
  if (input.coOrgs.some((o) => status.get(o) !== 'member')) return fail('pledges.errors.orgNotMember', { field: 'co_orgs' });
  let bodyId: string | null = null;
  if (input.bodySlug) {
    const body = await getBodyBySlug(db, input.bodySlug);
    if (!body) return fail('form.error.choice', { field: 'body' });
    bodyId = body.id;
  }
  let matchesPledgeId: string | null = null;
  if (input.kind === 'matching' && input.matchesRef) {
    const m = await getPledgeByRef(db, input.matchesRef);
    if (existing && m?.id === existing.id) return fail('pledges.errors.matchSelf', { field: 'matches_ref' });
    if (!m || (m.state !== 'published' && m.state !== 'withdrawn')) return fail('pledges.errors.matchUnknown', { field: 'matches_ref' });
    matchesPledgeId = m.id;
  }
  const known = new Set((await listCountries(db, 'en')).map((c) => c.alpha2));
  if (input.countries.some((c) => !known.has(c))) return fail('form.error.choice', { field: 'countries' });
  let attachment: { ext: string; type: string } | null = null;
  if (file) {
    const checked = checkAttachment(file);
    if (!checked.ok) return checked;
    attachment = checked;
  }

  const now = nowIso();
  const id = existing?.id ?? newId();
  const stored = attachment ? `${newId()}${newId()}.${attachment.ext}` : null;
  const fileCols = stored
    ? { attachment_file: stored, attachment_name: cleanName(file!.name), attachment_type: attachment!.type, attachment_size: file!.bytes.length }
    : input.removeAttachment
      ? { attachment_file: null, attachment_name: null, attachment_type: null, attachment_size: null }
      : {};
  const cols = {
    title: stringifyTranslated(input.title),
    description: stringifyTranslated(input.description),
    kind: input.kind,
    matches_pledge_id: matchesPledgeId,
    matches_external_id: input.matchesExternalId,
    matches_external_title: input.matchesExternalTitle,
    scope: input.scope,
    partners: JSON.stringify(input.partners),
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    body_id: bodyId,
    // Changed: the lead submits again once the co-pledging organizations have confirmed this text.
    submitted_at: null,
    updated_at: now,
    ...fileCols,
  };
  if (existing) {
    const r = await db.updateTable('pledges').set(cols).where('id', '=', id).where('state', 'in', ['draft', 'returned']).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
    for (const t of ['pledge_organizations', 'pledge_objectives', 'pledge_principles', 'pledge_forms', 'pledge_countries'] as const) await db.deleteFrom(t).where('pledge_id', '=', id).execute();
  } else {
    await db
      .insertInto('pledges')
      .values({ id, ref: await nextRef(db), ...cols, attachment_file: null, attachment_name: null, attachment_type: null, attachment_size: null, ...fileCols, un_id: null, state: 'draft', status: null, review_note: null, created_by: x.actorId, created_at: now, published_at: null, next_update_due: null, reminded_for: null, is_demo: 0 })
      .execute();
  }
  // The lead is confirmed by writing it; co-pledging organizations confirm (again, after an edit) themselves.
  await db
    .insertInto('pledge_organizations')
    .values([{ pledge_id: id, org_id: input.leadOrg, lead: 1, confirmed_at: now, confirmed_by: x.actorId }, ...input.coOrgs.map((o) => ({ pledge_id: id, org_id: o, lead: 0, confirmed_at: null, confirmed_by: null }))])
    .execute();
  if (input.objectives.length) await db.insertInto('pledge_objectives').values(input.objectives.map((n) => ({ pledge_id: id, n }))).execute();
  if (input.principles.length) await db.insertInto('pledge_principles').values(input.principles.map((n) => ({ pledge_id: id, n }))).execute();
  if (input.forms.length) await db.insertInto('pledge_forms').values(input.forms.map((form) => ({ pledge_id: id, form }))).execute();
  if (input.countries.length) await db.insertInto('pledge_countries').values(input.countries.map((country) => ({ pledge_id: id, country }))).execute();
  await audit(db, {
    actorId: x.actorId,
    action: existing ? 'pledge.edited' : 'pledge.created',
    subjectType: 'pledge',
    subjectId: id,
    ...(existing ? {} : { to: 'draft' }),
    data: { orgId: input.leadOrg, ...(stored ? { attachment: cleanName(file!.name) } : {}) },
  });
  if (stored) {
    await mkdir(uploadsDir(x.dataDir), { recursive: true });
    await writeFile(join(uploadsDir(x.dataDir), stored), file!.bytes, { mode: 0o600 });
  }
  if (existing?.attachment && (stored || input.removeAttachment)) await unlink(join(uploadsDir(x.dataDir), existing.attachment.file)).catch(() => {});
  return ok({ id });
}
