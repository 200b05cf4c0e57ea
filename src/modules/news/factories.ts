/** @module News: test factories — a post written straight through the command, as a given person. */
import sharp from 'sharp';
import type { Db } from '../../db/schema.js';
import type { CurrentUser } from '../../platform/http/env.js';
import { savePost } from './commands/save.js';
import { writerFacts } from './facts.js';
import { storeImage } from './image.js';
import type { PostInput } from './schemas.js';

export async function actorOf(db: Db, userId: string): Promise<CurrentUser> {
  const u = await db.selectFrom('users').select(['id', 'name', 'email', 'role']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { id: u.id, name: u.name, email: u.email, role: u.role as CurrentUser['role'], locale: 'es', emailVerified: true };
}

/** The first bytes of a PDF (enough for the byte check). */
export const SAMPLE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A PNG of the given size (for image uploads in tests). */
export const samplePng = (width = 1600, height = 900) => sharp({ create: { width, height, channels: 3, background: '#0072B2' } }).png().toBuffer();

/** Writes a post as `userId` (published by default) and returns its id; `image` stores a sample image with it. */
export async function makePost(
  db: Db,
  dataDir: string,
  userId: string,
  over: Partial<PostInput> & { image?: boolean } = {},
): Promise<string> {
  const actor = await actorOf(db, userId);
  let image: string | undefined;
  if (over.image) {
    const stored = await storeImage(dataDir, new File([new Uint8Array(await samplePng(800, 400))], 'photo.png'));
    if (!stored.ok) throw new Error('makePost: image refused');
    image = stored.file;
  }
  const input: PostInput = {
    bodyId: null,
    originalLang: 'es',
    title: { es: 'Noticia de prueba' },
    summary: { es: 'Resumen de prueba.' },
    body: { es: 'Texto de **prueba**.' },
    imageAlt: image ? 'Un cuadro azul' : undefined,
    removeImage: false,
    publish: 'now',
    publishAt: null,
    ...over,
  };
  const r = await db.transaction().execute(async (trx) => savePost(trx, actor, await writerFacts(trx, userId), { input, image }));
  if (!r.ok) throw new Error(`makePost: ${r.reason}`);
  return r.id;
}
