/**
 * @module Elections: what the routes share — loading an election (or body, or candidacy) with the facts
 * the policy needs (reads only: the clock is jobs.ts's), and rendering each page from its view.
 */
import type { Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import type { FormState } from '../../platform/views/components.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { getOrganizations, organizationsVotedByUser } from '../membership/index.js';
import { getBodyBySlug, getBodyById, bodyFacts, type BodyRow, type BodyFacts } from '../bodies/index.js';
import { getElection, listCandidates, rollEntriesFor, titleOf, type Election } from './queries.js';
import type { ElectionFacts } from './policy.js';
import { nominationsOpen } from './commands/nominations.js';
import { paths } from './paths.js';
import { ElectionFormPage } from './views/form.js';
import { NominatePage, CandidacyPage } from './views/nominations.js';
import { BallotPage, ReceiptShownPage, receiptText, type CandidateInfo } from './views/vote.js';
import { ReceiptPage, type ReceiptLookup } from './views/receipt.js';

// ------------------------------------------------------------------------------------------------
// Loading (reads only: the clock is jobs.ts's)
// ------------------------------------------------------------------------------------------------

/** An election, its body and the facts about the reader; null when the election does not exist (404). */
export async function loadElection(c: Context<AppEnv>, user: CurrentUser | null) {
  const { db } = c.get('deps');
  const e = await getElection(db, c.req.param('id') ?? '');
  if (!e) return null;
  const body = (await getBodyById(db, e.bodyId))!;
  const f: ElectionFacts = user
    ? { body: await bodyFacts(db, user.id, e.bodyId), voterOrgs: e.status === 'voting' ? await rollEntriesFor(db, e.id, await organizationsVotedByUser(db, user.id)) : [] }
    : { body: await bodyFacts(db, null, e.bodyId), voterOrgs: [] };
  return { e, body, f };
}
export type Loaded = NonNullable<Awaited<ReturnType<typeof loadElection>>>;

/** A body (by slug) and the facts about the reader there; null when there is no such body (404). */
export async function loadBody(c: Context<AppEnv>, user: CurrentUser, slug: unknown) {
  const { db } = c.get('deps');
  const body = typeof slug === 'string' && slug ? await getBodyBySlug(db, slug) : undefined;
  return body ? { body, facts: await bodyFacts(db, user.id, body.id) } : null;
}

/** The nominee's own candidacy in the election; null when either is unknown (404). */
export async function loadCandidacy(c: Context<AppEnv>, user: CurrentUser) {
  const x = await loadElection(c, user);
  const cand = x && (await listCandidates(c.get('deps').db, x.e.id)).find((cd) => cd.id === c.req.param('cid'));
  return x && cand ? { ...x, cand } : null;
}

/** The organizations the reader may stand for: theirs that are members of the body in good standing. */
export const eligibleOrgs = (f: BodyFacts) => f.myOrgs.filter((o) => o.status === 'member');

/** Where a button-post about an election goes back to. */
export const backToElection = ({ subject, locale }: { subject: { e: Election }; locale: Locale }) => paths.election.href(locale, { id: subject.e.id });

// ------------------------------------------------------------------------------------------------
// Renderers (status set by action() on a 422)
// ------------------------------------------------------------------------------------------------

export function renderElectionForm(c: Context<AppEnv>, body: BodyRow, form: FormState, edit?: Election, previousId?: string) {
  const t = c.get('t');
  const l = c.get('locale');
  const title = t(edit ? 'elections.edit.title' : 'elections.call.title');
  const to = edit ? paths.edit.href(l, { id: edit.id }) : paths.call.href(l);
  return c.render(<ElectionFormPage title={title} action={to} body={body} form={form} previousId={previousId} />, { title, noindex: true });
}

export const renderNominate = (c: Context<AppEnv>, x: Loaded, form: FormState) =>
  c.render(<NominatePage e={x.e} orgs={eligibleOrgs(x.f.body)} form={form} />, { title: c.get('t')('elections.nominate.title'), noindex: true });

export function renderCandidacy(c: Context<AppEnv>, x: Loaded & { cand: { id: string; position: Election['positions'][number]; status: string } }, form: FormState) {
  const title = c.get('t')('elections.candidate.title', { position: c.get('t')(`bodies.positions.names.${x.cand.position}`) });
  return c.render(<CandidacyPage e={x.e} cand={x.cand} orgs={eligibleOrgs(x.f.body)} open={nominationsOpen(x.e)} form={form} />, { title, noindex: true });
}

/** Each candidate's organization (its name) and statement, for the ballot and its review. */
export async function candidateInfo(c: Context<AppEnv>, e: Election): Promise<Map<string, CandidateInfo>> {
  const db = c.get('deps').db;
  const cands = await listCandidates(db, e.id);
  const orgs = await getOrganizations(db, [...new Set(cands.map((cd) => cd.orgId).filter((v): v is string => !!v))]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return new Map(cands.map((cd) => [cd.id, { org: cd.orgId ? (names.get(cd.orgId) ?? null) : null, statement: cd.statement }]));
}

export async function renderBallot(c: Context<AppEnv>, x: Loaded, form: FormState) {
  const open = x.f.voterOrgs.filter((o) => !o.voted).map((o) => o.orgId);
  const orgs = await getOrganizations(c.get('deps').db, open);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return c.render(<BallotPage e={x.e} orgs={open.map((id) => ({ id, name: names.get(id) ?? id }))} info={await candidateInfo(c, x.e)} form={form} />, {
    title: c.get('t')('elections.vote.title'),
    noindex: true,
  });
}

/** The notification kind of a receipt mailed at the voter's own request (mandatory: they just asked for it). */
export const RECEIPT_MAIL_KIND = 'elections.receipt';

/** The receipt page, with the text file the voter can save (in the reader's language). */
export function renderReceiptShown(c: Context<AppEnv>, e: Election, receipt: string, hash: string, mailed: boolean) {
  const t = c.get('t');
  const l = c.get('locale');
  const file = receiptText({
    title: titleOf(e, l),
    url: paths.receipt.url(c.get('deps').config.baseUrl, l, { id: e.id }),
    receipt,
    hash,
    labels: { election: t('elections.vote.fileElection'), receipt: t('elections.receipt.label'), hash: t('elections.receipt.hash') },
  });
  return c.render(<ReceiptShownPage e={e} receipt={receipt} hash={hash} file={file} mailed={mailed} />, { title: t('elections.vote.thanks'), noindex: true });
}

export function renderReceipt(c: Context<AppEnv>, e: Election, lookup: ReceiptLookup) {
  if (!lookup.found) c.status(lookup.raw ? 404 : 200);
  c.header('Cache-Control', 'no-store');
  return c.render(<ReceiptPage e={e} lookup={lookup} />, { title: c.get('t')('elections.receipt.title'), noindex: true });
}
