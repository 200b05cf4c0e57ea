/**
 * Notifications reach the right person in their language, on both engines: mail to staff about a Portuguese
 * applicant is in each staff member's language with links in it; reviewers are told a practice awaits them; a
 * Mesa's secretary is told an organization asks to join, and the organization is told the decision.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, lastMail, signUpAndIn, type TestContext } from '../support/context.js';
import { buildWorld, type World } from '../support/matrix.js';
import { createTestContext } from '../support/context.js';
import { makePractice, practiceInput } from '../../src/modules/practices/factories.js';
import { pickTranslated } from '../../src/platform/i18n/translated.js';
import { setBodyObjectives } from '../../src/modules/bodies/index.js';
import { callElection } from '../../src/modules/elections/commands/lifecycle.js';

const APPLY = {
  name: 'Rede Migrante do Sul',
  acronym: 'RMDS',
  country: 'BR',
  countries: ['BR'],
  city: 'São Paulo',
  type: 'network',
  objectives: ['1'],
  languages: ['pt'],
  website: 'https://rmds.example.org',
  social: '',
  description: 'Acompanhamos pessoas migrantes.',
  description_lang: 'pt',
  role_title: 'Coordenadora',
  person_name: 'Joana Silva',
  email: 'joana@rmds.example',
  password: 'a-long-password-1',
  confirm: 'a-long-password-1',
  accept_principles: 'on',
  accept_terms: 'on',
};

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let ctx: TestContext;
  let w: World;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    w = await buildWorld(ctx);
  }, 120_000);
  afterAll(async () => ctx?.close());

  const setLocale = (userId: string, locale: string) => ctx.db.updateTable('users').set({ locale }).where('id', '=', userId).execute();

  it('mail to staff about a Portuguese applicant is in each staff member’s language, with links in it', async () => {
    await setLocale(w.users.admin, 'en');
    const second = await signUpAndIn(ctx, 'segunda@staff.example', 'Segunda Admin');
    await ctx.db.updateTable('users').set({ role: 'admin', locale: 'fr' }).where('id', '=', second.userId).execute();
    const res = await ctx.client().post('/pt/join', APPLY);
    expect(res.status).toBe(303);
    const toApplicant = await lastMail(ctx, APPLY.email);
    expect(toApplicant?.text_body).toContain('/pt/');
    const admin = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.admin).executeTakeFirstOrThrow();
    const en = await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', admin.email).where('kind', '=', 'membership.applied').executeTakeFirstOrThrow();
    expect(en.text_body).toContain('Rede Migrante do Sul applied');
    expect(en.text_body).toContain('http://localhost:3000/en/');
    expect(en.text_body).not.toContain('/pt/');
    // The outbox shows the kind by its label, not its key.
    const detail = await (await w.clients.admin.get(`/en/admin/outbox/${en.id}`)).text();
    expect(detail).toContain('New membership application (Technical Group)');
    expect(detail).not.toContain('membership.applied');
    const fr = await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', 'segunda@staff.example').where('kind', '=', 'membership.applied').executeTakeFirstOrThrow();
    expect(fr.text_body).toContain('http://localhost:3000/fr/');
    expect(fr.text_body).not.toContain('/pt/');
    // The review page lists the objectives by number and name.
    const org = await ctx.db.selectFrom('organizations').select('id').where('name', '=', APPLY.name).executeTakeFirstOrThrow();
    const review = await (await w.clients.admin.get(`/en/admin/organizations/${org.id}`)).text();
    expect(review).toContain('<li>1. Data</li>');
  });

  it('a submitted practice is announced to the administrators and the secretaries of Mesas on its objectives, each in their language', async () => {
    await setLocale(w.users.secretary, 'pt');
    await setBodyObjectives(ctx.db, w.body.id, [5, 6]);
    await setBodyObjectives(ctx.db, w.otherBody.id, [7]);
    const only = [5];
    const author = await ctx.db.selectFrom('users').select(['id', 'name', 'email', 'role', 'locale']).where('id', '=', w.users.member).executeTakeFirstOrThrow();
    const id = await makePractice(ctx.db, { ...author, role: 'member', locale: 'es', emailVerified: true } as never, practiceInput({ orgId: w.orgs.org.id, objectives: [only[0]!] }));
    const res = await w.clients.member.post(`/es/practices/${id}/workflow`, { action: 'submit' });
    expect(res.status).toBe(303);
    const sec = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.secretary).executeTakeFirstOrThrow();
    const toSecretary = await lastMail(ctx, sec.email);
    expect(toSecretary?.kind).toBe('practices.awaitingReview');
    expect(toSecretary?.subject).toContain('Prática para analisar');
    expect(toSecretary?.text_body).toContain(`http://localhost:3000/pt/practices/${id}`);
    const admin = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.admin).executeTakeFirstOrThrow();
    expect((await lastMail(ctx, admin.email))?.kind).toBe('practices.awaitingReview');
    // The secretary of a Mesa that does not prioritize the objective is not a reviewer of it, and is not told.
    const rev = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.reviewer).executeTakeFirstOrThrow();
    expect((await lastMail(ctx, rev.email))?.kind).not.toBe('practices.awaitingReview');
    // Nobody who switched the kind off is told.
    await w.clients.secretary.post('/es/account/notifications', { kind_practices_awaitingReview: 'off' });
    const again = await makePractice(ctx.db, { ...author, role: 'member', locale: 'es', emailVerified: true } as never, practiceInput({ orgId: w.orgs.org.id, objectives: [only[0]!] }));
    await w.clients.member.post(`/es/practices/${again}/workflow`, { action: 'submit' });
    expect((await lastMail(ctx, sec.email))?.text_body).not.toContain(again);
  });

  it('a Mesa’s secretary is told an organization asks to join; the organization is told the decision', async () => {
    const sec = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.secretary).executeTakeFirstOrThrow();
    const member = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.member).executeTakeFirstOrThrow();
    await setLocale(w.users.member, 'en');
    await setLocale(w.users.secretary, 'es');
    expect((await w.clients.member.post(`/es/bodies/${w.body.slug}/join`, { org: w.orgs.org.id })).status).toBe(303);
    const asked = await lastMail(ctx, sec.email);
    expect(asked?.kind).toBe('bodies.joinRequested');
    expect(asked?.text_body).toContain(w.orgs.org.name);
    expect(asked?.text_body).toContain(`http://localhost:3000/es/bodies/${w.body.slug}`);
    expect((await w.clients.secretary.post(`/es/bodies/${w.body.slug}/requests`, { org: w.orgs.org.id, decision: 'approve' })).status).toBe(303);
    const approved = await lastMail(ctx, member.email);
    expect(approved?.kind).toBe('bodies.joinApproved');
    expect(approved?.subject).toContain('is now part of');
    expect(approved?.text_body).toContain(`http://localhost:3000/en/bodies/${w.body.slug}`);
    expect((await w.clients.secretary.post(`/es/bodies/${w.body.slug}/leave`, { org: w.orgs.org.id })).status).toBe(303);
    expect((await lastMail(ctx, member.email))?.kind).toBe('bodies.removed');
    expect((await w.clients.member.post(`/es/bodies/${w.body.slug}/join`, { org: w.orgs.org.id })).status).toBe(303);
    expect((await w.clients.secretary.post(`/es/bodies/${w.body.slug}/requests`, { org: w.orgs.org.id, decision: 'decline' })).status).toBe(303);
    const declined = await lastMail(ctx, member.email);
    expect(declined?.kind).toBe('bodies.joinDeclined');
    expect(declined?.subject).toContain('was not approved');
  });

  it('the audit log reads as sentences with names, never keys or ids, in the reader’s language', async () => {
    const html = await (await w.clients.admin.get('/en/admin/audit')).text();
    const bodyName = pickTranslated(w.body.name, 'en')!.text;
    expect(html).toContain(`Matrix secretary approved ${bodyName} membership for ${w.orgs.org.name}`);
    expect(html).toContain(`Matrix secretary declined ${bodyName} membership for ${w.orgs.org.name}`);
    expect(html).toContain('submitted the practice “Práctica de ejemplo” for review');
    expect(html).toContain('Joana Silva applied for Rede Migrante do Sul (RMDS) to join');
    expect(html).not.toContain('body.join_approved');
    expect(html).not.toContain(w.body.id);
    expect(html).not.toContain(w.orgs.org.id);
    const es = await (await w.clients.admin.get('/es/admin/audit')).text();
    expect(es).toContain(`Matrix secretary aprobó la entrada de ${w.orgs.org.name} en`);
  });

  it('an election’s announcement reaches the Mesa’s people in their language, and not those who switched it off', async () => {
    const sec = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.secretary).executeTakeFirstOrThrow();
    const voter = await ctx.db.selectFrom('users').select('email').where('id', '=', w.users.bodyMember).executeTakeFirstOrThrow();
    await setLocale(w.users.secretary, 'fr');
    await w.clients.bodyMember.post('/es/account/notifications', { kind_elections_called: 'off' });
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const called = await callElection({ db: ctx.db, i18n: ctx.deps.i18n, baseUrl: 'http://localhost:3000' }, w.users.secretary, {
      bodyId: w.body.id,
      title: { es: 'Elección de prueba', fr: 'Élection d’essai' },
      positions: ['secretary'],
      quorumPct: 50,
      nominationsCloseAt: day(2),
      votingOpensAt: day(3),
      votingClosesAt: day(4),
      timeZone: 'UTC',
      termStart: day(5).slice(0, 10),
      termEnd: day(400).slice(0, 10),
      publishVoters: false,
    });
    expect(called.ok).toBe(true);
    const toSecretary = await lastMail(ctx, sec.email);
    expect(toSecretary?.kind).toBe('elections.called');
    expect(toSecretary?.text_body).toContain('http://localhost:3000/fr/elections/');
    expect((await lastMail(ctx, voter.email))?.kind).not.toBe('elections.called');
  });
});
