/**
 * @module Elections: pages and form posts, one after another. GET: load (404) → the policy's named rule
 * (401/403) → render a view. POST: `action()` (sign-in → load → rule → zod input → command in one
 * transaction, announcements written in it → redirect with a flash). No request moves the election clock:
 * jobs.ts opens and closes elections on time.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { readForm } from '../../platform/http/forms.js';
import { authorize, requireUser } from '../../platform/authz/authz.js';
import { historyOf } from '../../platform/audit/audit.js';
import { readHistory } from '../../platform/audit/read.js';
import { ok, fail } from '../../platform/outcome.js';
import { emptyForm, type FormValues } from '../../platform/views/components.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated } from '../../platform/i18n/translated.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { getOrganizations, organizationsVotedByUser } from '../membership/index.js';
import { listBodies, positionsForKind } from '../bodies/index.js';
import { normalizeReceipt, serializeRecord, validateBallot, verifyRecord } from './core/index.js';
import { notify } from '../../platform/notify/notify.js';
import { formatReport } from './core/report.js';
import { bundled, printStylesheet, type BundleName } from './bundle.js';
import { getElection, listElections, listCandidates, electionRecord, isPublished, myElections, findBallotByReceipt, fingerprintOf, titleOf } from './queries.js';
import { electionsPolicy } from './policy.js';
import { callElection, editElection, openVoting, closeVoting, certify, scrubAfterClose, electionsTx } from './commands/lifecycle.js';
import { nominate, respond } from './commands/nominations.js';
import { castBallot } from './commands/vote.js';
import { ElectionForm, electionInput, NominateInput, RespondInput, BallotInput, ReceiptInput, ReceiptMailInput, statementOf } from './schemas.js';
import { securityDocHtml, guideHtml } from './security-doc.js';
import { paths } from './paths.js';
import { ElectionsListPage } from './views/list.js';
import { formValuesOf } from './views/form.js';
import { ElectionPage, HISTORY_STEPS } from './views/election.js';
import { MyElectionsPage } from './views/mine.js';
import { ReviewPage, VotedPage } from './views/vote.js';
import type { ReceiptLookup } from './views/receipt.js';
import { SecurityPage } from './views/security.js';
import { CheckPage } from './views/check.js';
import { loadElection, loadBody, loadCandidacy, eligibleOrgs, backToElection, renderElectionForm, renderNominate, renderCandidacy, renderBallot, renderReceipt, renderReceiptShown, candidateInfo, RECEIPT_MAIL_KIND } from './pages.js';
import { todayIso } from '../../db/ids.js';

export const electionsRoutes = new Hono<AppEnv>({ strict: false });

// ------------------------------------------------------------------------------------------------
// List, call, the security explanation, my elections
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(paths.list.pattern, async (c) => {
  const t = c.get('t');
  const { db, cache } = c.get('deps');
  // The same for every reader (as the page an anonymous visitor gets from the page cache): kept as fragments, emptied
  // with the cached pages by every write.
  const bodies = await cache.fragment('bodies.list', () => listBodies(db));
  const slug = c.req.query('body');
  const body = slug ? bodies.find((b) => b.slug === slug) : undefined;
  const all = await cache.fragment(`elections.list:${body?.id ?? ''}`, () => listElections(db, { bodyId: body?.id }));
  const open = all.filter((e) => e.status === 'nomination' || e.status === 'voting');
  const title = body ? t('elections.list.titleOf', { body: pickTranslated(body.shortName, c.get('locale'))?.text ?? '' }) : t('elections.list.title');
  if (!c.get('user')) c.set('cacheable', true);
  c.set('cacheParams', ['body']);
  return c.render(<ElectionsListPage title={title} body={body} open={open} past={all.filter((e) => !open.includes(e))} bodies={new Map(bodies.map((b) => [b.id, b]))} />, {
    title,
    description: t('elections.list.lead'),
  });
});

electionsRoutes.get(paths.call.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadBody(c, actor, c.req.query('body'));
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(actor, 'call', x.facts));
  const { db, i18n } = c.get('deps');
  const from = c.req.query('from');
  const prev = from && /^[0-9a-z]{16}$/.test(from) ? await getElection(db, from) : undefined;
  const again = prev && prev.bodyId === x.body.id ? prev : undefined;
  const values: FormValues = again
    ? { ...formValuesOf(again), nominations_close_on: '', voting_opens_on: '', voting_closes_on: '', nominations_close_time: '', voting_opens_time: '', voting_closes_time: '' }
    : { positions: positionsForKind(x.body.kind), quorum_pct: '50', term_start: todayIso() };
  if (!again) for (const l of LOCALES) values[`title_${l}`] = i18n.t(l)('elections.form.defaultTitle', { body: pickTranslated(x.body.shortName, l)?.text ?? '' });
  return renderElectionForm(c, x.body, emptyForm(values), undefined, again?.id);
});

electionsRoutes.post(
  paths.call.pattern,
  action({
    load: async (c, actor) => loadBody(c, actor, (await readForm(c)).body),
    allow: (actor, x) => electionsPolicy.can(actor, 'call', x.facts),
    input: ElectionForm,
    run: async (trx, { actor, subject, input, deps }) => {
      const r = electionInput(input, positionsForKind(subject.body.kind));
      if (!r.ok) return r;
      return callElection(electionsTx(trx, deps), actor.id, { ...r.input, bodyId: subject.body.id, previousId: input.previous ?? null });
    },
    form: (c, { subject, form }) => renderElectionForm(c, subject.body, form, undefined, typeof form.values.previous === 'string' ? form.values.previous : undefined),
    done: ({ locale, value }) => ({ to: paths.election.href(locale, { id: value.id }), flash: 'elections.call.done' }),
  }),
);

electionsRoutes.get(paths.security.pattern, async (c) => {
  if (!c.get('user')) c.set('cacheable', true);
  return c.render(<SecurityPage guide={await guideHtml(c.get('locale'))} technical={await securityDocHtml()} />, { title: c.get('t')('elections.security.title') });
});

electionsRoutes.get(paths.mine.pattern, async (c) => {
  const user = requireUser(c);
  const mine = await myElections(c.get('deps').db, user.id, organizationsVotedByUser);
  return c.render(<MyElectionsPage {...mine} />, { title: c.get('t')('elections.mine.title'), noindex: true });
});

// ------------------------------------------------------------------------------------------------
// One election, and its secretary's actions
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(paths.election.pattern, async (c) => {
  const user = c.get('user');
  const x = await loadElection(c, user);
  if (!x) return c.notFound();
  const { e, body } = x;
  const { db } = c.get('deps');
  const candidates = await listCandidates(db, e.id);
  const orgs = await getOrganizations(db, [...new Set(candidates.map((cd) => cd.orgId).filter((v): v is string => !!v))]);
  const can = (k: 'edit' | 'nominate' | 'open' | 'close' | 'certify' | 'recall' | 'vote' | 'voted') => electionsPolicy.can(user, k, x);
  const mine = user ? candidates.filter((cd) => electionsPolicy.can(user, 'respond', cd) && (cd.status === 'pending' || cd.status === 'accepted')) : [];
  if (!user) c.set('cacheable', true);
  return c.render(
    <ElectionPage
      e={e}
      body={body}
      can={{ edit: can('edit'), nominate: can('nominate'), open: can('open'), close: can('close'), certify: can('certify'), recall: can('recall'), vote: can('vote'), voted: can('voted') }}
      candidates={candidates}
      orgName={new Map(orgs.map((o) => [o.id, o.name]))}
      mine={mine}
      history={await readHistory(db, c.get('deps').modules, c.get('locale'), c.get('t'), { type: 'election', id: e.id }, (await historyOf(db, 'election', e.id)).filter((h) => HISTORY_STEPS.includes(h.action)))}
    />,
    { title: pickTranslated(e.title, c.get('locale'))?.text ?? e.id, crumbs: [[c.get('t')('elections.list.title'), paths.list.pattern]] },
  );
});

electionsRoutes.post(
  paths.open.pattern,
  action({
    load: loadElection,
    allow: (actor, x) => electionsPolicy.can(actor, 'open', x),
    run: (trx, { actor, subject, deps }) => openVoting(electionsTx(trx, deps), actor.id, subject.e.id),
    back: backToElection,
    done: (x) => ({ to: backToElection(x), flash: 'elections.actions.openDone' }),
  }),
);

electionsRoutes.post(
  paths.close.pattern,
  action({
    load: loadElection,
    allow: (actor, x) => electionsPolicy.can(actor, 'close', x),
    run: (trx, { actor, subject, deps }) => closeVoting(electionsTx(trx, deps), actor.id, subject.e.id),
    // The physical scrub of casting order cannot run inside a transaction (VACUUM FULL): right after the commit.
    after: ({ deps }) => scrubAfterClose(deps.db, deps.dialect),
    back: backToElection,
    done: (x) => ({ to: backToElection(x), flash: 'elections.actions.closeDone' }),
  }),
);

electionsRoutes.post(
  paths.certify.pattern,
  action({
    load: loadElection,
    allow: (actor, x) => electionsPolicy.can(actor, 'certify', x),
    run: (trx, { actor, subject, deps }) => certify(electionsTx(trx, deps), actor.id, subject.e.id),
    back: backToElection,
    done: (x) => ({ to: backToElection(x), flash: 'elections.actions.certifyDone' }),
  }),
);

electionsRoutes.get(paths.edit.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadElection(c, actor);
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(actor, 'edit', x));
  return renderElectionForm(c, x.body, emptyForm(formValuesOf(x.e)), x.e);
});

electionsRoutes.post(
  paths.edit.pattern,
  action({
    load: loadElection,
    // Whoever runs the body's elections may send the form; once voting has opened the command refuses
    // (conditional update) and the form says so.
    allow: (actor, x) => electionsPolicy.can(actor, 'manage', x),
    input: ElectionForm,
    run: async (trx, { actor, subject, input }) => {
      const r = electionInput(input, positionsForKind(subject.body.kind));
      if (!r.ok) return r;
      return editElection(trx, actor.id, { ...r.input, electionId: subject.e.id });
    },
    form: (c, { subject, form }) => renderElectionForm(c, subject.body, form, subject.e),
    done: (x) => ({ to: backToElection(x), flash: 'elections.edit.done' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// Nominations
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(paths.nominate.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadElection(c, actor);
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(actor, 'nominate', x));
  return renderNominate(c, x, emptyForm({ who: eligibleOrgs(x.f.body).length ? 'self' : 'other', statement_lang: c.get('locale') }));
});

electionsRoutes.post(
  paths.nominate.pattern,
  action({
    load: loadElection,
    allow: (actor, x) => electionsPolicy.can(actor, 'nominate', x),
    input: NominateInput,
    run: async (trx, { actor, subject, input, deps }) => {
      if (!subject.e.positions.includes(input.position)) return fail('form.error.choice', { field: 'position' });
      if (input.who === 'other') {
        const u = input.email ? await findUserByEmail(trx, input.email) : undefined;
        if (!u) return fail('elections.errors.noSuchPerson', { field: 'email' });
        return nominate(electionsTx(trx, deps), actor, { electionId: subject.e.id, position: input.position, nominee: { id: u.id, name: u.name, email: u.email, locale: u.locale ?? null } });
      }
      if (!input.org || !eligibleOrgs(subject.f.body).some((o) => o.id === input.org)) return fail('elections.errors.notEligible', { field: 'org' });
      const self = { id: actor.id, name: actor.name, email: actor.email, locale: actor.locale };
      return nominate(electionsTx(trx, deps), actor, { electionId: subject.e.id, position: input.position, nominee: self, orgId: input.org, statement: statementOf(input) });
    },
    form: (c, { subject, form }) => renderNominate(c, subject, form),
    done: (x) => ({ to: backToElection(x), flash: x.value.self ? 'elections.nominate.doneSelf' : 'elections.nominate.doneOther' }),
  }),
);

electionsRoutes.get(paths.candidacy.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadCandidacy(c, actor);
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(actor, 'respond', x.cand));
  const statement = parseTranslated(x.cand.statement);
  const lang = (Object.keys(statement)[0] as Locale | undefined) ?? c.get('locale');
  return renderCandidacy(c, x, emptyForm({ statement: statement[lang] ?? '', statement_lang: lang, org: x.cand.orgId ?? undefined }));
});

electionsRoutes.post(
  paths.candidacy.pattern,
  action({
    load: loadCandidacy,
    allow: (actor, x) => electionsPolicy.can(actor, 'respond', x.cand),
    input: RespondInput,
    run: (trx, { actor, subject, input }) => respond(trx, actor, { candidateId: subject.cand.id, accept: input.answer === 'accept', orgId: input.org, statement: statementOf(input) }),
    form: (c, { subject, form }) => renderCandidacy(c, subject, form),
    done: (x) => ({ to: backToElection(x), flash: x.input.answer === 'accept' ? 'elections.candidate.accepted' : 'elections.candidate.declined' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// Voting
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(paths.vote.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadElection(c, actor);
  if (!x) return c.notFound();
  if (!electionsPolicy.can(actor, 'vote', x) && electionsPolicy.can(actor, 'voted', x)) {
    const orgs = await getOrganizations(c.get('deps').db, x.f.voterOrgs.map((o) => o.orgId));
    return c.render(<VotedPage e={x.e} orgs={orgs.map((o) => o.name)} />, { title: c.get('t')('elections.vote.votedTitle'), noindex: true });
  }
  authorize(c, electionsPolicy.can(actor, 'vote', x));
  return renderBallot(c, x, emptyForm());
});

/**
 * The ballot, in three steps posted to the same address: the ballot form (step "review") answers with the
 * choices in words to confirm or change (nothing is written); "change" brings the form back as filled in;
 * "confirm" casts. Each step checks the ballot and the voter the same way.
 */
electionsRoutes.post(
  paths.vote.pattern,
  action({
    load: loadElection,
    allow: (actor, x) => electionsPolicy.can(actor, 'cast', x),
    input: BallotInput,
    run: async (trx, { actor, subject, input, values }) => {
      if (input.step === 'change') return ok({ step: 'change' as const, receipt: '', hash: '', choices: {} });
      const def = subject.e.definition;
      const choices: Record<string, string | null> = {};
      for (const race of def?.races ?? []) {
        const v = values[`race_${race.id}`];
        if (typeof v !== 'string' || !v) return fail('elections.vote.chooseOrBlank', { field: `race_${race.id}` });
        choices[race.id] = v === 'blank' ? null : v;
      }
      if (input.step === 'confirm') {
        const r = await castBallot(trx, actor, { electionId: subject.e.id, orgId: input.org ?? '', choices });
        return r.ok ? ok({ step: 'cast' as const, receipt: r.receipt, hash: r.hash, choices }) : r;
      }
      // Review: refuse now what casting would refuse, so the voter confirms a ballot that can be cast.
      if (!def) return fail('elections.vote.refused.notOpen');
      const check = validateBallot(def, { choices });
      if (!check.ok) return fail('elections.vote.refused.badBallot', { field: check.raceId ? `race_${check.raceId}` : undefined });
      const entry = subject.f.voterOrgs.find((o) => o.orgId === input.org);
      if (!entry) return fail('elections.vote.refused.notVoter', { field: 'org' });
      if (entry.voted) return fail('elections.vote.refused.alreadyVoted', { field: 'org' });
      return ok({ step: 'review' as const, receipt: '', hash: '', choices });
    },
    form: (c, { subject, form }) => renderBallot(c, subject, form),
    // The receipt is shown once, in this response, and never stored, logged or put in a URL or a cookie
    // (docs/elections-security.md); the voter may save, print or mail it to themself from there. A reload
    // re-posts the form and is refused as a second vote.
    done: async ({ c, subject, value, values, input }) => {
      c.header('Cache-Control', 'no-store');
      if (value.step === 'change') return renderBallot(c, subject, { values, errors: {} });
      if (value.step === 'review') {
        const org = (await getOrganizations(c.get('deps').db, [input.org ?? '']))[0];
        return c.render(<ReviewPage e={subject.e} org={{ id: input.org ?? '', name: org?.name ?? '' }} choices={value.choices} info={await candidateInfo(c, subject.e)} />, {
          title: c.get('t')('elections.vote.reviewTitle'),
          noindex: true,
        });
      }
      return renderReceiptShown(c, subject.e, value.receipt, value.hash, false);
    },
  }),
);

/** Mails the voter the receipt just shown to them, at their request (a secret message: scrubbed once delivered). */
electionsRoutes.post(
  paths.receiptMail.pattern,
  action({
    load: loadElection,
    allow: (actor, x) => electionsPolicy.can(actor, 'mailReceipt', x),
    input: ReceiptMailInput,
    run: async (trx, { actor, subject, input, deps }) => {
      const code = normalizeReceipt(input.receipt);
      // Only a ballot of this election, receipt and hash together: nobody can have arbitrary text mailed.
      const ballot = code ? await findBallotByReceipt(trx, subject.e.id, code) : undefined;
      if (!ballot || ballot.hash !== input.hash) return fail('elections.vote.mailRefused');
      const e = subject.e;
      await notify({ db: trx, i18n: deps.i18n }, [{ userId: actor.id, email: actor.email, locale: actor.locale }], RECEIPT_MAIL_KIND, {
        subject: 'elections.mail.receipt.subject',
        body: 'elections.mail.receipt.body',
        secret: true,
        params: (l) => ({ title: titleOf(e, l), url: paths.receipt.url(deps.config.baseUrl, l, { id: e.id }), receipt: ballot.receipt, hash: ballot.hash, fingerprint: fingerprintOf(e) ?? '' }),
      });
      return ok({ receipt: ballot.receipt, hash: ballot.hash });
    },
    back: backToElection,
    done: ({ c, subject, value }) => {
      c.header('Cache-Control', 'no-store');
      return renderReceiptShown(c, subject.e, value.receipt, value.hash, true);
    },
  }),
);

// ------------------------------------------------------------------------------------------------
// The public record and receipts
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(paths.record.pattern, async (c) => {
  const x = await loadElection(c, c.get('user'));
  const record = x && (await electionRecord(c.get('deps').db, x.e));
  if (!x || !record) return c.notFound();
  if (!c.get('user')) c.set('cacheable', true);
  return c.body(serializeRecord(record), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="election-${x.e.id}.json"` });
});

electionsRoutes.get(paths.receipt.pattern, async (c) => {
  const x = await loadElection(c, c.get('user'));
  if (!x) return c.notFound();
  return renderReceipt(c, x.e, { raw: '', code: null });
});

/** Receipt lookup: the code travels in a POST body, never in a URL (where logs and history would keep it). */
electionsRoutes.post(
  paths.receipt.pattern,
  action({
    public: true,
    load: loadElection,
    // Anyone may look up a receipt: the published ballots are public (before the close, the page says so).
    allow: () => true,
    input: ReceiptInput,
    run: async (trx, { subject, input }) => {
      const raw = input.code ?? '';
      const code = raw ? normalizeReceipt(raw) : null;
      const found = code && isPublished(subject.e) ? await findBallotByReceipt(trx, subject.e.id, code) : undefined;
      return ok({ lookup: { raw, code, found } as ReceiptLookup });
    },
    done: ({ c, subject, value }) => renderReceipt(c, subject.e, value.lookup),
  }),
);

/** The record page: checked by the server here, and again in the browser by the page's script. */
electionsRoutes.get(paths.check.pattern, async (c) => {
  const x = await loadElection(c, c.get('user'));
  if (!x) return c.notFound();
  const record = await electionRecord(c.get('deps').db, x.e);
  let server: { ok: boolean; report: string } | null = null;
  if (record) {
    // Through the published JSON text, exactly as a visitor's copy would be read.
    const published = JSON.parse(serializeRecord(record)) as unknown;
    const report = verifyRecord(published);
    server = { ok: report.ok, report: formatReport(published, report, `election-${x.e.id}.json`) };
  }
  if (!c.get('user')) c.set('cacheable', true);
  const title = c.get('t')('elections.check.title');
  return c.render(<CheckPage e={x.e} fingerprint={fingerprintOf(x.e)} server={server} />, {
    title,
    crumbs: [
      [c.get('t')('elections.list.title'), paths.list.href(c.get('locale'))],
      [pickTranslated(x.e.title, c.get('locale'))?.text ?? x.e.id, paths.election.href(c.get('locale'), { id: x.e.id })],
    ],
  });
});

// ------------------------------------------------------------------------------------------------
// The programs: the standalone verifier to download, and the pages' script (bundle.ts)
// ------------------------------------------------------------------------------------------------

async function serveBundle(c: Context<AppEnv>, name: BundleName | 'print') {
  const { code, etag } = name === 'print' ? await printStylesheet() : await bundled(name);
  const type = name === 'print' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600', ETag: etag };
  if (name === 'verifier') headers['Content-Disposition'] = 'attachment; filename="verifier.mjs"';
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(code, 200, headers);
}

electionsRoutes.get(paths.verifier.pattern, (c) => serveBundle(c, 'verifier'));
electionsRoutes.get(paths.client.pattern, (c) => serveBundle(c, 'client'));
electionsRoutes.get(paths.printCss.pattern, (c) => serveBundle(c, 'print'));
