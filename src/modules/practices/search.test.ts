/** Search on both engines, with the same cases: accents, typos, each language, filters, facets, paging, ranking. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { makePractice, practiceInput, userStub } from './factories.js';
import { searchPractices } from './search.js';
import { transition } from './commands/workflow.js';
import { editDistance, regionOf } from './model.js';

const author = userStub('author0000000001');
const admin = userStub('admin00000000001', 'admin');

describe('edit distance and regions', () => {
  it('counts edits with a cut-off', () => {
    expect(editDistance('migrasion', 'migracion', 2)).toBe(1);
    expect(editDistance('obsrvatory', 'observatory', 2)).toBe(1);
    expect(editDistance('abc', 'xyz12', 1)).toBe(2);
  });
  it('maps countries to the Hub regions', () => {
    expect(regionOf('CL')).toBe('americas');
    expect(regionOf('FR')).toBe('europe');
    expect(regionOf('JP')).toBe('asia');
    expect(regionOf('NG')).toBe('africa');
    expect(regionOf('FJ')).toBe('oceania');
  });
});

describe.each(DIALECTS)('practice search on %s', (dialect) => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const db = ctx.db;
    const mk = async (key: string, o: Parameters<typeof practiceInput>[0], status: 'published' | 'draft' = 'published') => {
      ids[key] = await db.transaction().execute((trx) => makePractice(trx, author, practiceInput(o), status, admin));
    };
    await mk('A', {
      texts: { title: { es: 'Integración laboral de personas migrantes' }, summary: { es: 'Programa de empleo y migración segura en Chile.' } },
      objectives: [6, 16],
      countries: ['CL'],
    });
    await mk('B', {
      originalLang: 'en',
      texts: { title: { en: 'Migration data observatory' }, summary: { en: 'Open data on human mobility across the region.' }, actions: { en: 'Built it.' }, results: { en: 'Used by many.' } },
      objectives: [1],
      countries: ['MX'],
      resourceType: 'tool',
    });
    await mk('C', {
      originalLang: 'pt',
      texts: { title: { pt: 'Acolhida de migrantes em São Paulo' }, summary: { pt: 'Integração e moradia para famílias.' }, actions: { pt: 'Abrigos.' }, results: { pt: 'Famílias acolhidas.' } },
      objectives: [16],
      countries: ['BR'],
    });
    await mk('D', {
      originalLang: 'fr',
      texts: { title: { fr: 'Accès à la santé des migrants en Haïti' }, summary: { fr: 'Santé primaire et éducation.' }, actions: { fr: 'Cliniques.' }, results: { fr: 'Patients soignés.' } },
      objectives: [15],
      countries: ['HT'],
      principles: ['child-sensitive'],
    });
    await mk('E', {
      texts: { title: { es: 'Remesas y educación financiera' }, summary: { es: 'Cooperativas de ahorro en El Salvador.' } },
      objectives: [20],
      countries: ['SV'],
      resourceType: 'study',
    });
    await mk('G', {
      texts: { title: { es: 'Ferias comunitarias' }, summary: { es: 'Encuentros barriales.' }, lessons: { es: 'Participaron también personas migrantes de la zona.' } },
      objectives: [17],
      countries: ['AR'],
    });
    await mk('F', { texts: { title: { es: 'Borrador sobre migración' } } }, 'draft');
  });
  afterAll(() => ctx.close());

  const find = async (text: string, extra: Parameters<typeof searchPractices>[1] = {}) => (await searchPractices(ctx.db, { text, perPage: 50, ...extra })).ids;

  it('ignores accents and forgives one typo', async () => {
    expect(await find('migración')).toContain(ids.A);
    expect(await find('migracion')).toContain(ids.A);
    const typo = await find('migrasión');
    expect(typo).toContain(ids.A);
    expect(typo).toContain(ids.B); // "migration" is one edit away in English
    expect(await find('obsrvatory')).toEqual([ids.B]);
    // A letter for another one the word does not have (two letters apart, one edit).
    expect(await find('ferios')).toEqual([ids.G]);
  });

  it('searches any text: query syntax is plain words, words longer than 60 letters are ignored', async () => {
    const all = (await searchPractices(ctx.db, { perPage: 50 })).ids;
    expect(await find('a'.repeat(61))).toEqual(all); // nothing left to search: no text filter
    expect(await find(`${'x'.repeat(80)} observatory`)).toEqual([ids.B]);
    expect(await find('("observatory*" ^-{observatory}:)')).toEqual([ids.B]);
    expect(await find('observatory AND NEAR')).toEqual([]); // operators are words like any other
    for (const t of ['"', '""', 'AND', 'OR NOT', 'NEAR(', '*', '^', '-', '()', ':', '\u0000\u0007', '😀', '\ud800', '<->', '!&|'])
      expect((await searchPractices(ctx.db, { text: t })).total, JSON.stringify(t)).toBeGreaterThanOrEqual(0);
  });

  it('searches each language', async () => {
    expect(await find('integracao')).toContain(ids.C);
    expect(await find('sante haiti')).toEqual([ids.D]);
    expect(await find('observatory')).toEqual([ids.B]);
    expect(await find('remesas cooperativas')).toEqual([ids.E]);
    expect(await find('remesas chile')).toEqual([]);
  });

  it('never finds drafts', async () => {
    expect(await find('borrador')).toEqual([]);
  });

  it('ranks title matches above body matches', async () => {
    const r = await find('migrantes');
    expect(r).toContain(ids.G);
    expect(r.indexOf(ids.A)).toBeLessThan(r.indexOf(ids.G));
  });

  it('combines filters and counts facets', async () => {
    const all = await searchPractices(ctx.db, {});
    expect(all.total).toBe(6);
    expect(all.facets.objective['16']).toBe(2);
    expect(all.facets.lang.es).toBe(3);
    expect(all.facets.type.tool).toBe(1);
    expect(all.facets.region.americas).toBe(6);
    const r = await searchPractices(ctx.db, { objective: ['16'], country: ['BR'] });
    expect(r.ids).toEqual([ids.C]);
    const either = await searchPractices(ctx.db, { objective: ['16', '1'] });
    expect(either.total).toBe(3);
    expect(either.facets.country).toEqual({ CL: 1, MX: 1, BR: 1 });
    const withText = await searchPractices(ctx.db, { text: 'migrantes', principle: ['child-sensitive'] });
    expect(withText.ids).toEqual([ids.D]);
  });

  it('pages', async () => {
    const p1 = await searchPractices(ctx.db, { perPage: 4, sort: 'newest' });
    const p2 = await searchPractices(ctx.db, { perPage: 4, page: 2, sort: 'newest' });
    expect(p1.pages).toBe(2);
    expect(p1.ids).toHaveLength(4);
    expect(p2.ids).toHaveLength(2);
    expect(new Set([...p1.ids, ...p2.ids]).size).toBe(6);
  });

  it('sorts a text\'s matches by date both ways and keeps facet counts', async () => {
    const rel = await searchPractices(ctx.db, { text: 'migrantes' });
    const newest = await searchPractices(ctx.db, { text: 'migrantes', sort: 'newest' });
    const oldest = await searchPractices(ctx.db, { text: 'migrantes', sort: 'oldest' });
    expect(new Set(newest.ids)).toEqual(new Set(rel.ids));
    expect(oldest.ids).toEqual([...newest.ids].reverse());
    expect(newest.facets).toEqual(rel.facets);
    const all = await searchPractices(ctx.db, { sort: 'oldest', perPage: 50 });
    expect(all.ids).toEqual((await searchPractices(ctx.db, { perPage: 50 })).ids.reverse());
  });

  it('drops a withdrawn practice from results', async () => {
    const id = await ctx.db.transaction().execute((trx) => makePractice(trx, author, practiceInput({ texts: { title: { es: 'Kilómetro cero' } } }), 'published', admin));
    expect(await find('kilometro')).toEqual([id]);
    await ctx.db.transaction().execute((trx) => transition(trx, admin, id, 'unpublish', 'Datos incompletos'));
    expect(await find('kilometro')).toEqual([]);
  });
});
