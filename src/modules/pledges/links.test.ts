/**
 * Links on both engines: a pledge is linked to another module's things through platform/links.ts — the picker
 * lists every declared link target type (here a stand-in module's, as plans and consultations will declare
 * theirs), a thing the reader cannot see or that does not exist is refused, a link shows on the pledge's page
 * with its title, once, and is removed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { defineModule } from '../../platform/module.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { modules } from '../index.js';
import { savePledge } from './commands/save.js';
import { paths } from './paths.js';

const THINGS = new Map([
  ['act-1', 'Actividad 1.2: taller regional'],
  ['act-2', 'Actividad 2.1: guía de servicios'],
]);
/** A module that declares a link target, as plans will ('plans.activity'). */
const standIn = defineModule({
  name: 'standin',
  messages: { es: { kind: 'Actividad del plan' }, en: { kind: 'Plan activity' }, pt: { kind: 'Atividade do plano' }, fr: { kind: 'Activité du plan' } },
  linkTargets: [
    {
      type: 'standin.activity',
      label: 'standin.kind',
      resolve: async (_ctx, ids) => new Map(ids.filter((id) => THINGS.has(id)).map((id) => [id, { title: THINGS.get(id)!, href: `/es/standin/${id}` }])),
      search: async (_ctx, q) => [...THINGS].filter(([, title]) => title.toLowerCase().includes(q.toLowerCase())).map(([id, title]) => ({ id, title })),
    },
  ],
});

describe.each(DIALECTS)('pledge links (%s)', (dialect) => {
  let ctx: TestContext;
  let lead: TestClient;
  let id = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect, {}, { modules: [...modules, standIn] });
    const person = await signUpAndIn(ctx, 'links@pl.test', 'Persona links');
    lead = person.client;
    const org = await makeOrganization(ctx.db, { name: 'Org links', status: 'member' });
    await addPerson(ctx.db, org.id, person.userId, { representative: true });
    const r = await ctx.db.transaction().execute((trx) =>
      savePledge(trx, { actorId: person.userId, mayLead: () => true, dataDir: ctx.deps.config.dataDir }, {
        leadOrg: org.id, coOrgs: [], bodySlug: null, kind: 'common', matchesRef: null, matchesExternalId: null, matchesExternalTitle: null,
        title: { es: 'Compromiso con vínculos' }, description: { es: 'x'.repeat(300) }, forms: ['policy'], objectives: [23], principles: [], countries: [], scope: 'regional', partners: [], startsOn: null, endsOn: null, removeAttachment: false,
      }, null),
    );
    if (!r.ok) throw new Error(r.reason);
    id = r.id;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('offers every declared target type, refuses unknown things, shows a link once, removes it', async () => {
    const picker = await (await lead.get(paths.links.href('es', { id }, { type: 'standin.activity', q: 'taller' }))).text();
    expect(picker).toContain('<option value="standin.activity"');
    expect(picker).toContain('Actividad 1.2: taller regional');
    expect(picker).not.toContain('Actividad 2.1');
    expect((await lead.post(paths.links.href('es', { id }), { type: 'standin.activity', target: 'act-9' })).status).toBe(303);
    expect((await lead.post(paths.links.href('es', { id }), { type: 'pledges.pledge', target: id })).status).toBe(303);
    expect(await ctx.db.selectFrom('pledge_links').selectAll().execute()).toEqual([]);
    for (let i = 0; i < 2; i++) expect((await lead.post(paths.links.href('es', { id }), { type: 'standin.activity', target: 'act-1' })).status).toBe(303);
    expect(await ctx.db.selectFrom('pledge_links').select(['type', 'target_id']).execute()).toEqual([{ type: 'standin.activity', target_id: 'act-1' }]);
    const page = await (await lead.get(paths.pledge.href('es', { id }))).text();
    expect(page).toContain('Actividad del plan: <a href="/es/standin/act-1">Actividad 1.2: taller regional</a>');
    expect((await lead.post(paths.unlink.href('es', { id }), { type: 'standin.activity', target: 'act-1' })).status).toBe(303);
    expect(await ctx.db.selectFrom('pledge_links').selectAll().execute()).toEqual([]);
    const history = await ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).where('action', 'like', 'pledge.%link%').orderBy('at').execute();
    expect(history.map((h) => h.action)).toEqual(['pledge.linked', 'pledge.unlinked']);
  });
});
