/** @module Elections views: the election form (calling one, or editing it before voting opens). */
import { TIME_ZONES, utcToZoned } from '../../../platform/i18n/zones.js';
import { Form, Button, ErrorSummary, DeadlineField, TextField, ChoiceField, Checkbox, TText, type FormState, type FormValues } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { parseTranslated } from '../../../platform/i18n/translated.js';
import { positionsForKind, type BodyRow } from '../../bodies/index.js';
import { bodyPage } from '../paths.js';
import type { Election } from '../queries.js';

export function ElectionFormPage(props: { title: string; action: string; body: BodyRow; form: FormState; previousId?: string }) {
  const { t, locale } = useView();
  const { form, body } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        <a href={bodyPage.href(locale, { slug: body.slug })}>
          <TText value={body.name} />
        </a>
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action} keep>
        <input type="hidden" name="body" value={body.slug} />
        {props.previousId ? <input type="hidden" name="previous" value={props.previousId} /> : null}
        <fieldset>
          <legend>{t('elections.form.title')}</legend>
          <p class="hint">{t('elections.form.titleHint')}</p>
          {LOCALES.map((l) => (
            <TextField name={`title_${l}`} label={t('elections.form.titleIn', { language: t(`languageNames.${l}`) })} form={form} maxlength={200} />
          ))}
        </fieldset>
        <ChoiceField name="positions" legend={t('elections.form.positions')} hint={t('elections.form.positionsHint')} form={form} multiple options={positionsForKind(body.kind).map((p) => ({ value: p, label: t(`bodies.positions.names.${p}`) }))} />
        <TextField name="quorum_pct" type="number" inputmode="numeric" label={t('elections.form.quorum')} hint={t('elections.form.quorumHint')} form={form} />
        <DeadlineField name="nominations_close" label={t('elections.form.nominationsClose')} hint={t('elections.form.windowHint')} form={form} zones={TIME_ZONES} />
        <DeadlineField name="voting_opens" label={t('elections.form.votingOpens')} hint={t('elections.form.windowHint')} form={form} zones={TIME_ZONES} />
        <DeadlineField name="voting_closes" label={t('elections.form.votingCloses')} hint={t('elections.form.windowHint')} form={form} zones={TIME_ZONES} />
        <TextField name="term_start" type="date" label={t('elections.form.termStart')} form={form} />
        <TextField name="term_end" type="date" label={t('elections.form.termEnd')} hint={t('elections.form.termEndHint')} form={form} />
        <Checkbox name="publish_voters" label={t('elections.form.publishVoters')} hint={t('elections.form.publishVotersHint')} form={form} />
        <Button>{t('elections.form.submit')}</Button>
      </Form>
    </>
  );
}

/** An election's deadline as a DeadlineField's values, on the clocks of `zone`. */
function deadlineValues(base: string, at: string | null, zone: string): FormValues {
  if (!at) return { [`${base}_on`]: '', [`${base}_time`]: '', [`${base}_zone`]: zone };
  const { date, time } = utcToZoned(at, zone);
  return { [`${base}_on`]: date, [`${base}_time`]: time, [`${base}_zone`]: zone };
}

/** An election's values as the form shows them (deadlines on the clocks of the election's own zone). */
export function formValuesOf(e: Election): FormValues {
  const zone = e.timeZone;
  const title = parseTranslated(e.title);
  const v: FormValues = {
    positions: e.positions,
    quorum_pct: String(e.quorumPct),
    ...deadlineValues('nominations_close', e.nominationsCloseAt, zone),
    ...deadlineValues('voting_opens', e.votingOpensAt, zone),
    ...deadlineValues('voting_closes', e.votingClosesAt, zone),
    term_start: e.termStart,
    term_end: e.termEnd ?? '',
  };
  if (e.publishVoters) v.publish_voters = 'on';
  for (const l of LOCALES) v[`title_${l}`] = title[l] ?? '';
  return v;
}
