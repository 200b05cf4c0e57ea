/**
 * The pledges list's rows kept as HTML (list-rows.tsx), on both engines, with the page cache on (rows kept) and off
 * (made every time): whoever asks first — an administrator, the pledging organization's own person, a signed-out
 * visitor — no reader's list shows a draft, a pledge in review or a withdrawn one, and a successful write empties the
 * kept rows (an organization renamed behind the app's back shows its new name after the next write, not before).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/schema.js';
import { bumpCatalogVersion } from './catalog.js';
import type { PledgeState } from './tables.js';

async function pledge(db: Db, orgId: string, title: string, state: PledgeState, publishedAt: string | null) {
  const id = newId();
  const now = '2025-03-10T12:00:00.000Z';
  await db
    .insertInto('pledges')
    .values({ id, ref: `PL-R${id.slice(-6)}`, title: JSON.stringify({ es: title }), description: '{}', kind: 'common', scope: 'national', partners: '[]', body_id: null, state, status: publishedAt ? 'planning' : null, created_by: 'test', created_at: now, updated_at: now, published_at: publishedAt, is_demo: 0 })
    .execute();
  await db.insertInto('pledge_organizations').values({ pledge_id: id, org_id: orgId, lead: 1, confirmed_at: now, confirmed_by: 'test' }).execute();
  await db.insertInto('pledge_objectives').values({ pledge_id: id, n: 7 }).execute();
}

describe.each(DIALECTS.flatMap((d) => [[d, '0'], [d, '60']] as const))('pledges list rows (%s, page cache TTL %s s)', (dialect, ttl) => {
  let ctx: TestContext;
  let admin: TestClient;
  let owner: TestClient;
  let orgId = '';
  const secrets = ['Borrador secreto', 'En revisión secreto', 'Devuelto secreto', 'Retirado secreto'];

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: ttl });
    const org = await makeOrganization(ctx.db, { name: 'Org Filas', status: 'member' });
    orgId = org.id;
    const own = await signUpAndIn(ctx, `owner-${ttl}@rows.test`, 'Persona de Org Filas');
    await addPerson(ctx.db, org.id, own.userId, { representative: true });
    owner = own.client;
    admin = await ctx.admin();
    // Many published pledges (several blocks of kept rows) and one of each state the list never shows.
    for (let k = 0; k < 150; k++) await pledge(ctx.db, org.id, `Publicado ${k}`, 'published', `2025-0${1 + (k % 9)}-10T12:00:00.000Z`);
    await pledge(ctx.db, org.id, secrets[0]!, 'draft', null);
    await pledge(ctx.db, org.id, secrets[1]!, 'submitted', null);
    await pledge(ctx.db, org.id, secrets[2]!, 'returned', null);
    await pledge(ctx.db, org.id, secrets[3]!, 'withdrawn', '2025-02-10T12:00:00.000Z');
    await bumpCatalogVersion(ctx.db);
  }, 120_000);
  afterAll(() => ctx?.close());

  const list = async (client: TestClient, path: string) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    return res.text();
  };
  const titles = (html: string) => [...html.matchAll(/<tr><td><a href="\/es\/pledges\/[^"]+">PL-R[^ ]+ · ([^<]+)<\/a>/g)].map((m) => m[1]);

  it('never shows a reader a pledge that is not published, whoever asked first', async () => {
    const readers = [admin, owner, ctx.client()];
    for (let round = 0; round < 2; round++) {
      for (const [i, reader] of (round ? [...readers].reverse() : readers).entries()) {
        for (const path of ['/es/pledges', '/es/pledges?page=4', '/es/pledges?objective=7&page=7', `/es/pledges?kind=common&page=${2 + i}`]) {
          const html = await list(reader, path);
          for (const s of secrets) expect(html).not.toContain(s);
          const shown = titles(html);
          expect(shown.length).toBe(20);
          for (const t of shown) expect(t).toMatch(/^Publicado \d+$/);
        }
      }
    }
    // Every published pledge is listed once, across the pages (150: eight pages, the last one of ten).
    const all: string[] = [];
    for (let p = 1; p <= 8; p++) all.push(...titles(await list(ctx.client(), `/es/pledges?page=${p}`)));
    expect(new Set(all).size).toBe(150);
  });

  it('shows what a write changed once the write is done', async () => {
    const version = () => ctx.db.selectFrom('pledge_meta').select('value').where('key', '=', 'catalog_version').executeTakeFirst();
    const before = await version();
    expect(await list(ctx.client(), '/es/pledges?objective=7')).toContain('>Org Filas</a>');
    // Renamed behind the app's back: no write went through it, so the kept rows still name the organization as
    // they did (with the page cache off, every request reads it again).
    await ctx.db.updateTable('organizations').set({ name: 'Org Renombrada' }).where('id', '=', orgId).execute();
    const stale = await list(ctx.client(), '/es/pledges?objective=7&kind=common');
    expect(stale).toContain(ttl === '0' ? '>Org Renombrada</a>' : '>Org Filas</a>');
    // A write (an administrator suspends the organization) empties what was kept: the next page names it anew,
    // without a link (a suspended organization is no longer a member), while the published pledges are the same.
    expect((await admin.post(`/es/admin/organizations/${orgId}/suspend`, { reason_suspend: 'Prueba' })).status).toBe(303);
    expect(await version()).toEqual(before);
    const fresh = await list(ctx.client(), '/es/pledges?objective=7&kind=common&year=2025');
    expect(fresh).toContain('</a></td><td>Org Renombrada</td>');
    expect(fresh).not.toContain('Org Filas');
  });
});
