/** @module Elections views: the ballot, and the receipt shown once after casting it. */
import { Form, Button, ErrorSummary, SelectField, ChoiceField, Notice, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Election } from '../queries.js';
import { ElectionLink } from './common.js';

/** The ballot: the organization voting (of those the reader votes for), then one choice or blank per race. */
export function BallotPage(props: { e: Election; orgs: { id: string; name: string }[]; form: FormState }) {
  const { t, locale } = useView();
  const { e, form } = props;
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
          <ChoiceField
            name={`race_${race.id}`}
            legend={t(`bodies.positions.names.${race.position}`)}
            form={form}
            options={[...race.candidates.map((cd) => ({ value: cd.id, label: cd.name })), { value: 'blank', label: t('elections.vote.blank') }]}
          />
        ))}
        <Button>{t('elections.vote.submit')}</Button>
      </Form>
    </>
  );
}

/** The receipt, shown in this one response only (docs/elections-security.md). */
export function ReceiptShownPage(props: { e: Pick<Election, 'id'>; receipt: string; hash: string }) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('elections.vote.thanks')}</h1>
      <Notice type="success">
        <p>{t('elections.vote.receipt', { code: props.receipt })}</p>
      </Notice>
      <p class="small">
        {t('elections.receipt.hash')}: <code class="hash">{props.hash}</code>
      </p>
      <p>{t('elections.vote.receiptHelp')}</p>
      <p>
        <a href={paths.election.href(locale, { id: props.e.id })}>{t('elections.vote.back')}</a>
      </p>
    </>
  );
}
