/** @module Elections views: nominating someone, and the nominee's page to accept, decline or withdraw. */
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, Notice, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import type { Position } from '../core/index.js';
import { paths } from '../paths.js';
import type { Election } from '../queries.js';
import { ElectionLink } from './common.js';

type Org = { id: string; name: string };

function StatementFields(props: { form: FormState }) {
  const { t } = useView();
  return (
    <>
      <TextArea name="statement" label={t('elections.nominate.statement')} hint={t('elections.nominate.statementHint')} form={props.form} rows={6} maxlength={3000} />
      <SelectField name="statement_lang" label={t('elections.nominate.statementLang')} form={props.form} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
    </>
  );
}

/** Nominate: oneself (through one of `orgs`, the reader's eligible organizations) or another person by email. */
export function NominatePage(props: { e: Election; orgs: Org[]; form: FormState }) {
  const { t, locale } = useView();
  const { e, orgs, form } = props;
  return (
    <>
      <h1>{t('elections.nominate.title')}</h1>
      <p>
        <ElectionLink e={e} />
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.nominate.href(locale, { id: e.id })}>
        <SelectField name="position" label={t('elections.nominate.position')} form={form} options={e.positions.map((p) => ({ value: p, label: t(`bodies.positions.names.${p}`) }))} />
        <ChoiceField
          name="who"
          legend={t('elections.nominate.who')}
          form={form}
          options={[...(orgs.length ? [{ value: 'self', label: t('elections.nominate.self') }] : []), { value: 'other', label: t('elections.nominate.other') }]}
        />
        {orgs.length ? <SelectField name="org" label={t('elections.nominate.org')} hint={t('elections.nominate.orgHint')} form={form} options={orgs.map((o) => ({ value: o.id, label: o.name }))} /> : null}
        <TextField name="email" type="email" label={t('elections.nominate.email')} hint={t('elections.nominate.emailHint')} form={form} autocomplete="off" />
        <StatementFields form={form} />
        <Button>{t('elections.nominate.submit')}</Button>
      </Form>
    </>
  );
}

/** The nominee's own candidacy: accept (choosing the organization), save, decline or withdraw. */
export function CandidacyPage(props: { e: Election; cand: { id: string; position: Position; status: string }; orgs: Org[]; open: boolean; form: FormState }) {
  const { t, locale } = useView();
  const { e, cand, orgs, form } = props;
  const action = paths.candidacy.href(locale, { id: e.id, cid: cand.id });
  return (
    <>
      <h1>{t('elections.candidate.title', { position: t(`bodies.positions.names.${cand.position}`) })}</h1>
      <p>
        <ElectionLink e={e} />
      </p>
      <p>{t(`elections.candidate.status.${cand.status}`)}</p>
      <ErrorSummary errors={form.errors} />
      {!props.open ? (
        <Notice>{t('elections.errors.nominationsClosed')}</Notice>
      ) : orgs.length ? (
        <Form action={action}>
          <SelectField name="org" label={t('elections.nominate.org')} hint={t('elections.nominate.orgHint')} form={form} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          <StatementFields form={form} />
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
          <Form action={action}>
            <Button name="answer" value="decline" variant="secondary">
              {t('elections.candidate.decline')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
