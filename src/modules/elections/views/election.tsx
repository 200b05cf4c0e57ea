/** @module Elections views: one election — its phase, the actions the reader may take, candidates, result and record. */
import { Form, Button, Table, EmptyState, Notice, TText, HistoryTable } from '../../../platform/views/components.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import { useView } from '../../../platform/views/context.js';
import { When } from '../../../platform/views/when.js';
import type { BodyRow } from '../../bodies/index.js';
import { paths, bodyPage } from '../paths.js';
import { isPublished, fingerprintOf, type Candidate, type Election } from '../queries.js';

/** What the reader may do here (from the policy's named rules). */
export type ElectionCans = Record<'edit' | 'nominate' | 'open' | 'close' | 'certify' | 'recall' | 'vote' | 'voted', boolean>;

/** The steps of an election its page lists (candidacies stay out of the public record). */
export const HISTORY_STEPS = ['election.called', 'election.opened', 'election.closed', 'election.failed', 'election.certified', 'election.edited'];

export function ElectionPage(props: {
  e: Election;
  body: BodyRow;
  can: ElectionCans;
  candidates: Candidate[];
  orgName: Map<string, string>;
  /** The reader's own pending or accepted candidacies. */
  mine: Candidate[];
  history: ReadItem[];
}) {
  const { t, locale: l, fmt } = useView();
  const { e, body, can, candidates, orgName, mine } = props;
  const id = { id: e.id };
  const result = e.result;
  const candName = (cid: string) => candidates.find((cd) => cd.id === cid)?.name ?? cid;
  const pos = (p: string) => t(`bodies.positions.names.${p}`);
  return (
    <>
      <h1>
        <TText value={e.title} />
      </h1>
      <p class="muted">
        <a href={bodyPage.href(l, { slug: body.slug })}>
          <TText value={body.name} />
        </a>
        {' · '}
        <strong>{t(`elections.status.${e.status}`)}</strong>
      </p>
      <p>{t(`elections.statusHelp.${e.status}`)}</p>
      {e.failedReason ? <Notice type="warning">{t(`elections.failed.${e.failedReason}`)}</Notice> : null}
      {can.voted && !can.vote ? <Notice type="success">{t('elections.vote.votedTitle')}</Notice> : null}
      <div class="actions">
        {can.vote ? (
          <a class="button" href={paths.vote.href(l, id)}>
            {t('elections.vote.link')}
          </a>
        ) : null}
        {can.nominate ? (
          <a class="button secondary" href={paths.nominate.href(l, id)}>
            {t('elections.nominate.link')}
          </a>
        ) : null}
        {can.edit ? (
          <a class="button secondary" href={paths.edit.href(l, id)}>
            {t('elections.edit.link')}
          </a>
        ) : null}
        {can.recall ? (
          <a class="button" href={paths.call.href(l, {}, { body: body.slug, from: e.id })}>
            {t('elections.recall')}
          </a>
        ) : null}
      </div>
      {can.open ? (
        <Form action={paths.open.href(l, id)}>
          <Button>{t('elections.actions.open')}</Button>
        </Form>
      ) : null}
      {can.close ? (
        <Form action={paths.close.href(l, id)}>
          <Button variant="danger">{t('elections.actions.close')}</Button>
        </Form>
      ) : null}
      {can.certify ? (
        <Form action={paths.certify.href(l, id)}>
          <Button>{t('elections.actions.certify')}</Button>
        </Form>
      ) : null}
      {mine.length ? (
        <Notice>
          {mine.map((cd) => (
            <p>
              <a href={paths.candidacy.href(l, { id: e.id, cid: cd.id })}>{t(cd.status === 'pending' ? 'elections.candidate.answer' : 'elections.candidate.manage', { position: pos(cd.position) })}</a>
            </p>
          ))}
        </Notice>
      ) : null}

      <h2>{t('elections.page.calendar')}</h2>
      <dl class="facts">
        <dt>{t('elections.form.positions')}</dt>
        <dd>{e.positions.map(pos).join(', ')}</dd>
        <dt>{t('elections.page.method')}</dt>
        <dd>{t('elections.page.methodText')}</dd>
        <dt>{t('elections.form.quorum')}</dt>
        <dd>{t('elections.page.quorumText', { pct: e.quorumPct })}</dd>
        <dt>{t('elections.form.nominationsClose')}</dt>
        <dd>{e.nominationsCloseAt ? <When at={e.nominationsCloseAt} zone={e.timeZone} /> : t('elections.page.byDecision')}</dd>
        <dt>{t('elections.form.votingOpens')}</dt>
        <dd>{(e.openedAt ?? e.votingOpensAt) ? <When at={(e.openedAt ?? e.votingOpensAt)!} zone={e.timeZone} /> : t('elections.page.byDecision')}</dd>
        <dt>{t('elections.form.votingCloses')}</dt>
        <dd>{(e.closedAt ?? e.votingClosesAt) ? <When at={(e.closedAt ?? e.votingClosesAt)!} zone={e.timeZone} /> : t('elections.page.byDecision')}</dd>
        <dt>{t('elections.page.term')}</dt>
        <dd>{e.termEnd ? t('bodies.positions.term', { from: fmt.date(e.termStart), to: fmt.date(e.termEnd) }) : t('bodies.positions.since', { from: fmt.date(e.termStart) })}</dd>
        {e.censusSize !== null ? (
          <>
            <dt>{t('elections.page.census')}</dt>
            <dd>{t('elections.page.censusText', { count: e.censusSize })}</dd>
            {/* The ballot count only once voting has closed (as turnout, below): a live count, polled, maps casting time to ballot position. */}
          </>
        ) : null}
      </dl>
      <p class="small">{t('elections.page.tieRule')}</p>
      {e.definition ? (
        <section aria-labelledby="fingerprint">
          <h2 id="fingerprint">{t('elections.page.fingerprint')}</h2>
          <p>{t('elections.page.fingerprintLead')}</p>
          <p>
            <code class="hash" data-fingerprint>
              {fingerprintOf(e)}
            </code>
          </p>
        </section>
      ) : null}

      <h2>{t('elections.page.candidates')}</h2>
      {e.positions.map((p) => {
        const list = candidates.filter((cd) => cd.position === p && cd.status === 'accepted');
        const waiting = candidates.filter((cd) => cd.position === p && cd.status === 'pending').length;
        return (
          <div>
            <h3 id={`pos-${p}`}>{pos(p)}</h3>
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
            {result.quorumMet ? t('elections.page.quorumMet', { needed: result.quorumVotes, count: result.quorumVotes }) : t('elections.page.quorumNotMet', { needed: result.quorumVotes, count: result.quorumVotes })}
          </p>
          {result.races.map((race) => (
            <div>
              <h3 id={`res-${race.raceId}`}>{pos(race.position)}</h3>
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
                caption={t('elections.page.votesFor', { position: pos(race.position) })}
                head={[t('elections.page.candidate'), { label: t('elections.page.votes'), num: true }]}
                numeric={[1]}
                rows={[
                  ...Object.entries(race.counts).map(([cid, n]) => [candName(cid) + (race.excluded.includes(cid) ? ` (${t('elections.page.excluded')})` : ''), String(n)]),
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
            <a class="button secondary" href={paths.record.href(l, id)} download={`election-${e.id}.json`}>
              {t('elections.page.download')}
            </a>
          </p>
          <p>
            <a class="button" href={paths.check.href(l, id)}>
              {t('elections.check.link')}
            </a>
          </p>
          <p>
            <a href={paths.receipt.href(l, id)}>{t('elections.receipt.title')}</a>
          </p>
        </section>
      ) : null}
      <p>
        <a href={paths.security.href(l)}>{t('elections.security.link')}</a>
      </p>

      <h2>{t('elections.page.history')}</h2>
      <HistoryTable items={props.history} caption={t('elections.page.history')} captionHidden />
    </>
  );
}
