/**
 * @module Update kinds
 * Every module's `updates` (UpdateKind, platform/module.ts) in order, and what a person chose for each: immediately,
 * in a daily or weekly digest, or not at all — kept in the one `notification_preferences` table beside the
 * notification kinds. A kind without a row is in the weekly digest (the default), or in the daily one when the
 * kind does not offer weekly.
 */
import type { Db } from '../../db/schema.js';
import type { ModuleManifest, UpdateCadence, UpdateKind } from '../module.js';
import type { NotificationMode } from '../notify/notify.js';

export const CADENCES: UpdateCadence[] = ['immediate', 'daily', 'weekly'];

/** Every module's update kinds, by `order` (then module order); a kind declared twice counts once. */
export function updateKinds(modules: ModuleManifest[]): UpdateKind[] {
  const seen = new Set<string>();
  const out: UpdateKind[] = [];
  for (const k of modules.flatMap((m) => m.updates ?? [])) {
    if (seen.has(k.kind)) continue;
    seen.add(k.kind);
    out.push(k);
  }
  return out.map((k, i) => ({ k, i })).sort((a, b) => a.k.order - b.k.order || a.i - b.i).map((x) => x.k);
}

/** The choices offered for a kind: its cadences, then 'off'. */
export function modesOf(k: UpdateKind): NotificationMode[] {
  return [...CADENCES.filter((c) => !k.cadences || k.cadences.includes(c)), 'off'];
}

/** A kind's mode when the person chose nothing: weekly (or the longest cadence it offers). */
export function defaultMode(k: UpdateKind): NotificationMode {
  const offered = modesOf(k).filter((m) => m !== 'off');
  return offered.includes('weekly') ? 'weekly' : (offered.at(-1) ?? 'off');
}

/** What one person chose, with the defaults filled in, for every update kind. */
export function modesFor(kinds: UpdateKind[], stored: Record<string, string>): Record<string, NotificationMode> {
  const out: Record<string, NotificationMode> = {};
  for (const k of kinds) {
    const m = stored[k.kind] as NotificationMode | undefined;
    out[k.kind] = m && modesOf(k).includes(m) ? m : defaultMode(k);
  }
  return out;
}

/** Every person's stored choices for the update kinds, for a batch of people (one query). */
export async function storedModes(db: Db, userIds: string[], kinds: string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (!userIds.length || !kinds.length) return out;
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'kind', 'mode'])
    .where('user_id', 'in', userIds)
    .where('kind', 'in', kinds)
    .execute();
  for (const r of rows) {
    const m = out.get(r.user_id) ?? {};
    m[r.kind] = r.mode;
    out.set(r.user_id, m);
  }
  return out;
}
