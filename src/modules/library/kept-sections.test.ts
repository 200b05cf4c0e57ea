/**
 * A body's documents kept per visibility class (sections.tsx, page cache on), on both engines: each reader gets
 * only the documents they may see, whoever asked first; a write through the app empties what was kept.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { getBodyBySlug, addBodyMember, assignPositions } from '../bodies/index.js';
import { textPdf } from './pdf.js';
import { paths } from './paths.js';

describe.each(DIALECTS)('library sections kept per reader class (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  const readers: Record<string, TestClient> = {};
  let bodyId = '';
  let pdf: Buffer;

  const add = async (title: string, over: Record<string, string> = {}) => {
    const f = new FormData();
    const fields: Record<string, string> = { kind: 'minutes', original_lang: 'es', title_es: title, published_on: '2024-05-10', visibility: 'public', licence: 'cc_by_4', objectives: '9', body_id: bodyId, ...over };
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    f.append('file_es', new File([new Uint8Array(pdf)], 'acta.pdf'));
    const r = await admin.postMultipart(paths.create.href('es'), f);
    expect(r.status).toBe(303);
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: '60' });
    admin = await ctx.admin();
    bodyId = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    pdf = await textPdf('Acta', ['Acta de la reunión.']);
    // A secretary of mt1, a member organization's person (not in mt1), a person of no organization, a visitor.
    const s = await signUpAndIn(ctx, 'sec@kept-library.test', 'Secretaria');
    const sOrg = await makeOrganization(ctx.db, { name: 'Red Secretaria', status: 'member' });
    await addPerson(ctx.db, sOrg.id, s.userId, { representative: true });
    await addBodyMember(ctx.db, bodyId, sOrg.id);
    const today = new Date().toISOString().slice(0, 10);
    const r = await assignPositions(ctx.db, null, { bodyId, assignments: [{ position: 'secretary', userId: s.userId, orgId: sOrg.id, holderName: 'Secretaria' }], startsOn: today, endsOn: null, source: 'appointment' });
    if (!r.ok) throw new Error(r.reason);
    const m = await signUpAndIn(ctx, 'member@kept-library.test', 'Miembro');
    const org = await makeOrganization(ctx.db, { name: 'Red Miembro', status: 'member' });
    await addPerson(ctx.db, org.id, m.userId, { representative: true });
    Object.assign(readers, { secretary: s.client, member: m.client, outsider: (await signUpAndIn(ctx, 'out@kept-library.test', 'Fuera')).client, visitor: ctx.client(), admin });
    await add('Acta abierta');
    await add('Acta de miembros', { visibility: 'members' });
    await add('Acta de la mesa', { visibility: 'body', visibility_body_id: bodyId });
  }, 120_000);
  afterAll(() => ctx?.close());

  const TITLES = /(Acta abierta|Acta de miembros|Acta de la mesa|Acta nueva)/g;
  const titles = async (c: TestClient, path: string) => {
    const res = await c.get(path);
    expect(res.status).toBe(200);
    return [...new Set([...(await res.text()).matchAll(TITLES)].map((x) => x[1]))].sort();
  };

  it("gives each reader the documents they may see on a body's page, whoever asked first", async () => {
    const sees: [string, string[]][] = [
      ['admin', ['Acta abierta', 'Acta de la mesa', 'Acta de miembros']],
      ['secretary', ['Acta abierta', 'Acta de la mesa', 'Acta de miembros']],
      ['member', ['Acta abierta', 'Acta de miembros']],
      ['outsider', ['Acta abierta']],
      ['visitor', ['Acta abierta']],
    ];
    for (const order of [sees, [...sees].reverse(), sees]) {
      for (const [who, expected] of order) {
        expect(await titles(readers[who]!, '/es/bodies/mt1'), who).toEqual(expected);
        // An objective's page is every reader's (the page cache keeps it): its sections are a visitor's.
        expect(await titles(readers[who]!, '/es/objectives/9'), who).toEqual(['Acta abierta']);
      }
    }
  });

  it("gives each reader the library's results they may see, their cards kept, whoever asked first; an edit shows at once", async () => {
    const sees: [string, string[]][] = [
      ['admin', ['Acta abierta', 'Acta de la mesa', 'Acta de miembros']],
      ['member', ['Acta abierta', 'Acta de miembros']],
      ['visitor', ['Acta abierta']],
    ];
    for (const order of [sees, [...sees].reverse()]) for (const [who, expected] of order) expect(await titles(readers[who]!, '/es/library?q=acta'), who).toEqual(expected);
    // The card of a document kept in a language is that language's.
    expect(await (await readers.visitor!.get('/en/library?q=acta')).text()).toMatch(/<p class="small muted">Minutes · /);
    const doc = await ctx.db.selectFrom('library_documents').select('id').where('title', 'like', '%Acta abierta%').executeTakeFirstOrThrow();
    const fields: Record<string, string> = { kind: 'minutes', original_lang: 'es', title_es: 'Acta abierta revisada', published_on: '2024-05-10', visibility: 'public', licence: 'cc_by_4', objectives: '9', body_id: bodyId };
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    expect((await admin.postMultipart(paths.edit.href('es', { id: doc.id }), f)).status).toBe(303);
    expect(await (await readers.visitor!.get('/es/library?q=acta')).text()).toContain('Acta abierta revisada');
  });

  it('shows a document added through the app at once', async () => {
    expect(await titles(readers.member!, '/es/bodies/mt1')).not.toContain('Acta nueva');
    await add('Acta nueva', { visibility: 'members' });
    expect(await titles(readers.member!, '/es/bodies/mt1')).toContain('Acta nueva');
    expect(await titles(readers.visitor!, '/es/bodies/mt1')).not.toContain('Acta nueva');
    await add('Acta nueva abierta');
    expect(await titles(readers.visitor!, '/es/objectives/9')).toContain('Acta nueva');
  });
});
