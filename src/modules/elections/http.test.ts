/** Elections over HTTP on both engines: policy per role, the whole journey, refusals, races and the record. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { definitionFingerprint, verifyRecord, type ElectionRecord } from './core/index.js';

describe.each(DIALECTS)('elections over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let anon: TestClient;
  const people: Record<string, { client: TestClient; userId: string }> = {};
  const orgs: Record<string, string> = {};
  let bodyId = '';
  let electionId = '';
  const slug = 'mt1';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    const body = (await getBodyBySlug(ctx.db, slug))!;
    bodyId = body.id;
    for (const name of ['secretary', 'member', 'voter1', 'voter2', 'voter3', 'suspended', 'outsider']) {
      people[name] = await signUpAndIn(ctx, `${name}@el.test`, `Persona ${name}`);
    }
    for (const [key, status] of [['a', 'member'], ['b', 'member'], ['c', 'member'], ['s', 'suspended'], ['x', 'member']] as const) {
      const o = await makeOrganization(ctx.db, { name: `Org ${key.toUpperCase()}`, status });
      orgs[key] = o.id;
      if (key !== 'x') await addBodyMember(ctx.db, bodyId, o.id);
    }
    await addPerson(ctx.db, orgs.a!, people.secretary!.userId);
    await addPerson(ctx.db, orgs.a!, people.voter1!.userId, { voter: true });
    await addPerson(ctx.db, orgs.a!, people.member!.userId);
    await addPerson(ctx.db, orgs.b!, people.voter2!.userId, { voter: true });
    await addPerson(ctx.db, orgs.c!, people.voter3!.userId, { voter: true });
    await addPerson(ctx.db, orgs.s!, people.suspended!.userId, { voter: true });
    await addPerson(ctx.db, orgs.x!, people.outsider!.userId, { voter: true });
    await assignPositions(ctx.db, null, {
      bodyId,
      assignments: [{ position: 'secretary', userId: people.secretary!.userId, orgId: orgs.a!, holderName: 'Persona secretary' }],
      startsOn: '2020-01-01',
      endsOn: null,
      source: 'appointment',
    });
  }, 60_000);
  afterAll(() => ctx?.close());

  const p = (name: string) => people[name]!.client;
  const form = {
    title_es: 'Elección de prueba',
    positions: ['secretary', 'principal_delegate', 'alternate_delegate'],
    quorum_pct: '50',
    term_start: '2027-01-01',
    term_end: '2028-12-31',
    body: slug,
  };

  it('lets only the secretary and administrators call an election', async () => {
    expect((await anon.get(`/es/elections/new?body=${slug}`)).status).toBe(303);
    for (const who of ['member', 'voter1', 'suspended', 'outsider']) expect((await p(who).get(`/es/elections/new?body=${slug}`)).status).toBe(403);
    expect((await p(who('member')).post('/es/elections/new', form)).status).toBe(403);
    expect((await admin.get(`/es/elections/new?body=${slug}`)).status).toBe(200);
    const bad = await p('secretary').post('/es/elections/new', { ...form, quorum_pct: '0', title_es: '' });
    expect(bad.status).toBe(422);
    const r = await p('secretary').post('/es/elections/new', form);
    expect(r.status).toBe(303);
    electionId = r.headers.get('location')!.split('/').pop()!;
    expect(electionId).toMatch(/^[0-9a-z]{16}$/);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', electionId).execute();
    expect(audit.map((a) => a.action)).toContain('election.called');
    const mail = await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'elections.called').execute();
    expect(mail.map((m) => m.to_address)).toEqual(expect.arrayContaining(['voter1@el.test', 'voter2@el.test', 'secretary@el.test']));
    expect(mail.map((m) => m.to_address)).not.toContain('outsider@el.test');
  });
  const who = (s: string) => s;

  it('shows the public page to everyone and hides the actions from people who may not use them', async () => {
    const page = await anon.get(`/es/elections/${electionId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Elección de prueba');
    expect(html).not.toContain('/open');
    expect(html).toContain('/es/elections/how-it-works');
    expect(await (await p('secretary').get(`/es/elections/${electionId}`)).text()).toContain(`/es/elections/${electionId}/open`);
    expect((await anon.get('/es/elections')).status).toBe(200);
    const security = await anon.get('/es/elections/how-it-works');
    expect(security.status).toBe(200);
    // The plain-language guide in the reader's language (h2 under the page's h1), then the technical document
    // (docs/elections-security.md, in English, h3 inside a disclosure), both rendered by marked and sanitized.
    const doc = await security.text();
    expect(doc).toContain('<h2>En pocas palabras</h2>');
    expect(doc).toContain('<div lang="en" class="prose"><p>');
    expect(doc).toContain('<h3>In short</h3>');
    expect(doc.split('<details')[0]).not.toContain('src/modules'); // the guide cites no repository paths
    const pt = await (await anon.get('/pt/elections/how-it-works')).text();
    expect(pt).toContain('<h2>Em poucas palavras</h2>');
    expect(pt).toContain('Como funcionam as eleições');
    const en = await (await anon.get('/en/elections/how-it-works')).text();
    expect(en).toContain('<h2>In short</h2>');
    expect(en).toContain('<div class="prose"><p>This page explains');
    expect((await p('outsider').get(`/es/elections/${electionId}/nominate`)).status).toBe(403);
    expect((await p('suspended').get(`/es/elections/${electionId}/nominate`)).status).toBe(403);
    expect((await anon.get(`/es/elections/${electionId}/nominate`)).status).toBe(303);
  });

  it('takes self-nominations and nominations of others that must be accepted', async () => {
    const self = await p('voter1').post(`/es/elections/${electionId}/nominate`, { position: 'secretary', who: 'self', org: orgs.a!, statement: 'Propongo trabajar juntas.', statement_lang: 'es' });
    expect(self.status).toBe(303);
    // The nominee is told in their own language (voter2 reads Portuguese), in the nomination's transaction.
    await ctx.db.updateTable('users').set({ locale: 'pt' }).where('id', '=', people.voter2!.userId).execute();
    const other = await p('member').post(`/es/elections/${electionId}/nominate`, { position: 'principal_delegate', who: 'other', email: 'voter2@el.test' });
    expect(other.status).toBe(303);
    const told = await ctx.db.selectFrom('outbox').select(['subject', 'text_body']).where('kind', '=', 'elections.nominated').where('to_address', '=', 'voter2@el.test').execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe('Você foi indicado(a) em uma eleição');
    expect(told[0]!.text_body).toContain(`/pt/elections/${electionId}/candidates/`);
    expect((await p('member').post(`/es/elections/${electionId}/nominate`, { position: 'principal_delegate', who: 'other', email: 'nobody@el.test' })).status).toBe(422);
    const cand = await ctx.db.selectFrom('election_candidates').selectAll().where('election_id', '=', electionId).where('user_id', '=', people.voter2!.userId).executeTakeFirstOrThrow();
    expect(cand.status).toBe('pending');
    expect((await p('voter3').get(`/es/elections/${electionId}/candidates/${cand.id}`)).status).toBe(403);
    const acc = await p('voter2').post(`/es/elections/${electionId}/candidates/${cand.id}`, { answer: 'accept', org: orgs.b!, statement: 'I will report back.', statement_lang: 'en' });
    expect(acc.status).toBe(303);
    for (const [position, person, org] of [['alternate_delegate', 'voter3', 'c'], ['secretary', 'voter3', 'c'], ['principal_delegate', 'member', 'a'], ['alternate_delegate', 'member', 'a']] as const) {
      expect((await p(person).post(`/es/elections/${electionId}/nominate`, { position, who: 'self', org: orgs[org]! })).status).toBe(303);
    }
    const bad = await p('member').post(`/es/elections/${electionId}/nominate`, { position: 'secretary', who: 'self', org: orgs.x! });
    expect(bad.status).toBe(422);
  });

  it('refuses votes before voting opens, and opens only for the secretary or an administrator', async () => {
    const early = await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, race_secretary: 'blank', race_principal_delegate: 'blank', race_alternate_delegate: 'blank' });
    expect(early.status).toBe(403); // voting is not open: nobody may cast
    for (const x of ['member', 'voter1', 'outsider']) expect((await p(x).post(`/es/elections/${electionId}/open`)).status).toBe(403);
    expect((await anon.post(`/es/elections/${electionId}/open`)).status).toBe(401);
    expect((await p('secretary').post(`/es/elections/${electionId}/open`)).status).toBe(303);
    const e = await ctx.db.selectFrom('elections').selectAll().where('id', '=', electionId).executeTakeFirstOrThrow();
    expect(e.status).toBe('voting');
    expect(e.census_size).toBe(3); // a, b, c — not the suspended org, not the outsider
    const roll = await ctx.db.selectFrom('election_roll').selectAll().where('election_id', '=', electionId).execute();
    expect(roll).toHaveLength(3);
    expect(Object.keys(roll[0]!).sort()).toEqual(['election_id', 'org_id', 'voted']);
    // The definition's fingerprint is published from the moment voting opens: page, API, opening mail (each reader's language).
    const fingerprint = definitionFingerprint(JSON.parse(e.definition!));
    expect(await (await anon.get(`/es/elections/${electionId}`)).text()).toContain(fingerprint);
    expect(((await (await anon.get(`/api/v1/elections/${electionId}`)).json()) as any).data.fingerprint).toBe(fingerprint);
    const opened = await ctx.db.selectFrom('outbox').select(['to_address', 'text_body']).where('kind', '=', 'elections.opened').execute();
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((m) => m.text_body.includes(fingerprint))).toBe(true);
    expect(opened.find((m) => m.to_address === 'voter2@el.test')!.text_body).toContain('Impressão digital da eleição');
    expect(opened.find((m) => m.to_address === 'voter1@el.test')!.text_body).toContain('Huella de la elección');
    // Editing is refused once voting has opened (the form says so, nothing changes); others may not even try.
    const edit = await p('secretary').post(`/es/elections/${electionId}/edit`, { ...form, quorum_pct: '77' });
    expect(edit.status).toBe(422);
    expect(await edit.text()).toContain('ya no se puede editar');
    expect((await p('voter1').post(`/es/elections/${electionId}/edit`, form)).status).toBe(403);
    const after = await ctx.db.selectFrom('elections').select(['status', 'quorum_pct']).where('id', '=', electionId).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'voting', quorum_pct: 50 });
    expect((await p('secretary').get(`/es/elections/${electionId}/edit`)).status).toBe(403);
  });

  it('refuses bad ballots, other people and second votes, changing nothing', async () => {
    const def = JSON.parse((await ctx.db.selectFrom('elections').select('definition').where('id', '=', electionId).executeTakeFirstOrThrow()).definition!);
    const idOf = (race: string, name: string) => def.races.find((r: any) => r.id === race).candidates.find((c: any) => c.name === name).id;
    const ballot = { race_secretary: idOf('secretary', 'Persona voter1'), race_principal_delegate: idOf('principal_delegate', 'Persona voter2'), race_alternate_delegate: idOf('alternate_delegate', 'Persona voter3') };
    const count = async () => (await ctx.db.selectFrom('election_ballots').select('seq').where('election_id', '=', electionId).execute()).length;
    expect((await p('member').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot })).status).toBe(403);
    expect((await p('suspended').post(`/es/elections/${electionId}/vote`, { org: orgs.s!, ...ballot })).status).toBe(403);
    expect((await p('outsider').post(`/es/elections/${electionId}/vote`, { org: orgs.x!, ...ballot })).status).toBe(403);
    expect((await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, race_secretary: 'zzzzzzzzzzzzzzzz' })).status).toBe(422);
    const form = await p('voter1').get(`/es/elections/${electionId}/vote`);
    expect(form.status).toBe(200);
    // Candidates with their organization and statement.
    const formHtml = await form.text();
    expect(formHtml).toContain('Persona voter1 (Org A)');
    expect(formHtml).toContain('Propongo trabajar juntas.');
    expect((await p('member').get(`/es/elections/${electionId}/vote`)).status).toBe(403);
    // A review before casting: the choices in words, confirm or change; nothing is written.
    const review = await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, step: 'review' });
    expect(review.status).toBe(200);
    expect(review.headers.get('cache-control')).toBe('no-store');
    const reviewHtml = await review.text();
    expect(reviewHtml).toContain('Revisa tu voto antes de emitirlo');
    expect(reviewHtml).toContain('Persona voter2</strong> (Org B)');
    expect(reviewHtml).toContain('name="step" value="confirm"');
    expect(reviewHtml).toContain(`name="race_secretary" value="${ballot.race_secretary}"`);
    expect((await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, race_secretary: 'zzzzzzzzzzzzzzzz', step: 'review' })).status).toBe(422);
    const change = await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, step: 'change' });
    expect(change.status).toBe(200);
    expect(await change.text()).toMatch(new RegExp(`value="${ballot.race_principal_delegate}" checked`));
    expect(await count()).toBe(0);
    const ok = await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, step: 'confirm' });
    // The receipt is in this response only: not in a redirect, a cookie or a cache.
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.getSetCookie().join(';')).not.toMatch(/flash/);
    const okHtml = await ok.text();
    const receipt = /data-receipt="true">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</.exec(okHtml)![1]!;
    const hash = /data-ballot-hash="true">([0-9a-f]{64})</.exec(okHtml)![1]!;
    // Print (a button the page's script reveals), a text file to save, a mail to oneself.
    expect(okHtml).toContain('data-print');
    expect(okHtml).toContain('<link rel="stylesheet" media="print" href="/es/elections/print.css"/>');
    const css = await anon.get('/es/elections/print.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.receipt-card');
    expect(okHtml).toContain(`download="receipt-${electionId}.txt"`);
    expect(okHtml).toContain(encodeURIComponent(receipt));
    expect(okHtml).toContain(`/es/elections/${electionId}/receipt/mail`);
    const again = await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, step: 'confirm' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('ya votó');
    expect(await count()).toBe(1);
    // The review refuses what casting would: a second vote, an organization one does not vote for.
    expect((await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.a!, ...ballot, step: 'review' })).status).toBe(422);
    const notMine = await p('voter1').post(`/es/elections/${electionId}/vote`, { org: orgs.b!, ...ballot, step: 'review' });
    expect(notMine.status).toBe(422);
    expect(await notMine.text()).not.toContain('Revisa tu voto antes de emitirlo');
    // Coming back: "your organization has voted", with the receipt lookup, instead of a refusal.
    const back = await p('voter1').get(`/es/elections/${electionId}/vote`);
    expect(back.status).toBe(200);
    const backHtml = await back.text();
    expect(backHtml).toContain('Tu organización ya votó');
    expect(backHtml).toContain('Org A');
    expect(backHtml).toContain(`/es/elections/${electionId}/receipt`);
    expect(await (await p('voter1').get(`/es/elections/${electionId}`)).text()).toContain('Tu organización ya votó');
    expect(await (await p('voter2').get(`/es/elections/${electionId}`)).text()).not.toContain('Tu organización ya votó');
    // Mailing oneself the receipt: only a ballot of this election (receipt and hash together), only one's own address.
    const mails = () => ctx.db.selectFrom('outbox').select(['to_address', 'text_body', 'secret']).where('kind', '=', 'elections.receipt').execute();
    expect((await p('voter1').post(`/es/elections/${electionId}/receipt/mail`, { receipt, hash: '0'.repeat(64) })).status).toBe(303);
    expect((await p('voter2').post(`/es/elections/${electionId}/receipt/mail`, { receipt, hash })).status).toBe(403);
    expect(await mails()).toHaveLength(0);
    const mailed = await p('voter1').post(`/es/elections/${electionId}/receipt/mail`, { receipt, hash });
    expect(mailed.status).toBe(200);
    expect(await mailed.text()).toContain('Te enviamos el recibo por correo.');
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to_address).toBe('voter1@el.test');
    expect(sent[0]!.text_body).toContain(receipt);
    expect(sent[0]!.text_body).toContain(hash);
    expect(sent[0]!.text_body).toContain('Código de recibo');
    expect(Number(sent[0]!.secret)).toBe(1);
    // No audit line and no log of who voted.
    const audits = await ctx.db.selectFrom('audit_log').select(['action', 'data']).where('subject_id', '=', electionId).execute();
    expect(audits.some((a) => a.data?.includes(orgs.a!))).toBe(false);
    (globalThis as any)[`receipt_${dialect}`] = receipt;
  });

  it('counts exactly one of 50 parallel votes for the same organization', async () => {
    const def = JSON.parse((await ctx.db.selectFrom('elections').select('definition').where('id', '=', electionId).executeTakeFirstOrThrow()).definition!);
    const sec = def.races.find((r: any) => r.id === 'secretary').candidates[0].id;
    const ballot = { org: orgs.b!, race_secretary: sec, race_principal_delegate: 'blank', race_alternate_delegate: 'blank', step: 'confirm' };
    await p('voter2').csrf();
    const results = await Promise.all(Array.from({ length: 50 }, () => p('voter2').post(`/es/elections/${electionId}/vote`, ballot)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422)).toHaveLength(49);
    const ballots = await ctx.db.selectFrom('election_ballots').select(['seq']).where('election_id', '=', electionId).orderBy('seq').execute();
    expect(ballots.map((b) => Number(b.seq))).toEqual([1, 2]);
    // During voting nobody sees how many ballots are in: polled, a live count would map casting time to ballot position.
    const page = await (await anon.get(`/es/elections/${electionId}`)).text();
    expect(page).toContain('Elección de prueba');
    expect(page).not.toContain('Votos emitidos');
    const api = (await (await anon.get(`/api/v1/elections/${electionId}`)).json()) as any;
    expect(api.data.status).toBe('voting');
    expect(api.data.ballotCount).toBeNull();
  });

  it('closes (secretary only), publishes a record that verifies, and finds receipts', async () => {
    expect((await p('voter1').post(`/es/elections/${electionId}/close`)).status).toBe(403);
    expect((await p('secretary').post(`/es/elections/${electionId}/close`)).status).toBe(303);
    if (dialect === 'postgres') {
      // The close rewrote the roll in one transaction: no row keeps the transaction id of its vote.
      const { rows } = await sql<{ n: string }>`select count(distinct xmin::text) as n from election_roll where election_id = ${electionId}`.execute(ctx.db);
      expect(Number(rows[0]!.n)).toBe(1);
    }
    const late = await p('voter3').post(`/es/elections/${electionId}/vote`, { org: orgs.c!, race_secretary: 'blank', race_principal_delegate: 'blank', race_alternate_delegate: 'blank' });
    expect(late.status).toBe(403);
    const res = await anon.get(`/es/elections/${electionId}/record.json`);
    expect(res.status).toBe(200);
    const record = (await res.json()) as ElectionRecord;
    expect(record.ballotCount).toBe(2);
    expect(record.election.censusSize).toBe(3);
    expect(record.voters).toBeNull(); // this election did not choose to publish who voted
    expect(record.ballots.map((b) => b.hash)).toEqual(record.ballots.map((b) => b.hash).sort()); // hash order, not casting order
    expect(verifyRecord(record).ok).toBe(true);
    // The record page: checked by the server (for pages without JavaScript), with the fingerprint and the programs.
    const check = await anon.get(`/pt/elections/${electionId}/check`);
    expect(check.status).toBe(200);
    const checkHtml = await check.text();
    expect(checkHtml).toContain('data-server-verdict="true"');
    expect(checkHtml).toContain('VALID: the chain is intact');
    expect(checkHtml).toContain(definitionFingerprint(record.election));
    expect(checkHtml).toContain('Válido: a cadeia está intacta');
    expect(checkHtml).toContain('src="/pt/elections/client.js"');
    expect(checkHtml).toContain('href="/pt/elections/verifier.mjs"');
    const closedPage = await (await anon.get(`/es/elections/${electionId}`)).text();
    expect(closedPage).toContain(`/es/elections/${electionId}/check`);
    expect(closedPage).toContain('Votaron 2 de 3 organizaciones'); // the turnout, once voting has closed
    const tampered = structuredClone(record);
    tampered.ballots[0]!.choices.secretary = null;
    expect(verifyRecord(tampered).ok).toBe(false);
    const removed = structuredClone(record);
    removed.ballots.pop();
    expect(verifyRecord(removed).ok).toBe(false);
    const receipt = (globalThis as any)[`receipt_${dialect}`] as string;
    const found = await anon.post(`/es/elections/${electionId}/receipt`, { code: receipt.toLowerCase() });
    expect(found.status).toBe(200);
    const foundHtml = await found.text();
    expect(foundHtml).toContain('Persona voter1');
    expect(foundHtml).toContain(`/es/elections/${electionId}/check`);
    expect((await anon.post(`/es/elections/${electionId}/receipt`, { code: 'AAAA-AAAA-AAAA-AAAA' })).status).toBe(404);
    expect((await anon.get(`/es/elections/${electionId}/receipt`)).status).toBe(200);
    const api = await anon.get(`/api/v1/elections/${electionId}`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as any).data.result.status).toBe('elected');
    expect((await anon.get(`/api/v1/elections/${electionId}/record`)).status).toBe(200);
  });

  it('certifies (secretary or admin), assigning positions with history', async () => {
    expect((await p('member').post(`/es/elections/${electionId}/certify`)).status).toBe(403);
    expect((await admin.post(`/es/elections/${electionId}/certify`)).status).toBe(303);
    const holdings = await ctx.db.selectFrom('body_positions').selectAll().where('body_id', '=', bodyId).execute();
    const current = holdings.filter((h) => !h.ended_at);
    expect(current.map((h) => h.position).sort()).toEqual(['alternate_delegate', 'principal_delegate', 'secretary']);
    expect(current.every((h) => h.election_id === electionId && h.starts_on === '2027-01-01')).toBe(true);
    expect(holdings.filter((h) => h.ended_at)).toHaveLength(1); // the appointed secretary moved to history
    const audit = (await ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', electionId).execute()).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['election.called', 'election.opened', 'election.closed', 'election.certified']));
    // The election's public record reads its steps as sentences with names, without the candidacies.
    const record = await (await anon.get(`/es/elections/${electionId}`)).text();
    expect(record).toContain('Se abrió la votación de Elección de prueba');
    expect(record).toMatch(/certificó el resultado de Elección de prueba/);
    expect(record).not.toContain('candidatura en Elección de prueba');
    expect(await (await anon.get(`/en/elections/${electionId}`)).text()).toContain('certified the result of');
    expect((await ctx.db.selectFrom('outbox').select('id').where('kind', '=', 'elections.certified').execute()).length).toBeGreaterThan(0);
    const page = await anon.get(`/es/bodies/${slug}`);
    expect(await page.text()).toContain('Persona voter2');
  });

  it('publishes the organizations that voted (not how) when the election says so, and the verifier counts them', async () => {
    const r = await admin.post('/es/elections/new', { ...form, positions: ['secretary'], quorum_pct: '10', publish_voters: 'on' });
    expect(r.status).toBe(303);
    const id = r.headers.get('location')!.split('/').pop()!;
    expect(await (await admin.get(`/es/elections/${id}/edit`)).text()).toMatch(/name="publish_voters"[^>]*checked/);
    await p('voter1').post(`/es/elections/${id}/nominate`, { position: 'secretary', who: 'self', org: orgs.a! });
    expect((await admin.post(`/es/elections/${id}/open`)).status).toBe(303);
    const def = JSON.parse((await ctx.db.selectFrom('elections').select('definition').where('id', '=', id).executeTakeFirstOrThrow()).definition!);
    const sec = def.races[0].candidates[0].id;
    expect((await p('voter3').post(`/es/elections/${id}/vote`, { org: orgs.c!, race_secretary: sec, step: 'confirm' })).status).toBe(200);
    expect((await p('voter1').post(`/es/elections/${id}/vote`, { org: orgs.a!, race_secretary: 'blank', step: 'confirm' })).status).toBe(200);
    expect((await admin.post(`/es/elections/${id}/close`)).status).toBe(303);
    const record = (await (await anon.get(`/es/elections/${id}/record.json`)).json()) as ElectionRecord;
    expect(record.voters).toEqual([orgs.a!, orgs.c!].sort());
    expect(verifyRecord(record)).toMatchObject({ ok: true, problems: [] });
    const short = structuredClone(record);
    short.voters = short.voters!.slice(1);
    expect(verifyRecord(short).problems).toEqual(['The voter list names 1 organizations but there are 2 ballots.']);
    // The API serves the same record.
    expect(((await (await anon.get(`/api/v1/elections/${id}/record`)).json()) as ElectionRecord).voters).toEqual(record.voters);
  });

  it('fails an election below quorum, and it can be called again', async () => {
    const r = await admin.post('/es/elections/new', { ...form, quorum_pct: '100' });
    const id = r.headers.get('location')!.split('/').pop()!;
    for (const [position, person, org] of [['secretary', 'voter1', 'a'], ['principal_delegate', 'voter2', 'b'], ['alternate_delegate', 'voter3', 'c']] as const) {
      await p(person).post(`/es/elections/${id}/nominate`, { position, who: 'self', org: orgs[org]! });
    }
    expect((await admin.post(`/es/elections/${id}/open`)).status).toBe(303);
    expect((await admin.post(`/es/elections/${id}/close`)).status).toBe(303);
    const e = await ctx.db.selectFrom('elections').select(['status', 'failed_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(e).toEqual({ status: 'failed', failed_reason: 'quorum' });
    expect((await admin.post(`/es/elections/${id}/certify`)).status).toBe(403);
    expect((await admin.get(`/es/elections/new?body=${slug}&from=${id}`)).status).toBe(200);
  });

  it('never moves the clock on a page load (GET requests do not write)', async () => {
    const r = await admin.post('/es/elections/new', { ...form, positions: ['secretary'], quorum_pct: '10' });
    const id = r.headers.get('location')!.split('/').pop()!;
    await p('voter1').post(`/es/elections/${id}/nominate`, { position: 'secretary', who: 'self', org: orgs.a! });
    await ctx.db.updateTable('elections').set({ voting_opens_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    for (const path of [`/es/elections/${id}`, '/es/elections', `/es/elections/${id}/receipt`]) expect((await anon.get(path)).status).toBe(200);
    expect((await p('voter1').get('/es/elections/mine')).status).toBe(200);
    expect((await ctx.db.selectFrom('elections').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('nomination');
  });
});
