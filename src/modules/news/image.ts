/**
 * @module News: a post's image. Checked by its bytes (PNG, JPEG or WebP, whatever its name says), decoded and
 * re-encoded by sharp — which drops metadata and anything a crafted file carries — as WebP at two widths: 1200 px
 * for wide screens and 600 px for phones (`srcset`). Stored outside the web root, DATA_DIR/uploads/news, under a
 * generated name; served by the module's route only for posts the reader may see.
 */
import sharp from 'sharp';
import { mkdir, writeFile, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../../db/ids.js';
import { ok, fail, type Outcome } from '../../platform/outcome.js';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_NAME = /^[0-9a-z]{16}(-s)?\.webp$/;
export const imageDir = (dataDir: string) => join(dataDir, 'uploads', 'news');
/** The phone-sized copy of a stored image. */
export const smallOf = (file: string) => file.replace(/\.webp$/, '-s.webp');

/** PNG, JPEG or WebP, by their first bytes; null for anything else. */
export function sniffImage(buf: Uint8Array): string | null {
  if (buf.length > 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47) return 'image/png';
  if (buf.length > 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length > 12 && Buffer.from(buf.subarray(0, 4)).toString('ascii') === 'RIFF' && Buffer.from(buf.subarray(8, 12)).toString('ascii') === 'WEBP') return 'image/webp';
  return null;
}

/** A posted file, or null when none was chosen. */
export const postedFile = (v: unknown): File | null => (v instanceof File && v.size > 0 ? v : null);

/** Checks, resizes and stores an image; returns its stored name (the large copy). */
export async function storeImage(dataDir: string, file: File): Promise<Outcome<{ file: string }>> {
  if (file.size > IMAGE_MAX_BYTES) return fail('news.errors.imageTooLarge', { field: 'image', params: { mb: IMAGE_MAX_BYTES / 1024 / 1024 } });
  const buf = new Uint8Array(await file.arrayBuffer());
  if (!sniffImage(buf)) return fail('news.errors.imageType', { field: 'image' });
  let large: Buffer;
  let small: Buffer;
  try {
    const img = sharp(buf, { limitInputPixels: 40_000_000 }).rotate();
    large = await img.clone().resize(1200, 1200, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    small = await img.clone().resize(600, 600, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
  } catch {
    return fail('news.errors.imageUnreadable', { field: 'image' });
  }
  const name = `${newId()}.webp`;
  await mkdir(imageDir(dataDir), { recursive: true });
  await writeFile(join(imageDir(dataDir), name), large, { mode: 0o640 });
  await writeFile(join(imageDir(dataDir), smallOf(name)), small, { mode: 0o640 });
  return ok({ file: name });
}

export async function readImage(dataDir: string, name: string): Promise<Buffer | null> {
  if (!IMAGE_NAME.test(name)) return null;
  return readFile(join(imageDir(dataDir), name)).catch(() => null);
}

export async function removeImage(dataDir: string, name: string | null | undefined) {
  if (!name || !IMAGE_NAME.test(name)) return;
  await unlink(join(imageDir(dataDir), name)).catch(() => {});
  await unlink(join(imageDir(dataDir), smallOf(name))).catch(() => {});
}
