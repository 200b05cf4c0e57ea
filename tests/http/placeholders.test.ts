/**
 * People's text is never read as a message (issue 9, item 10): a person's name, an organization's name and a
 * practice's title that look like message placeholders (`{{email}}`, `{{url}}`, `{{- x}}`, `{{count}}`,
 * `$t(key)`) are shown exactly as typed, in pages and in mails rendered by notify(), and never fill in another
 * value (before the fix, i18next's `skipOnVariables` let "Presentas la solicitud como {{name}} ({{email}})"
 * with the name `{{email}}` come out as "… como ana@… ({{email}})").
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, lastMail, signUpAndIn, type TestContext } from '../support/context.js';
import { makeOrganization, addPerson } from '../../src/modules/membership/factories.js';
import { makePractice, practiceInput, userStub } from '../../src/modules/practices/factories.js';

/** Every placeholder form i18next knows, in the order that made the old interpolation fill them in. */
const NAME = '{{email}} {{url}} {{- url}} {{count}} $t(nav.home)';
const ORG = '{{url}} {{name}} {{- inviter}} {{days}} $t(membership.nav)';
const TITLE = '{{status}} {{url}} {{- comment}} $t(practices.nav)';

/** The page's text with the HTML escapes of these strings undone (none of them has &, < or >). */
const text = async (res: Response) => (await res.text()).replaceAll('&#39;', "'").replaceAll('&quot;', '"');

describe.each(DIALECTS)("people's text is not a message on %s", (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(async () => ctx?.close());

  it('a person named like placeholders: the verification mail and the join page show the name as typed', async () => {
    const email = 'placeholder-person@example.org';
    const { client } = await signUpAndIn(ctx, email, NAME);
    const verify = await ctx.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('created_at').executeTakeFirstOrThrow();
    expect(verify.text_body).toContain(`${NAME}:`);
    expect(verify.text_body.indexOf('http')).toBeGreaterThan(verify.text_body.indexOf(NAME)); // the link is not pulled up into the name
    const join = await text(await client.get('/es/join'));
    expect(join).toContain(`${NAME} (${email})`);
  });

  it("an organization named like placeholders: its pages and the invitation mail show the name as typed", async () => {
    const email = 'placeholder-rep@example.org';
    const { client, userId } = await signUpAndIn(ctx, email, NAME);
    const org = await makeOrganization(ctx.db, { name: ORG });
    await addPerson(ctx.db, org.id, userId, { representative: true, voter: true });
    const edit = await text(await client.get(`/es/organizations/${org.id}/edit`));
    expect(edit).toContain(`Editar ${ORG}`);
    const res = await client.post(`/es/organizations/${org.id}/invitations`, { email: 'placeholder-guest@example.org' });
    expect(res.status).toBe(303);
    const mail = (await lastMail(ctx, 'placeholder-guest@example.org'))!;
    expect(mail.subject).toContain(ORG);
    expect(mail.text_body).toContain(`${NAME} te invita a actuar en nombre de ${ORG} en el Mecanismo.`);
    expect(mail.text_body).not.toContain(email);
  });

  it('a practice titled like placeholders: the mail to its author shows the title as typed', async () => {
    const email = 'placeholder-author@example.org';
    const { userId } = await signUpAndIn(ctx, email, 'Autora Literal');
    const org = await makeOrganization(ctx.db, { name: 'Organización Literal' });
    await addPerson(ctx.db, org.id, userId, { representative: true });
    const admin = await ctx.admin();
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const id = await makePractice(ctx.db, { ...userStub(userId), email }, practiceInput({ orgId: org.id, objectives: [1], texts: { title: { es: TITLE } } }), 'submitted', userStub(adminId, 'admin'));
    const res = await admin.post(`/es/practices/${id}/workflow`, { action: 'approve' });
    expect(res.status).toBe(303);
    const mail = (await lastMail(ctx, email))!;
    expect(mail.subject).toBe(`Tu práctica «${TITLE}»: Publicada`);
    expect(mail.text_body).toContain(`La práctica «${TITLE}» ahora está: Publicada.`);
  });
});
