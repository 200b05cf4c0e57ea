/**
 * @module Events: materials — files (checked by their name and first bytes with the platform's `checkFile`, stored
 * outside the web root under DATA_DIR/uploads/events with generated names) and links (presentations,
 * recordings), before or after the event, for whoever sees it or for participants only.
 */
import { mkdir, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { newId, nowIso } from '../../../db/ids.js';
import type { Db } from '../../../db/schema.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { checkFile, cleanName } from '../../../platform/files.js';

/** A material file's size limit. */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
import type { EventMaterialsTable } from '../tables.js';

export const eventUploadsDir = (dataDir: string) => join(dataDir, 'uploads', 'events');
/** At most this many materials per event. */
export const MAX_MATERIALS = 30;

export interface MaterialInput {
  title: string;
  kind: 'file' | 'link';
  url?: string;
  phase: EventMaterialsTable['phase'];
  audience: EventMaterialsTable['audience'];
  file?: { name: string; bytes: Uint8Array } | null;
}

export async function addMaterial(db: Db, actorId: string, dataDir: string, eventId: string, m: MaterialInput): Promise<Outcome<{ id: string }>> {
  const count = await db.selectFrom('event_materials').select((e) => e.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirst();
  if (Number(count?.n ?? 0) >= MAX_MATERIALS) return fail('events.errors.tooManyMaterials', { field: 'title' });
  const id = newId();
  const base = { id, event_id: eventId, kind: m.kind, phase: m.phase, audience: m.audience, title: m.title, created_by: actorId, created_at: nowIso() };
  if (m.kind === 'link') {
    if (!m.url) return fail('events.errors.materialUrl', { field: 'url' });
    await db.insertInto('event_materials').values({ ...base, url: m.url, file_name: null, stored_name: null, content_type: null, size: null }).execute();
  } else {
    if (!m.file) return fail('files.errors.missing', { field: 'file' });
    const check = checkFile(m.file.name, m.file.bytes, { maxBytes: MATERIAL_MAX_BYTES });
    if (!check.ok) return check;
    const stored = `${newId()}${newId()}.${check.ext}`;
    await db.insertInto('event_materials').values({ ...base, url: null, file_name: cleanName(m.file.name), stored_name: stored, content_type: check.type, size: m.file.bytes.length }).execute();
    await mkdir(eventUploadsDir(dataDir), { recursive: true });
    await writeFile(join(eventUploadsDir(dataDir), stored), m.file.bytes, { mode: 0o600 });
  }
  await audit(db, { actorId, action: 'event.materialAdded', subjectType: 'event', subjectId: eventId, data: { material: id, title: m.title } });
  return ok({ id });
}

/** Removes a material (its row, then its file); refused when someone removed it first. */
export async function removeMaterial(db: Db, actorId: string, dataDir: string, eventId: string, materialId: string): Promise<Outcome<object>> {
  const row = await db.selectFrom('event_materials').selectAll().where('id', '=', materialId).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) return fail('events.errors.notFound');
  const r = await db.deleteFrom('event_materials').where('id', '=', materialId).where('event_id', '=', eventId).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('events.errors.notFound');
  await audit(db, { actorId, action: 'event.materialRemoved', subjectType: 'event', subjectId: eventId, data: { material: materialId, title: row.title } });
  if (row.stored_name) await unlink(join(eventUploadsDir(dataDir), row.stored_name)).catch(() => {});
  return ok({});
}
