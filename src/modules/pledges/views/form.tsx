/** @module Pledges views: writing a pledge, in the UN pledge form's order. */
import { Form, Button, ErrorSummary, TextField, TextArea, ChoiceField, SelectField, Checkbox, Notice, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pledgeKinds, pledgeScopes, pledgeForms, partnerSectors } from '../tables.js';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, PARTNER_ROWS, TITLE_MAX } from '../model.js';
import type { Pledge } from '../queries.js';

export interface FormOptions {
  leadOrgs: Option[];
  memberOrgs: Option[];
  bodies: Option[];
  objectives: Option[];
  principles: Option[];
  countries: Option[];
}

export function PledgeFormPage(props: { action: string; form: FormState; opts: FormOptions; p?: Pledge }) {
  const { t } = useView();
  const { form, opts, p } = props;
  return (
    <>
      <h1>{p ? t('pledges.form.editTitle', { ref: p.ref }) : t('pledges.form.newTitle')}</h1>
      <p class="lead">{t('pledges.form.lead')}</p>
      {p?.state === 'returned' && p.reviewNote ? (
        <Notice type="warning">
          <strong>{t('pledges.page.returnedNote')}</strong> {p.reviewNote}
        </Notice>
      ) : null}
      <ErrorSummary errors={form.errors} />
      <Form action={props.action} enctype="multipart/form-data" keep>
        <h2>{t('pledges.form.who')}</h2>
        <SelectField name="lead_org" label={t('pledges.fields.leadOrg')} hint={t('pledges.form.leadOrgHint')} form={form} options={opts.leadOrgs} />
        <ChoiceField name="co_orgs" legend={t('pledges.fields.coOrgs')} hint={t('pledges.form.coOrgsHint')} form={form} options={opts.memberOrgs} multiple columns />
        <SelectField name="body" label={t('pledges.fields.body')} hint={t('pledges.form.bodyHint')} form={form} options={opts.bodies} empty={t('pledges.form.noBody')} />

        <h2>{t('pledges.form.what')}</h2>
        <fieldset>
          <legend>{t('pledges.fields.title')}</legend>
          <p class="hint">{t('pledges.form.translateHint')}</p>
          {LOCALES.map((l) => (
            <TextField name={`title_${l}`} label={t('pledges.form.in', { language: LOCALE_NAMES[l] })} form={form} maxlength={TITLE_MAX} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('pledges.fields.description')}</legend>
          <p class="hint">{t('pledges.form.descriptionHint', { min: DESCRIPTION_MIN, max: '3.000' })}</p>
          {LOCALES.map((l) => (
            <TextArea name={`description_${l}`} label={t('pledges.form.in', { language: LOCALE_NAMES[l] })} form={form} rows={8} maxlength={DESCRIPTION_MAX} lang={l} />
          ))}
        </fieldset>
        <ChoiceField name="kind" legend={t('pledges.fields.kind')} form={form} options={pledgeKinds.map((k) => ({ value: k, label: t(`pledges.kinds.${k}`) }))} />
        <fieldset>
          <legend>{t('pledges.fields.matches')}</legend>
          <p class="hint">{t('pledges.form.matchesHint')}</p>
          <TextField name="matches_ref" label={t('pledges.fields.matchesRef')} hint={t('pledges.form.matchesRefHint')} form={form} maxlength={20} />
          <TextField name="matches_external_id" label={t('pledges.fields.matchesExternalId')} form={form} maxlength={100} />
          <TextField name="matches_external_title" label={t('pledges.fields.matchesExternalTitle')} form={form} maxlength={300} />
        </fieldset>
        <ChoiceField name="forms" legend={t('pledges.fields.forms')} hint={t('pledges.form.formsHint')} form={form} options={pledgeForms.map((f) => ({ value: f, label: t(`pledges.forms.${f}`) }))} multiple />
        <ChoiceField name="objectives" legend={t('pledges.fields.objectives')} hint={t('pledges.form.objectivesHint')} form={form} options={opts.objectives} multiple />
        <ChoiceField name="principles" legend={t('pledges.fields.principles')} form={form} options={opts.principles} multiple columns />

        <h2>{t('pledges.form.where')}</h2>
        <ChoiceField name="scope" legend={t('pledges.fields.scope')} form={form} options={pledgeScopes.map((s) => ({ value: s, label: t(`pledges.scopes.${s}`) }))} />
        <ChoiceField name="countries" legend={t('pledges.fields.countries')} form={form} options={opts.countries} multiple />
        <fieldset>
          <legend>{t('pledges.fields.partners')}</legend>
          <p class="hint">{t('pledges.form.partnersHint')}</p>
          {Array.from({ length: PARTNER_ROWS }, (_, i) => (
            <div class="field-row">
              <TextField name={`partner_name_${i + 1}`} label={t('pledges.form.partnerName', { n: i + 1 })} form={form} maxlength={200} />
              <SelectField name={`partner_sector_${i + 1}`} label={t('pledges.form.partnerSector', { n: i + 1 })} form={form} empty="—" options={partnerSectors.map((s) => ({ value: s, label: t(`pledges.sectors.${s}`) }))} />
            </div>
          ))}
        </fieldset>

        <h2>{t('pledges.form.when')}</h2>
        <TextField name="starts_on" type="date" label={t('pledges.fields.startsOn')} form={form} />
        <TextField name="ends_on" type="date" label={t('pledges.fields.endsOn')} form={form} />

        <h2>{t('pledges.fields.attachment')}</h2>
        <div class={`field${form.errors.file ? ' has-error' : ''}`} id="f-file-field">
          <label for="f-file">{t('pledges.form.file')}</label>
          <span class="hint" id="f-file-hint">
            {t('pledges.form.fileHint')}
          </span>
          {form.errors.file ? (
            <span class="error-message" id="f-file-error">
              {form.errors.file}
            </span>
          ) : null}
          <input type="file" id="f-file" name="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp" aria-describedby={form.errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'} />
        </div>
        {p?.attachment ? <Checkbox name="remove_attachment" label={t('pledges.form.removeAttachment', { name: p.attachment.name })} form={form} /> : null}
        <Button>{t('pledges.form.save')}</Button>
      </Form>
    </>
  );
}
