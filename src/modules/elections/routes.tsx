/**
 * @module Elections: pages. Handlers: validate → load (applying the clock lazily) → authorize (policy.ts)
 * → command in a transaction → announce by email → redirect with a message.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, Table, EmptyState, Notice, TText, emptyForm, type FormState, type FormValues } from '../../platform/views/components.js';
import { readForm, validate } from '../../platform/http/forms.js';
import { redirectWith } from '../../platform/http/flash.js';
import { authorize, requireUser } from '../../platform/authz/authz.js';
import { historyOf } from '../../platform/audit/audit.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated, translatedFromForm, type Translated } from '../../platform/i18n/translated.js';
import { getOrganizations, organizationsVotedByUser } from '../membership/index.js';
import { getBodyBySlug, getBodyById, listBodies, bodyFacts, positionsForKind, type BodyRow, type BodyFacts } from '../bodies/index.js';
import { normalizeReceipt, serializeRecord, POSITIONS, type Position } from './core/index.js';
import { getElection, listElections, listCandidates, electionRecord, rollEntriesFor, isPublished, pendingNominationsOf, type Election } from './queries.js';
import { electionsPolicy, type ElectionFacts } from './policy.js';
import { callElection, editElection, openVoting, closeVoting, certify, applyClock, electionsDue, scrubAfterClose, CertifyRefused, type ElectionEvent, type ElectionInput } from './commands/lifecycle.js';
import { nominate, respond, nominationsOpen } from './commands/nominations.js';
import { castBallot } from './commands/vote.js';
import { announce } from './notify.js';
import { securityDocHtml } from './security-doc.js';
import { findUserByEmail } from '../../platform/auth/users.js';

export const electionsRoutes = new Hono<AppEnv>({ strict: false });

const EID = '/elections/:id{[0-9a-z]{16}}';
const ID = /^[0-9a-z]{16}$/;

// ------------------------------------------------------------------------------------------------
// Loading, with the clock applied
// ------------------------------------------------------------------------------------------------

/** Applies due transitions (each in its own transaction) and announces them. */
async function tick(c: Context<AppEnv>, ids?: string[]) {
  const deps = c.get('deps');
  const due = ids ?? (await electionsDue(deps.db));
  for (const id of due) {
    const events = await deps.db.transaction().execute((trx) => applyClock(trx, id));
    if (events.length) {
      deps.cache.clear();
      if (events.some((e) => e.kind === 'closed' || e.kind === 'failed')) await scrubAfterClose(deps.db, deps.dialect);
      await announce(deps, events);
    }
  }
}

/** A link to an election's page (or one of its sub-pages, e.g. path '/vote'), under its title in the reader's language. */
function ElectionLink(props: { e: Pick<Election, 'id' | 'title'>; locale: Locale; path?: string }) {
  return (
    <a href={`/${props.locale}/elections/${props.e.id}${props.path ?? ''}`}>
      <TText value={props.e.title} />
    </a>
  );
}

async function loadElection(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const id = c.req.param('id') ?? '';
  await tick(c, [id]);
  const e = await getElection(db, id);
  if (!e) return null;
  const body = (await getBodyById(db, e.bodyId))!;
  const user = c.get('user');
  const f = await electionFacts(c, e, user);
  return { e, body, f, user };
}

async function electionFacts(c: Context<AppEnv>, e: Election, user: CurrentUser | null): Promise<ElectionFacts> {
  const { db } = c.get('deps');
  if (!user) return { body: await bodyFacts(db, null, e.bodyId), voterOrgs: [] };
  const body = await bodyFacts(db, user.id, e.bodyId);
  const voterOrgs = e.status === 'voting' ? await rollEntriesFor(db, e.id, await organizationsVotedByUser(db, user.id)) : [];
  return { body, voterOrgs };
}

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

// ------------------------------------------------------------------------------------------------
// The election form (call and edit)
// ------------------------------------------------------------------------------------------------

const optDate = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());

const ElectionForm = z
  .object({
    positions: z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(POSITIONS as [Position, ...Position[]])).min(1)),
    quorum_pct: z.coerce.number().int().min(1).max(100),
    nominations_close_on: optDate,
    voting_opens_on: optDate,
    voting_closes_on: optDate,
    term_start: z.iso.date(),
    term_end: optDate,
  })
  .refine((v) => !v.voting_opens_on || !v.nominations_close_on || v.nominations_close_on < v.voting_opens_on, { message: 'elections.errors.nominationsAfterOpen', path: ['nominations_close_on'] })
  .refine((v) => !v.voting_closes_on || !v.voting_opens_on || v.voting_opens_on <= v.voting_closes_on, { message: 'elections.errors.closeBeforeOpen', path: ['voting_closes_on'] })
  .refine((v) => !v.term_end || v.term_start < v.term_end, { message: 'elections.errors.termOrder', path: ['term_end'] });

function parseElectionForm(c: Context<AppEnv>, values: FormValues, body: BodyRow): { ok: true; data: ElectionInput } | { ok: false; errors: Record<string, string> } {
  const t = c.get('t');
  const v = validate(ElectionForm, values, t);
  const title = translatedFromForm(values, 'title');
  const errors = v.ok ? {} : { ...v.errors };
  if (!Object.keys(title).length) errors.title_es = t('elections.errors.titleRequired');
  for (const l of LOCALES) if ((title[l]?.length ?? 0) > 200) errors[`title_${l}`] = t('form.error.tooLong', { max: 200 });
  const allowed = positionsForKind(body.kind);
  if (v.ok && v.data.positions.some((p) => !allowed.includes(p))) errors.positions = t('form.error.choice');
  if (!v.ok || Object.keys(errors).length) return { ok: false, errors };
  const d = v.data;
  return {
    ok: true,
    data: {
      title,
      positions: allowed.filter((p) => d.positions.includes(p)),
      quorumPct: d.quorum_pct,
      nominationsCloseAt: d.nominations_close_on ? `${d.nominations_close_on}T23:59:59.999Z` : null,
      votingOpensAt: d.voting_opens_on ? `${d.voting_opens_on}T00:00:00.000Z` : null,
      votingClosesAt: d.voting_closes_on ? `${d.voting_closes_on}T23:59:59.999Z` : null,
      termStart: d.term_start,
      termEnd: d.term_end ?? null,
    },
  };
}

function ElectionFields(props: { form: FormState; body: BodyRow; t: (k: string, o?: Record<string, unknown>) => string }) {
  const { form, body, t } = props;
  return (
    <>
      <fieldset>
        <legend>{t('elections.form.title')}</legend>
        <p class="hint">{t('elections.form.titleHint')}</p>
        {LOCALES.map((l) => (
          <TextField name={`title_${l}`} label={t('elections.form.titleIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={200} />
        ))}
      </fieldset>
      <ChoiceField name="positions" legend={t('elections.form.positions')} hint={t('elections.form.positionsHint')} form={form} multiple options={positionsForKind(body.kind).map((p) => ({ value: p, label: t(`bodies.positions.names.${p}`) }))} />
      <TextField name="quorum_pct" type="number" inputmode="numeric" label={t('elections.form.quorum')} hint={t('elections.form.quorumHint')} form={form} />
      <TextField name="nominations_close_on" type="date" label={t('elections.form.nominationsClose')} hint={t('elections.form.windowHint')} form={form} />
      <TextField name="voting_opens_on" type="date" label={t('elections.form.votingOpens')} hint={t('elections.form.windowHint')} form={form} />
      <TextField name="voting_closes_on" type="date" label={t('elections.form.votingCloses')} hint={t('elections.form.windowHint')} form={form} />
      <TextField name="term_start" type="date" label={t('elections.form.termStart')} form={form} />
      <TextField name="term_end" type="date" label={t('elections.form.termEnd')} hint={t('elections.form.termEndHint')} form={form} />
    </>
  );
}

function renderElectionForm(c: Context<AppEnv>, body: BodyRow, form: FormState, opts: { action: string; title: string; previousId?: string }, status: 200 | 422 = 200) {
  const t = c.get('t');
  c.status(status);
  return c.render(
    <>
      <h1>{opts.title}</h1>
      <p>
        <a href={`/${c.get('locale')}/bodies/${body.slug}`}>
          <TText value={body.name} />
        </a>
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={opts.action}>
        <input type="hidden" name="body" value={body.slug} />
        {opts.previousId ? <input type="hidden" name="previous" value={opts.previousId} /> : null}
        <ElectionFields form={form} body={body} t={t} />
        <Button>{t('elections.form.submit')}</Button>
      </Form>
    </>,
    { title: opts.title, noindex: true },
  );
}

function formValuesOf(e: Election): FormValues {
  const title = parseTranslated(e.title);
  const v: FormValues = {
    positions: e.positions,
    quorum_pct: String(e.quorumPct),
    nominations_close_on: dateOnly(e.nominationsCloseAt),
    voting_opens_on: dateOnly(e.votingOpensAt),
    voting_closes_on: dateOnly(e.votingClosesAt),
    term_start: e.termStart,
    term_end: e.termEnd ?? '',
  };
  for (const l of LOCALES) v[`title_${l}`] = title[l] ?? '';
  return v;
}

// ------------------------------------------------------------------------------------------------
// List, call
// ------------------------------------------------------------------------------------------------

electionsRoutes.get('/elections', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  await tick(c);
  const bodies = await listBodies(db);
  const slug = c.req.query('body');
  const body = slug ? bodies.find((b) => b.slug === slug) : undefined;
  const all = await listElections(db, { bodyId: body?.id });
  const open = all.filter((e) => e.status === 'nomination' || e.status === 'voting');
  const past = all.filter((e) => !open.includes(e));
  const bodyName = new Map(bodies.map((b) => [b.id, b]));
  const rows = (list: Election[]) =>
    list.map((e) => [
      <ElectionLink e={e} locale={l} />,
      <TText value={bodyName.get(e.bodyId)?.shortName} />,
      e.positions.map((p) => t(`bodies.positions.names.${p}`)).join(', '),
      t(`elections.status.${e.status}`),
      dateOnly(e.votingClosesAt ?? e.closedAt) || '—',
    ]);
  const head = [t('elections.list.election'), t('elections.list.body'), t('elections.list.positions'), t('elections.list.status'), t('elections.list.closes')];
  if (!c.get('user')) c.set('cacheable', true);
  const title = body ? t('elections.list.titleOf', { body: pickTranslated(body.shortName, l)?.text ?? '' }) : t('elections.list.title');
  return c.render(
    <>
      <h1>{title}</h1>
      <p class="lead">{t('elections.list.lead')}</p>
      <p>
        <a href={`/${l}/elections/how-it-works`}>{t('elections.security.link')}</a>
        {body ? (
          <>
            {' · '}
            <a href={`/${l}/elections`}>{t('elections.list.all')}</a>
          </>
        ) : null}
      </p>
      <h2>{t('elections.list.open')}</h2>
      {open.length ? <Table caption={t('elections.list.open')} captionHidden head={head} rows={rows(open)} /> : <EmptyState>{t('elections.list.noOpen')}</EmptyState>}
      <h2>{t('elections.list.past')}</h2>
      {past.length ? <Table caption={t('elections.list.past')} captionHidden head={head} rows={rows(past)} /> : <EmptyState>{t('elections.list.noPast')}</EmptyState>}
    </>,
    { title, description: t('elections.list.lead') },
  );
});

async function loadBodyForCall(c: Context<AppEnv>, slug: string | undefined) {
  const user = requireUser(c);
  const body = slug ? await getBodyBySlug(c.get('deps').db, slug) : undefined;
  if (!body) return null;
  const facts = await bodyFacts(c.get('deps').db, user.id, body.id);
  authorize(c, electionsPolicy.can(user, 'call', facts));
  return { user, body, facts };
}

electionsRoutes.get('/elections/new', async (c) => {
  const x = await loadBodyForCall(c, c.req.query('body'));
  if (!x) return c.notFound();
  const t = c.get('t');
  const from = c.req.query('from');
  const prev = from && ID.test(from) ? await getElection(c.get('deps').db, from) : undefined;
  const values: FormValues = prev && prev.bodyId === x.body.id ? formValuesOf(prev) : { positions: positionsForKind(x.body.kind), quorum_pct: '50', term_start: new Date().toISOString().slice(0, 10) };
  if (!prev) for (const l of LOCALES) values[`title_${l}`] = c.get('deps').i18n.t(l)('elections.form.defaultTitle', { body: pickTranslated(x.body.shortName, l)?.text ?? '' });
  if (prev) for (const k of ['nominations_close_on', 'voting_opens_on', 'voting_closes_on']) values[k] = '';
  return renderElectionForm(c, x.body, emptyForm(values), { action: `/${c.get('locale')}/elections/new`, title: t('elections.call.title'), previousId: prev?.bodyId === x.body.id ? prev.id : undefined });
});

electionsRoutes.post('/elections/new', async (c) => {
  const values = await readForm(c);
  const x = await loadBodyForCall(c, typeof values.body === 'string' ? values.body : undefined);
  if (!x) return c.notFound();
  const t = c.get('t');
  const parsed = parseElectionForm(c, values, x.body);
  const previous = typeof values.previous === 'string' && ID.test(values.previous) ? values.previous : undefined;
  if (!parsed.ok) return renderElectionForm(c, x.body, { values, errors: parsed.errors }, { action: `/${c.get('locale')}/elections/new`, title: t('elections.call.title'), previousId: previous }, 422);
  const deps = c.get('deps');
  const r = await deps.db.transaction().execute((trx) => callElection(trx, x.user.id, { ...parsed.data, bodyId: x.body.id, previousId: previous ?? null }));
  if (!r.ok) return c.notFound();
  await announce(deps, r.events);
  return redirectWith(c, `/${c.get('locale')}/elections/${r.id}`, { type: 'success', key: 'elections.call.done' });
});

// ------------------------------------------------------------------------------------------------
// The security explanation (docs/elections-security.md)
// ------------------------------------------------------------------------------------------------

electionsRoutes.get('/elections/how-it-works', async (c) => {
  const t = c.get('t');
  const html = await securityDocHtml();
  if (!c.get('user')) c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('elections.security.title')}</h1>
      <p class="lead">{t('elections.security.lead')}</p>
      {html ? (
        <div lang="en" class="prose" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <EmptyState>{t('elections.security.missing')}</EmptyState>
      )}
    </>,
    { title: t('elections.security.title') },
  );
});

// ------------------------------------------------------------------------------------------------
// My elections (account)
// ------------------------------------------------------------------------------------------------

electionsRoutes.get('/elections/mine', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  await tick(c);
  const pending = await pendingNominationsOf(db, user.id);
  const myVoterOrgs = await organizationsVotedByUser(db, user.id);
  const voting = await listElections(db, { statuses: ['voting'] });
  const canVote: Election[] = [];
  for (const e of voting) if ((await rollEntriesFor(db, e.id, myVoterOrgs)).some((r) => !r.voted)) canVote.push(e);
  return c.render(
    <>
      <h1>{t('elections.mine.title')}</h1>
      <h2>{t('elections.mine.vote')}</h2>
      {canVote.length ? (
        <ul>
          {canVote.map((e) => (
            <li>
              <ElectionLink e={e} locale={l} path="/vote" />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('elections.mine.noVote')}</EmptyState>
      )}
      <h2>{t('elections.mine.nominations')}</h2>
      {pending.length ? (
        <ul>
          {pending.map((p) => (
            <li>
              <a href={`/${l}/elections/${p.election_id}/candidates/${p.id}`}>
                {t(`bodies.positions.names.${p.position}`)}: <TText value={p.title} />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('elections.mine.noNominations')}</EmptyState>
      )}
    </>,
    { title: t('elections.mine.title'), noindex: true },
  );
});

// ------------------------------------------------------------------------------------------------
// One election
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(EID, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const { e, body, f, user } = x;
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const candidates = await listCandidates(db, e.id);
  const orgs = await getOrganizations(db, [...new Set(candidates.map((cd) => cd.orgId).filter((v): v is string => !!v))]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const trail = await historyOf(db, 'election', e.id);
  const steps = trail.filter((a) => ['election.called', 'election.opened', 'election.closed', 'election.failed', 'election.certified', 'election.edited'].includes(a.action));
  const can = (k: 'edit' | 'nominate' | 'open' | 'close' | 'certify' | 'recall' | 'vote') => electionsPolicy.can(user, k, { e, f });
  const mine = user ? candidates.filter((cd) => cd.userId === user.id && (cd.status === 'pending' || cd.status === 'accepted')) : [];
  const title = pickTranslated(e.title, l)?.text ?? e.id;
  const result = e.result;
  const candName = (id: string) => candidates.find((cd) => cd.id === id)?.name ?? id;
  if (!user) c.set('cacheable', true);
  return c.render(
    <>
      <h1>
        <TText value={e.title} />
      </h1>
      <p class="muted">
        <a href={`/${l}/bodies/${body.slug}`}>
          <TText value={body.name} />
        </a>
        {' · '}
        <strong>{t(`elections.status.${e.status}`)}</strong>
      </p>
      <p>{t(`elections.statusHelp.${e.status}`)}</p>
      {e.failedReason ? <Notice type="warning">{t(`elections.failed.${e.failedReason}`)}</Notice> : null}
      <div class="actions">
        {can('vote') ? (
          <a class="button" href={`/${l}/elections/${e.id}/vote`}>
            {t('elections.vote.link')}
          </a>
        ) : null}
        {can('nominate') ? (
          <a class="button secondary" href={`/${l}/elections/${e.id}/nominate`}>
            {t('elections.nominate.link')}
          </a>
        ) : null}
        {can('edit') ? (
          <a class="button secondary" href={`/${l}/elections/${e.id}/edit`}>
            {t('elections.edit.link')}
          </a>
        ) : null}
        {can('recall') ? (
          <a class="button" href={`/${l}/elections/new?body=${body.slug}&from=${e.id}`}>
            {t('elections.recall')}
          </a>
        ) : null}
      </div>
      {can('open') ? (
        <Form action={`/${l}/elections/${e.id}/open`}>
          <Button>{t('elections.actions.open')}</Button>
        </Form>
      ) : null}
      {can('close') ? (
        <Form action={`/${l}/elections/${e.id}/close`}>
          <Button variant="danger">{t('elections.actions.close')}</Button>
        </Form>
      ) : null}
      {can('certify') ? (
        <Form action={`/${l}/elections/${e.id}/certify`}>
          <Button>{t('elections.actions.certify')}</Button>
        </Form>
      ) : null}
      {mine.length ? (
        <Notice>
          {mine.map((cd) => (
            <p>
              <a href={`/${l}/elections/${e.id}/candidates/${cd.id}`}>{t(cd.status === 'pending' ? 'elections.candidate.answer' : 'elections.candidate.manage', { position: t(`bodies.positions.names.${cd.position}`) })}</a>
            </p>
          ))}
        </Notice>
      ) : null}

      <h2>{t('elections.page.calendar')}</h2>
      <dl class="facts">
        <dt>{t('elections.form.positions')}</dt>
        <dd>{e.positions.map((p) => t(`bodies.positions.names.${p}`)).join(', ')}</dd>
        <dt>{t('elections.page.method')}</dt>
        <dd>{t('elections.page.methodText')}</dd>
        <dt>{t('elections.form.quorum')}</dt>
        <dd>{t('elections.page.quorumText', { pct: e.quorumPct })}</dd>
        <dt>{t('elections.form.nominationsClose')}</dt>
        <dd>{e.nominationsCloseAt ? fmt.date(e.nominationsCloseAt) : t('elections.page.byDecision')}</dd>
        <dt>{t('elections.form.votingOpens')}</dt>
        <dd>{e.openedAt ? fmt.date(e.openedAt) : e.votingOpensAt ? fmt.date(e.votingOpensAt) : t('elections.page.byDecision')}</dd>
        <dt>{t('elections.form.votingCloses')}</dt>
        <dd>{e.closedAt ? fmt.date(e.closedAt) : e.votingClosesAt ? fmt.date(e.votingClosesAt) : t('elections.page.byDecision')}</dd>
        <dt>{t('elections.page.term')}</dt>
        <dd>{e.termEnd ? t('bodies.positions.term', { from: e.termStart, to: e.termEnd }) : t('bodies.positions.since', { from: e.termStart })}</dd>
        {e.censusSize !== null ? (
          <>
            <dt>{t('elections.page.census')}</dt>
            <dd>{t('elections.page.censusText', { count: e.censusSize })}</dd>
            <dt>{t('elections.page.ballots')}</dt>
            <dd>{e.ballotCount}</dd>
          </>
        ) : null}
      </dl>
      <p class="small">{t('elections.page.tieRule')}</p>

      <h2>{t('elections.page.candidates')}</h2>
      {e.positions.map((p) => {
        const list = candidates.filter((cd) => cd.position === p && cd.status === 'accepted');
        const waiting = candidates.filter((cd) => cd.position === p && cd.status === 'pending').length;
        return (
          <div>
            <h3 id={`pos-${p}`}>{t(`bodies.positions.names.${p}`)}</h3>
            {list.length ? (
              <ul class="candidates">
                {list.map((cd) => (
                  <li>
                    <strong>{cd.name}</strong>
                    {cd.orgId ? ` · ${orgName.get(cd.orgId) ?? ''}` : ''}
                    {cd.statement ? <TText value={cd.statement} as="div" /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t('elections.page.noCandidates')}</EmptyState>
            )}
            {waiting && e.status === 'nomination' ? <p class="small muted">{t('elections.page.waiting', { count: waiting })}</p> : null}
          </div>
        );
      })}

      {result && e.definition ? (
        <>
          <h2>{t('elections.page.result')}</h2>
          <p>
            {t('elections.page.turnout', { ballots: result.ballotsCast, census: result.censusSize, pct: Math.round(result.turnout * 1000) / 10 })}{' '}
            {result.quorumMet ? t('elections.page.quorumMet', { needed: result.quorumVotes }) : t('elections.page.quorumNotMet', { needed: result.quorumVotes })}
          </p>
          {result.races.map((race) => (
            <div>
              <h3 id={`res-${race.raceId}`}>{t(`bodies.positions.names.${race.position}`)}</h3>
              <p>
                <strong>
                  {race.status === 'elected'
                    ? t('elections.race.elected', { name: candName(race.winner!) })
                    : race.status === 'tie'
                      ? t('elections.race.tie', { names: race.tied.map(candName).join(', ') })
                      : t(`elections.race.${race.status}`)}
                </strong>
              </p>
              <Table
                caption={t('elections.page.votesFor', { position: t(`bodies.positions.names.${race.position}`) })}
                head={[t('elections.page.candidate'), { label: t('elections.page.votes'), num: true }]}
                numeric={[1]}
                rows={[
                  ...Object.entries(race.counts).map(([id, n]) => [candName(id) + (race.excluded.includes(id) ? ` (${t('elections.page.excluded')})` : ''), String(n)]),
                  [t('elections.page.blank'), String(race.blank)],
                ]}
              />
            </div>
          ))}
        </>
      ) : null}

      {isPublished(e) ? (
        <section aria-labelledby="verify">
          <h2 id="verify">{t('elections.page.verify')}</h2>
          <p>{t('elections.page.verifyLead')}</p>
          <p>
            {t('elections.page.headHash')}: <code class="hash">{e.headHash}</code>
          </p>
          <p>
            <a class="button secondary" href={`/${l}/elections/${e.id}/record.json`} download={`election-${e.id}.json`}>
              {t('elections.page.download')}
            </a>
          </p>
          <p class="small">
            {t('elections.page.verifyCommand')} <code>npm run verify-election -- election-{e.id}.json</code>
          </p>
          <p>
            <a href={`/${l}/elections/${e.id}/receipt`}>{t('elections.receipt.title')}</a>
          </p>
        </section>
      ) : null}
      <p>
        <a href={`/${l}/elections/how-it-works`}>{t('elections.security.link')}</a>
      </p>

      <h2>{t('elections.page.history')}</h2>
      <ol>
        {steps.map((s) => (
          <li>
            {fmt.date(s.at)}: {t(`elections.audit.${s.action.replace('election.', '')}`)}
          </li>
        ))}
      </ol>
    </>,
    { title, crumbs: [[t('elections.list.title'), '/elections']] },
  );
});

// ------------------------------------------------------------------------------------------------
// Secretary / administrator actions
// ------------------------------------------------------------------------------------------------

async function runAction(c: Context<AppEnv>, kind: 'open' | 'close' | 'certify') {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const actor = requireUser(c);
  authorize(c, electionsPolicy.can(actor, kind, { e: x.e, f: x.f }));
  const deps = c.get('deps');
  let r: { ok: true; events: ElectionEvent[] } | { ok: false; reason: string };
  try {
    r = await deps.db.transaction().execute((trx) => (kind === 'open' ? openVoting(trx, actor.id, x.e.id) : kind === 'close' ? closeVoting(trx, actor.id, x.e.id) : certify(trx, actor.id, x.e.id)));
  } catch (err) {
    if (err instanceof CertifyRefused) r = { ok: false, reason: err.reason };
    else throw err;
  }
  const back = `/${c.get('locale')}/elections/${x.e.id}`;
  if (!r.ok) return redirectWith(c, back, { type: 'error', key: `elections.errors.${r.reason}` });
  if (kind === 'close') await scrubAfterClose(deps.db, deps.dialect);
  await announce(deps, r.events);
  return redirectWith(c, back, { type: 'success', key: `elections.actions.${kind}Done` });
}
electionsRoutes.post(`${EID}/open`, (c) => runAction(c, 'open'));
electionsRoutes.post(`${EID}/close`, (c) => runAction(c, 'close'));
electionsRoutes.post(`${EID}/certify`, (c) => runAction(c, 'certify'));

electionsRoutes.get(`${EID}/edit`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(requireUser(c), 'edit', { e: x.e, f: x.f }));
  return renderElectionForm(c, x.body, emptyForm(formValuesOf(x.e)), { action: `/${c.get('locale')}/elections/${x.e.id}/edit`, title: c.get('t')('elections.edit.title') });
});

electionsRoutes.post(`${EID}/edit`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const actor = requireUser(c);
  const t = c.get('t');
  if (x.e.status !== 'nomination' && electionsPolicy.can(actor, 'open', { e: { ...x.e, status: 'nomination' }, f: x.f })) {
    return redirectWith(c, `/${c.get('locale')}/elections/${x.e.id}`, { type: 'error', key: 'elections.errors.notEditable' });
  }
  authorize(c, electionsPolicy.can(actor, 'edit', { e: x.e, f: x.f }));
  const values = await readForm(c);
  const parsed = parseElectionForm(c, values, x.body);
  if (!parsed.ok) return renderElectionForm(c, x.body, { values, errors: parsed.errors }, { action: `/${c.get('locale')}/elections/${x.e.id}/edit`, title: t('elections.edit.title') }, 422);
  const r = await c.get('deps').db.transaction().execute((trx) => editElection(trx, actor.id, { ...parsed.data, electionId: x.e.id }));
  if (!r.ok) return redirectWith(c, `/${c.get('locale')}/elections/${x.e.id}`, { type: 'error', key: `elections.errors.${r.reason}` });
  return redirectWith(c, `/${c.get('locale')}/elections/${x.e.id}`, { type: 'success', key: 'elections.edit.done' });
});

// ------------------------------------------------------------------------------------------------
// Nominations
// ------------------------------------------------------------------------------------------------

function statementFrom(values: FormValues): Translated {
  const text = typeof values.statement === 'string' ? values.statement.trim() : '';
  const lang = typeof values.statement_lang === 'string' && (LOCALES as readonly string[]).includes(values.statement_lang) ? (values.statement_lang as Locale) : 'es';
  return text ? { [lang]: text } : {};
}

function eligibleOrgs(f: BodyFacts) {
  return f.myOrgs.filter((o) => o.status === 'member');
}

function StatementFields(props: { form: FormState; t: (k: string) => string }) {
  return (
    <>
      <TextArea name="statement" label={props.t('elections.nominate.statement')} hint={props.t('elections.nominate.statementHint')} form={props.form} rows={6} maxlength={3000} />
      <SelectField name="statement_lang" label={props.t('elections.nominate.statementLang')} form={props.form} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
    </>
  );
}

function renderNominate(c: Context<AppEnv>, e: Election, f: ElectionFacts, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const orgs = eligibleOrgs(f.body);
  c.status(status);
  return c.render(
    <>
      <h1>{t('elections.nominate.title')}</h1>
      <p>
        <ElectionLink e={e} locale={l} />
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/elections/${e.id}/nominate`}>
        <SelectField name="position" label={t('elections.nominate.position')} form={form} options={e.positions.map((p) => ({ value: p, label: t(`bodies.positions.names.${p}`) }))} />
        <ChoiceField
          name="who"
          legend={t('elections.nominate.who')}
          form={form}
          options={[
            ...(orgs.length ? [{ value: 'self', label: t('elections.nominate.self') }] : []),
            { value: 'other', label: t('elections.nominate.other') },
          ]}
        />
        {orgs.length ? <SelectField name="org" label={t('elections.nominate.org')} hint={t('elections.nominate.orgHint')} form={form} options={orgs.map((o) => ({ value: o.id, label: o.name }))} /> : null}
        <TextField name="email" type="email" label={t('elections.nominate.email')} hint={t('elections.nominate.emailHint')} form={form} autocomplete="off" />
        <StatementFields form={form} t={t} />
        <Button>{t('elections.nominate.submit')}</Button>
      </Form>
    </>,
    { title: t('elections.nominate.title'), noindex: true },
  );
}

const NominateInput = z.object({
  position: z.enum(POSITIONS as [Position, ...Position[]]),
  who: z.enum(['self', 'other']),
  org: z.string().optional(),
  email: z.string().trim().toLowerCase().max(254).optional(),
  statement: z.string().max(3000).optional(),
});

electionsRoutes.get(`${EID}/nominate`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(requireUser(c), 'nominate', { e: x.e, f: x.f }));
  return renderNominate(c, x.e, x.f, emptyForm({ who: eligibleOrgs(x.f.body).length ? 'self' : 'other', statement_lang: c.get('locale') }));
});

electionsRoutes.post(`${EID}/nominate`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const actor = requireUser(c);
  authorize(c, electionsPolicy.can(actor, 'nominate', { e: x.e, f: x.f }));
  const t = c.get('t');
  const values = await readForm(c);
  const v = validate(NominateInput, values, t);
  if (!v.ok) return renderNominate(c, x.e, x.f, { values, errors: v.errors }, 422);
  const { db, mailer, config, i18n } = c.get('deps');
  let nominee = { id: actor.id, name: actor.name, email: actor.email, locale: actor.locale };
  if (v.data.who === 'other') {
    const email = v.data.email ?? '';
    const u = email ? await findUserByEmail(db, email) : undefined;
    if (!u) return renderNominate(c, x.e, x.f, { values, errors: { email: t('elections.errors.noSuchPerson') } }, 422);
    nominee = { id: u.id, name: u.name, email: u.email, locale: (u.locale as Locale) ?? null };
  } else if (!v.data.org || !eligibleOrgs(x.f.body).some((o) => o.id === v.data.org)) {
    return renderNominate(c, x.e, x.f, { values, errors: { org: t('elections.errors.notEligible') } }, 422);
  }
  if (!x.e.positions.includes(v.data.position)) return renderNominate(c, x.e, x.f, { values, errors: { position: t('form.error.choice') } }, 422);
  const r = await db.transaction().execute((trx) =>
    nominate(trx, actor, { electionId: x.e.id, position: v.data.position, nominee: { id: nominee.id, name: nominee.name }, orgId: v.data.who === 'self' ? v.data.org : undefined, statement: v.data.who === 'self' ? statementFrom(values) : undefined }),
  );
  if (!r.ok) return renderNominate(c, x.e, x.f, { values, errors: { position: t(`elections.errors.${r.reason}`) } }, 422);
  if (!r.self) {
    const nl: Locale = nominee.locale && (LOCALES as readonly string[]).includes(nominee.locale) ? nominee.locale : 'es';
    const nt = i18n.t(nl);
    await mailer.send({
      to: nominee.email,
      subject: nt('elections.mail.nominated.subject'),
      text: nt('elections.mail.nominated.body', { name: nominee.name, by: actor.name, title: pickTranslated(x.e.title, nl)?.text ?? '', position: nt(`bodies.positions.names.${v.data.position}`), url: `${config.baseUrl}/${nl}/elections/${x.e.id}/candidates/${r.candidateId}` }),
      kind: 'election-nominated',
    });
  }
  return redirectWith(c, `/${c.get('locale')}/elections/${x.e.id}`, { type: 'success', key: r.self ? 'elections.nominate.doneSelf' : 'elections.nominate.doneOther' });
});

/** The election and one of its candidacies, for the nominated person only (null when either is unknown: answer 404). */
async function loadOwnCandidacy(c: Context<AppEnv>) {
  const x = await loadElection(c);
  if (!x) return null;
  const actor = requireUser(c);
  const cand = (await listCandidates(c.get('deps').db, x.e.id)).find((cd) => cd.id === c.req.param('cid'));
  if (!cand) return null;
  authorize(c, cand.userId === actor.id);
  return { ...x, actor, cand };
}

electionsRoutes.get(`${EID}/candidates/:cid{[0-9a-z]{16}}`, async (c) => {
  const x = await loadOwnCandidacy(c);
  if (!x) return c.notFound();
  const { actor, cand } = x;
  const statement = parseTranslated(cand.statement);
  const lang = (Object.keys(statement)[0] as Locale | undefined) ?? c.get('locale');
  return renderRespond(c, x.e, x.f, cand, emptyForm({ statement: statement[lang] ?? '', statement_lang: lang, org: cand.orgId ?? undefined }));
});

function renderRespond(c: Context<AppEnv>, e: Election, f: ElectionFacts, cand: { id: string; position: Position; status: string }, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const orgs = eligibleOrgs(f.body);
  const open = nominationsOpen(e);
  c.status(status);
  return c.render(
    <>
      <h1>{t('elections.candidate.title', { position: t(`bodies.positions.names.${cand.position}`) })}</h1>
      <p>
        <ElectionLink e={e} locale={l} />
      </p>
      <p>{t(`elections.candidate.status.${cand.status}`)}</p>
      <ErrorSummary errors={form.errors} />
      {!open ? (
        <Notice>{t('elections.errors.nominationsClosed')}</Notice>
      ) : orgs.length ? (
        <Form action={`/${l}/elections/${e.id}/candidates/${cand.id}`}>
          <SelectField name="org" label={t('elections.nominate.org')} hint={t('elections.nominate.orgHint')} form={form} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          <StatementFields form={form} t={t} />
          <div class="actions">
            <Button name="answer" value="accept">
              {t(cand.status === 'accepted' ? 'elections.candidate.save' : 'elections.candidate.accept')}
            </Button>
            <Button name="answer" value="decline" variant="secondary">
              {t(cand.status === 'accepted' ? 'elections.candidate.withdraw' : 'elections.candidate.decline')}
            </Button>
          </div>
        </Form>
      ) : (
        <>
          <Notice type="warning">{t('elections.errors.notEligible')}</Notice>
          <Form action={`/${l}/elections/${e.id}/candidates/${cand.id}`}>
            <Button name="answer" value="decline" variant="secondary">
              {t('elections.candidate.decline')}
            </Button>
          </Form>
        </>
      )}
    </>,
    { title: t('elections.candidate.title', { position: t(`bodies.positions.names.${cand.position}`) }), noindex: true },
  );
}

electionsRoutes.post(`${EID}/candidates/:cid{[0-9a-z]{16}}`, async (c) => {
  const x = await loadOwnCandidacy(c);
  if (!x) return c.notFound();
  const { actor, cand } = x;
  const values = await readForm(c);
  const accept = values.answer === 'accept';
  const statement = statementFrom(values);
  if ((statement.es ?? statement.en ?? statement.pt ?? statement.fr ?? '').length > 3000) return renderRespond(c, x.e, x.f, cand, { values, errors: { statement: c.get('t')('form.error.tooLong', { max: 3000 }) } }, 422);
  const r = await c.get('deps').db.transaction().execute((trx) => respond(trx, actor, { candidateId: cand.id, accept, orgId: typeof values.org === 'string' ? values.org : undefined, statement }));
  if (!r.ok) return renderRespond(c, x.e, x.f, cand, { values, errors: { org: c.get('t')(`elections.errors.${r.reason}`) } }, 422);
  return redirectWith(c, `/${c.get('locale')}/elections/${x.e.id}`, { type: 'success', key: accept ? 'elections.candidate.accepted' : 'elections.candidate.declined' });
});

// ------------------------------------------------------------------------------------------------
// Voting
// ------------------------------------------------------------------------------------------------

function renderVote(c: Context<AppEnv>, e: Election, f: ElectionFacts, orgNames: Map<string, string>, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const def = e.definition!;
  const open = f.voterOrgs.filter((o) => !o.voted);
  c.status(status);
  return c.render(
    <>
      <h1>{t('elections.vote.title')}</h1>
      <p>
        <ElectionLink e={e} locale={l} />
      </p>
      <p>{t('elections.vote.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/elections/${e.id}/vote`}>
        <SelectField name="org" label={t('elections.vote.org')} form={form} options={open.map((o) => ({ value: o.orgId, label: orgNames.get(o.orgId) ?? o.orgId }))} />
        {def.races.map((race) => (
          <ChoiceField
            name={`race_${race.id}`}
            legend={t(`bodies.positions.names.${race.position}`)}
            form={form}
            options={[...race.candidates.map((cd) => ({ value: cd.id, label: cd.name })), { value: 'blank', label: t('elections.vote.blank') }]}
          />
        ))}
        <Button>{t('elections.vote.submit')}</Button>
      </Form>
    </>,
    { title: t('elections.vote.title'), noindex: true },
  );
}

/** The names of the organizations the user may vote for, by id. */
async function voterOrgNames(c: Context<AppEnv>, f: ElectionFacts): Promise<Map<string, string>> {
  const orgs = await getOrganizations(c.get('deps').db, f.voterOrgs.map((o) => o.orgId));
  return new Map(orgs.map((o) => [o.id, o.name]));
}

electionsRoutes.get(`${EID}/vote`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  authorize(c, electionsPolicy.can(requireUser(c), 'vote', { e: x.e, f: x.f }));
  return renderVote(c, x.e, x.f, await voterOrgNames(c, x.f), emptyForm());
});

/** Why a ballot was refused → HTTP status. Nothing was changed in any of these cases. */
const REFUSAL_STATUS = { notFound: 404, notOpen: 409, notVoter: 403, notOnRoll: 403, alreadyVoted: 409, badBallot: 422 } as const;

electionsRoutes.post(`${EID}/vote`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const actor = requireUser(c);
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const def = x.e.definition;
  const orgId = typeof values.org === 'string' ? values.org : '';
  const choices: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  if (def) {
    for (const race of def.races) {
      const v = values[`race_${race.id}`];
      if (typeof v !== 'string' || !v) errors[`race_${race.id}`] = t('elections.vote.chooseOrBlank');
      else choices[race.id] = v === 'blank' ? null : v;
    }
  }
  if (def && x.e.status === 'voting' && Object.keys(errors).length && electionsPolicy.can(actor, 'vote', { e: x.e, f: x.f })) {
    return renderVote(c, x.e, x.f, await voterOrgNames(c, x.f), { values, errors }, 422);
  }
  const r = await c.get('deps').db.transaction().execute((trx) => castBallot(trx, actor, { electionId: x.e.id, orgId, choices }));
  if (!r.ok) {
    c.status(REFUSAL_STATUS[r.reason as keyof typeof REFUSAL_STATUS] ?? 400);
    return c.render(
      <>
        <h1>{t('elections.vote.refusedTitle')}</h1>
        <Notice type="error">{t(`elections.vote.refused.${r.reason}`)}</Notice>
        <p>
          <a href={`/${l}/elections/${x.e.id}`}>{t('elections.vote.back')}</a>
        </p>
      </>,
      { title: t('elections.vote.refusedTitle'), noindex: true },
    );
  }
  // The receipt is shown once, in this response, and never stored, mailed, logged or put in a URL or a
  // cookie (docs/elections-security.md). A reload re-posts the form and is refused as a second vote.
  c.header('Cache-Control', 'no-store');
  return c.render(
    <>
      <h1>{t('elections.vote.thanks')}</h1>
      <Notice type="success">
        <p>{t('elections.vote.receipt', { code: r.receipt })}</p>
      </Notice>
      <p class="small">
        {t('elections.receipt.hash')}: <code class="hash">{r.hash}</code>
      </p>
      <p>{t('elections.vote.receiptHelp')}</p>
      <p>
        <a href={`/${l}/elections/${x.e.id}`}>{t('elections.vote.back')}</a>
      </p>
    </>,
    { title: t('elections.vote.thanks'), noindex: true },
  );
});

// ------------------------------------------------------------------------------------------------
// The public record and receipts
// ------------------------------------------------------------------------------------------------

electionsRoutes.get(`${EID}/record.json`, async (c) => {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const record = await electionRecord(c.get('deps').db, x.e);
  if (!record) return c.notFound();
  if (!x.user) c.set('cacheable', true);
  return c.body(serializeRecord(record), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="election-${x.e.id}.json"` });
});

/**
 * Receipt lookup. The code travels in a POST body, never in a URL (where access logs and browser history
 * would keep it).
 */
async function renderReceipt(c: Context<AppEnv>, raw: string) {
  const x = await loadElection(c);
  if (!x) return c.notFound();
  const t = c.get('t');
  const l = c.get('locale');
  const code = raw ? normalizeReceipt(raw) : null;
  const { db } = c.get('deps');
  const found = code && isPublished(x.e) ? await db.selectFrom('election_ballots').select(['seq', 'receipt', 'choices', 'hash']).where('election_id', '=', x.e.id).where('receipt', '=', code).executeTakeFirst() : undefined;
  const def = x.e.definition;
  const choices = found ? (JSON.parse(found.choices) as Record<string, string | null>) : null;
  if (!found) c.status(raw ? 404 : 200);
  c.header('Cache-Control', 'no-store');
  return c.render(
    <>
      <h1>{t('elections.receipt.title')}</h1>
      <p>
        <a href={`/${l}/elections/${x.e.id}`}>
          <TText value={x.e.title} />
        </a>
      </p>
      {!isPublished(x.e) ? (
        <Notice>{t('elections.receipt.notYet')}</Notice>
      ) : found && def && choices ? (
        <>
          <Notice type="success">{t('elections.receipt.found', { code: found.receipt, seq: found.seq })}</Notice>
          <Table
            caption={t('elections.receipt.ballot')}
            head={[t('elections.list.positions'), t('elections.page.candidate')]}
            rows={def.races.map((race) => [t(`bodies.positions.names.${race.position}`), choices[race.id] ? (race.candidates.find((cd) => cd.id === choices[race.id])?.name ?? '?') : t('elections.page.blank')])}
          />
          <p class="small">
            {t('elections.receipt.hash')}: <code class="hash">{found.hash}</code>
          </p>
        </>
      ) : raw ? (
        <Notice type="error">{code ? t('elections.receipt.notFound') : t('elections.receipt.malformed')}</Notice>
      ) : null}
      <Form action={`/${l}/elections/${x.e.id}/receipt`}>
        <TextField name="code" label={t('elections.receipt.label')} hint={t('elections.receipt.hint')} form={emptyForm({ code: raw })} autocomplete="off" spellcheck={false} />
        <Button>{t('elections.receipt.submit')}</Button>
      </Form>
    </>,
    { title: t('elections.receipt.title'), noindex: true },
  );
}
electionsRoutes.get(`${EID}/receipt`, (c) => renderReceipt(c, ''));
electionsRoutes.post(`${EID}/receipt`, async (c) => {
  const values = await readForm(c);
  return renderReceipt(c, typeof values.code === 'string' ? values.code.slice(0, 60) : '');
});
