/**
 * Library search ranking on both engines: a document with the text's words in its title comes before one with them
 * only in its summary, the more of the text's words in the title the sooner, ties newest first — read afresh and from
 * the words kept from earlier texts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { newId } from '../../db/ids.js';
import { dialectOf } from '../../db/migrator.js';
import { indexDocument, bumpSearchVersion, searchLibrary, dropLibraryCache, engine } from './search.js';
import { BoundedCache, MAX_EXPANSIONS } from '../../platform/search/engine.js';

const everyone = { all: true, members: true, bodies: new Set<string>(), manages: new Set<string>() };
const visitor = { all: false, members: false, bodies: new Set<string>(), manages: new Set<string>() };
const member = { all: false, members: true, bodies: new Set<string>(), manages: new Set<string>() };

describe.each(DIALECTS)('library search ranking on %s', (dialect) => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const add = async (key: string, title: string, summary: string, publishedOn: string, visibility = 'public') => {
      const id = newId();
      const now = new Date().toISOString();
      const seq = dialectOf(ctx.db as any) === 'sqlite' ? sql<number>`(select coalesce(max(seq), 0) + 1 from library_documents)` : null;
      await ctx.db
        .insertInto('library_documents')
        .values({
          id,
          seq: seq as any,
          kind: 'study',
          title: JSON.stringify({ es: title }),
          summary: JSON.stringify({ es: summary }),
          original_lang: 'es',
          body_id: null,
          org_ids: '[]',
          authors: null,
          published_on: publishedOn,
          visibility,
          visibility_body_id: null,
          licence: 'cc_by_4',
          created_by: null,
          created_at: now,
          updated_at: now,
        } as any)
        .execute();
      await indexDocument(ctx.db, id);
      ids[key] = id;
    };
    // Newest last: each later one would win a tie.
    await add('both', 'Remesas y retorno', 'Un estudio regional.', '2020-01-01');
    await add('one', 'Remesas familiares', 'Sobre el retorno voluntario.', '2021-01-01');
    await add('none', 'Informe anual', 'Remesas, retorno y empleo.', '2022-01-01');
    await add('other', 'Salud comunitaria', 'Clínicas móviles.', '2023-01-01');
    await add('members', 'Remesas: notas internas', 'Solo para organizaciones miembro.', '2019-01-01', 'members');
    await bumpSearchVersion(ctx.db);
  });
  afterAll(() => ctx?.close());

  const order = async (text: string) => (await searchLibrary(ctx.db, everyone, { text, perPage: 50 })).ids;

  it('ranks by how many of the words are in the title, then newest first', async () => {
    for (const pass of ['fresh', 'kept'] as const) {
      if (pass === 'fresh') dropLibraryCache(ctx.db);
      expect(await order('remesas retorno'), pass).toEqual([ids.both, ids.one, ids.none]);
      // In the title first; the two with it in their summary alike, the newer first.
      expect(await order('retorno'), pass).toEqual([ids.both, ids.none, ids.one]);
      expect(await order('salud'), pass).toEqual([ids.other]);
    }
  });

  it('asks the full-text index nothing for a new text of known words once kept warm (SQLite), ranked the same', async () => {
    dropLibraryCache(ctx.db);
    await engine.keepWarm(ctx.db, (err) => {
      throw err;
    });
    const asked: string[] = [];
    const proto = dialect === 'sqlite' ? Object.getPrototypeOf(ctx.deps.sqlite!.prepare('select 1')) : null;
    const all = proto?.all;
    if (proto)
      proto.all = function (this: { source: string }, ...a: unknown[]) {
        if (this.source.includes('library_fts match')) asked.push(this.source);
        return all.apply(this, a);
      };
    try {
      expect(await order('retorno remesas')).toEqual([ids.both, ids.one, ids.none]);
      expect(await order('salud')).toEqual([ids.other]);
    } finally {
      if (proto) proto.all = all;
    }
    expect(asked).toEqual([]);
    dropLibraryCache(ctx.db);
  });

  it('keeps a typed word\'s expansion, even a word found nowhere, in the catalog\'s bounded cache', async () => {
    await order('zzqqxyzw remesas');
    const cat = (engine as unknown as { catalogs: Map<object, { expansions: unknown }> }).catalogs.get(ctx.db as object);
    expect(cat?.expansions).toBeInstanceOf(BoundedCache);
    expect((cat!.expansions as BoundedCache<unknown>).max).toBe(MAX_EXPANSIONS);
    expect((cat!.expansions as BoundedCache<unknown>).has('all:zzqqxyzw')).toBe(true);
  });

  it('counts and ranks what each reader may see, asked again and again', async () => {
    const seen = async (reader: typeof visitor) => {
      const r = await searchLibrary(ctx.db, reader, { text: 'remesas', perPage: 50 });
      return { ids: r.ids, total: r.total, kinds: r.facets.kind };
    };
    for (let round = 0; round < 2; round++) {
      expect((await seen(visitor)).ids).toEqual([ids.one, ids.both, ids.none]);
      expect(await seen(member)).toEqual({ ids: [ids.one, ids.both, ids.members, ids.none], total: 4, kinds: { study: 4 } });
      expect((await seen(visitor)).total).toBe(3);
    }
  });
});
