/**
 * @module Elections views: the ballot, its review before casting, the receipt shown once after casting it, and
 * what a voter sees on coming back once their organization has voted.
 */
import { Form, Button, ErrorSummary, SelectField, ChoiceField, Notice, TText, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Candidate, Election } from '../queries.js';
import { ElectionLink } from './common.js';

/** What the ballot shows of each candidate beyond the name: their organization and statement. */
export interface CandidateInfo {
  org: string | null;
  statement: Candidate['statement'];
}

/** The ballot: the organization voting (of those the reader votes for), then one choice or blank per race. */
export function BallotPage(props: { e: Election; orgs: { id: string; name: string }[]; info: Map<string, CandidateInfo>; form: FormState }) {
  const { t, locale } = useView();
  const { e, form, info } = props;
  const label = (cd: { id: string; name: string }) => {
    const org = info.get(cd.id)?.org;
    return org ? `${cd.name} (${org})` : cd.name;
  };
  return (
    <>
      <h1>{t('elections.vote.title')}</h1>
      <p>
        <ElectionLink e={e} />
      </p>
      <p>{t('elections.vote.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.vote.href(locale, { id: e.id })}>
        <SelectField name="org" label={t('elections.vote.org')} form={form} options={props.orgs.map((o) => ({ value: o.id, label: o.name }))} />
        {(e.definition?.races ?? []).map((race) => (
          <>
            <ChoiceField
              name={`race_${race.id}`}
              legend={t(`bodies.positions.names.${race.position}`)}
              form={form}
              options={[...race.candidates.map((cd) => ({ value: cd.id, label: label(cd) })), { value: 'blank', label: t('elections.vote.blank') }]}
            />
            {race.candidates.some((cd) => info.get(cd.id)?.statement) ? (
              <details class="statements">
                <summary>{t('elections.vote.statements', { position: t(`bodies.positions.names.${race.position}`) })}</summary>
                <dl>
                  {race.candidates.map((cd) => (
                    <>
                      <dt>{label(cd)}</dt>
                      <dd>{info.get(cd.id)?.statement ? <TText value={info.get(cd.id)!.statement!} as="div" /> : t('elections.vote.noStatement')}</dd>
                    </>
                  ))}
                </dl>
              </details>
            ) : null}
          </>
        ))}
        <Button name="step" value="review">
          {t('elections.vote.review')}
        </Button>
      </Form>
    </>
  );
}

/** The review before casting: the choices in words, with the ballot carried in hidden fields; confirm or change. */
export function ReviewPage(props: { e: Election; org: { id: string; name: string }; choices: Record<string, string | null>; info: Map<string, CandidateInfo> }) {
  const { t, locale } = useView();
  const { e, org, choices, info } = props;
  const races = e.definition?.races ?? [];
  return (
    <>
      <h1>{t('elections.vote.reviewTitle')}</h1>
      <p>
        <ElectionLink e={e} />
      </p>
      <p>{t('elections.vote.reviewLead')}</p>
      <dl class="facts ballot-review">
        <dt>{t('elections.vote.org')}</dt>
        <dd>{org.name}</dd>
        {races.map((race) => {
          const id = choices[race.id] ?? null;
          const cd = id === null ? undefined : race.candidates.find((x) => x.id === id);
          const orgName = cd ? info.get(cd.id)?.org : null;
          return (
            <>
              <dt>{t(`bodies.positions.names.${race.position}`)}</dt>
              <dd>
                <strong>{cd ? cd.name : t('elections.vote.blank')}</strong>
                {orgName ? ` (${orgName})` : ''}
              </dd>
            </>
          );
        })}
      </dl>
      <Form action={paths.vote.href(locale, { id: e.id })}>
        <input type="hidden" name="org" value={org.id} />
        {races.map((race) => (
          <input type="hidden" name={`race_${race.id}`} value={choices[race.id] ?? 'blank'} />
        ))}
        <div class="actions">
          <Button name="step" value="confirm">
            {t('elections.vote.confirm')}
          </Button>
          <Button variant="secondary" name="step" value="change">
            {t('elections.vote.change')}
          </Button>
        </div>
      </Form>
    </>
  );
}

/** The receipt as a small text file the voter keeps (a data: link: nothing more is asked of the server). */
export function receiptText(x: { title: string; url: string; receipt: string; hash: string; labels: { receipt: string; hash: string; election: string } }) {
  return `${x.labels.election}: ${x.title}\n${x.url}\n\n${x.labels.receipt}: ${x.receipt}\n${x.labels.hash}: ${x.hash}\n`;
}

/**
 * The receipt, shown in this one response only (docs/elections-security.md). It can be printed, saved as a
 * file, and — at the voter's request — mailed to the voter's own address (a message scrubbed once delivered).
 */
export function ReceiptShownPage(props: { e: Pick<Election, 'id' | 'title'>; receipt: string; hash: string; file: string; mailed?: boolean }) {
  const { t, locale } = useView();
  const { e, receipt, hash } = props;
  return (
    <>
      <h1>{t('elections.vote.thanks')}</h1>
      {props.mailed ? <Notice type="success">{t('elections.vote.mailed')}</Notice> : null}
      <Notice type="success">
        <p>{t('elections.vote.recorded')}</p>
      </Notice>
      <dl class="facts receipt-card">
        <dt>{t('elections.receipt.label')}</dt>
        <dd>
          <strong>
            <code data-receipt>{receipt}</code>
          </strong>
        </dd>
        <dt>{t('elections.receipt.hash')}</dt>
        <dd>
          <code class="hash" data-ballot-hash>
            {hash}
          </code>
        </dd>
      </dl>
      <p>{t('elections.vote.receiptHelp')}</p>
      <h2>{t('elections.vote.keepTitle')}</h2>
      <div class="actions">
        <button type="button" class="button" data-print hidden>
          {t('elections.vote.print')}
        </button>
        <a class="button secondary" href={`data:text/plain;charset=utf-8,${encodeURIComponent(props.file)}`} download={`receipt-${e.id}.txt`}>
          {t('elections.vote.download')}
        </a>
      </div>
      <Form action={paths.receiptMail.href(locale, { id: e.id })}>
        <input type="hidden" name="receipt" value={receipt} />
        <input type="hidden" name="hash" value={hash} />
        <p class="small">{t('elections.vote.mailHelp')}</p>
        <Button variant="secondary">{t('elections.vote.mail')}</Button>
      </Form>
      <p>
        <a class="button secondary" href={paths.election.href(locale, { id: e.id })}>
          {t('elections.vote.back')}
        </a>
      </p>
      <link rel="stylesheet" media="print" href={paths.printCss.href(locale)} />
      <script type="module" src={paths.client.href(locale)}></script>
    </>
  );
}

/** Coming back to the ballot once every organization the reader votes for has voted. */
export function VotedPage(props: { e: Election; orgs: string[] }) {
  const { t, locale } = useView();
  const { e } = props;
  return (
    <>
      <h1>{t('elections.vote.votedTitle')}</h1>
      <p>
        <ElectionLink e={e} />
      </p>
      <Notice type="success">{t('elections.vote.voted', { orgs: props.orgs.join(', ') })}</Notice>
      <p>{t('elections.vote.votedHelp')}</p>
      <p>
        <a href={paths.receipt.href(locale, { id: e.id })}>{t('elections.receipt.title')}</a>
      </p>
    </>
  );
}
