/** @module Membership views: the application form ("adhesión") and the page after sending it. */
import { Form, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, Checkbox, Button, Notice, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { PASSWORD_MIN } from '../../../platform/auth/auth.js';
import { paths, elsewhere } from '../paths.js';
import { typeOptions, languageOptions } from './common.js';

export interface JoinOptions {
  countries: Option[];
  lac: Option[];
  objectives: Option[];
  principles: { name: string }[];
}

export function JoinPage(props: { form: FormState; options: JoinOptions; existing?: { slug: string; name: string; status: string } }) {
  const { t, locale: l, user } = useView();
  const { form, options, existing } = props;
  return (
    <>
      <h1>{t('membership.join.title')}</h1>
      <p class="lead">{t('membership.join.lead')}</p>
      <ErrorSummary errors={form.errors} />
      {existing ? (
        <Notice type="warning">
          <p>
            {existing.status === 'member' ? (
              <>
                {t('membership.join.existingMember')} <a href={paths.member.href(l, { slug: existing.slug })}>{existing.name}</a>
              </>
            ) : (
              t('membership.join.existingPending', { name: existing.name })
            )}
          </p>
        </Notice>
      ) : null}
      <Form action={paths.join.href(l)} keep>
        <h2>{t('membership.join.aboutOrg')}</h2>
        <TextField name="name" label={t('membership.fields.name')} form={form} maxlength={200} required autocomplete="organization" />
        <TextField name="acronym" label={`${t('membership.fields.acronym')} ${t('form.optional')}`} form={form} maxlength={30} />
        <SelectField name="country" label={t('membership.fields.country')} hint={t('membership.hints.country')} form={form} options={options.countries} empty={t('membership.fields.choose')} required />
        <ChoiceField name="countries" legend={t('membership.fields.countries')} hint={t('membership.hints.countries')} form={form} options={options.lac} multiple columns />
        <TextField name="city" label={`${t('membership.fields.city')} ${t('form.optional')}`} form={form} maxlength={120} />
        <SelectField name="type" label={t('membership.fields.type')} form={form} options={typeOptions(t)} empty={t('membership.fields.choose')} required />
        <ChoiceField name="objectives" legend={t('membership.fields.objectives')} hint={t('membership.hints.objectives')} form={form} options={options.objectives} multiple columns />
        <ChoiceField name="languages" legend={t('membership.fields.languages')} form={form} options={languageOptions(t)} multiple columns />
        <TextField name="website" type="url" label={`${t('membership.fields.website')} ${t('form.optional')}`} hint={t('membership.hints.website')} form={form} />
        <TextArea name="social" label={`${t('membership.fields.social')} ${t('form.optional')}`} hint={t('membership.hints.social')} form={form} rows={3} />
        <TextArea name="description" label={`${t('membership.fields.description')} ${t('form.optional')}`} hint={t('membership.hints.description')} form={form} rows={5} maxlength={3000} />
        <SelectField name="description_lang" label={t('membership.fields.descriptionLang')} form={form} options={LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }))} />
        <h2>{t('membership.join.aboutYou')}</h2>
        {user ? (
          <p>{t('membership.join.signedInAs', { name: user.name, email: user.email })}</p>
        ) : (
          <>
            <p>
              {t('membership.join.accountLead')} <a href={elsewhere.signIn.href(l, {}, { next: paths.join.href(l) })}>{t('membership.join.signInFirst')}</a>
            </p>
            <TextField name="person_name" label={t('auth.fields.name')} form={form} autocomplete="name" maxlength={120} required />
            <TextField name="email" type="email" label={t('auth.fields.email')} hint={t('auth.hints.email')} form={form} autocomplete="email" required spellcheck={false} />
            <TextField name="password" type="password" label={t('auth.fields.password')} hint={t('auth.hints.password', { min: PASSWORD_MIN })} form={form} autocomplete="new-password" required />
            <TextField name="confirm" type="password" label={t('auth.fields.confirm')} form={form} autocomplete="new-password" required />
          </>
        )}
        <TextField name="role_title" label={t('membership.fields.roleTitle')} hint={t('membership.hints.roleTitle')} form={form} maxlength={120} required />
        <h2>{t('membership.join.commitment')}</h2>
        <p>{t('membership.join.principlesLead')}</p>
        <ul class="small">
          {options.principles.map((p) => (
            <li>{p.name}</li>
          ))}
        </ul>
        <Checkbox name="accept_principles" label={t('membership.fields.acceptPrinciples')} form={form} />
        <Checkbox name="accept_terms" label={t('membership.fields.acceptTerms')} hint={t('membership.hints.terms')} form={form} />
        <div class="actions">
          <Button>{t('membership.join.submit')}</Button>
        </div>
      </Form>
    </>
  );
}

export function JoinSentPage(props: { email: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('membership.join.sent.title')}</h1>
      <p>{t('membership.join.sent.body', { email: props.email })}</p>
      <p class="muted">{t('membership.join.sent.next')}</p>
    </>
  );
}
