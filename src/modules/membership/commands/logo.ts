/**
 * @module Membership: logos. An upload is checked (type by its bytes, not its name; size), resized with
 * sharp to at most 400×400 WebP (which also drops any metadata and script an SVG or crafted file could
 * carry), and stored outside the web root under a generated name in DATA_DIR/uploads/logos.
 */
import sharp from 'sharp';
import { mkdir, writeFile, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { newId, nowIso } from '../../../db/ids.js';
import type { Db } from '../../../db/schema.js';
import type { Actor } from '../../../platform/authz/authz.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { recordStep } from './history.js';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const LOGO_NAME = /^[0-9a-z]{16}\.webp$/;

export const logoDir = (dataDir: string) => join(dataDir, 'uploads', 'logos');

/** Recognizes PNG, JPEG and WebP by their first bytes. */
export function sniffImage(buf: Uint8Array): string | null {
  if (buf.length > 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47) return 'image/png';
  if (buf.length > 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length > 12 && Buffer.from(buf.subarray(0, 4)).toString('ascii') === 'RIFF' && Buffer.from(buf.subarray(8, 12)).toString('ascii') === 'WEBP') return 'image/webp';
  return null;
}

export type LogoOutcome = { ok: true; file: string } | { ok: false; reason: 'missing' | 'too_large' | 'wrong_type' | 'unreadable' };

export async function storeLogo(dataDir: string, file: unknown): Promise<LogoOutcome> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, reason: 'missing' };
  if (file.size > LOGO_MAX_BYTES) return { ok: false, reason: 'too_large' };
  const buf = new Uint8Array(await file.arrayBuffer());
  if (!sniffImage(buf)) return { ok: false, reason: 'wrong_type' };
  let out: Buffer;
  try {
    out = await sharp(buf, { limitInputPixels: 40_000_000 }).rotate().resize(400, 400, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 85 }).toBuffer();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const name = `${newId()}.webp`;
  await mkdir(logoDir(dataDir), { recursive: true });
  await writeFile(join(logoDir(dataDir), name), out, { mode: 0o640 });
  return { ok: true, file: name };
}

export async function readLogo(dataDir: string, name: string): Promise<Buffer | null> {
  if (!LOGO_NAME.test(name)) return null;
  return readFile(join(logoDir(dataDir), name)).catch(() => null);
}

export async function removeLogo(dataDir: string, name: string | null | undefined) {
  if (name && LOGO_NAME.test(name)) await unlink(join(logoDir(dataDir), name)).catch(() => {});
}

/** Stores a new logo for the organization and records the change; returns the previous file to remove after the commit. */
export async function setLogo(db: Db, dataDir: string, actor: Actor, orgId: string, file: unknown): Promise<Outcome<{ previous: string | null }>> {
  const org = await db.selectFrom('organizations').select('logo_file').where('id', '=', orgId).executeTakeFirst();
  if (!org) return fail('membership.errors.logo.missing', { field: 'logo' });
  const mb = LOGO_MAX_BYTES / 1024 / 1024;
  const stored = await storeLogo(dataDir, file);
  if (!stored.ok) {
    if (stored.reason === 'too_large') return fail('membership.errors.logo.too_large', { field: 'logo', params: { mb } });
    if (stored.reason === 'wrong_type') return fail('membership.errors.logo.wrong_type', { field: 'logo' });
    if (stored.reason === 'unreadable') return fail('membership.errors.logo.unreadable', { field: 'logo' });
    return fail('membership.errors.logo.missing', { field: 'logo' });
  }
  await db.updateTable('organizations').set({ logo_file: stored.file, updated_at: nowIso() }).where('id', '=', orgId).execute();
  await recordStep(db, { orgId, actorId: actor?.id ?? null, action: 'profile_updated', changes: ['logo'] });
  return ok({ previous: org.logo_file });
}
