/** @module Membership views: an organization's own pages — the list of one's organizations, its page, profile form and invitations. */
import { Form, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, Button, Table, EmptyState, HistoryTable, Notice, TText, emptyForm, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { membershipPolicy, type OrgContext } from '../policy.js';
import type { OrganizationFull } from '../queries.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import { INVITATION_DAYS } from '../commands/people.js';
import { LOGO_MAX_BYTES } from '../commands/logo.js';
import { paths, elsewhere } from '../paths.js';
import { StatusBadge, typeOptions, languageOptions, publicFieldOptions } from './common.js';

export function MyOrganizationsPage(props: { orgs: { id: string; name: string; status: string }[] }) {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('membership.mine.title')}</h1>
      {props.orgs.length ? (
        <ul>
          {props.orgs.map((o) => (
            <li>
              <a href={paths.org.href(l, { id: o.id })}>{o.name}</a> <StatusBadge status={o.status} t={t} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('membership.mine.none')}</EmptyState>
      )}
      <p>
        <a href={paths.join.href(l)}>{t('membership.directory.join')}</a>
      </p>
    </>
  );
}

/** The forms on an organization's page, each with what was typed and its problems after a refused post. */
export interface OrgForms {
  leave?: FormState;
  invite?: FormState;
  people?: FormState;
  logo?: FormState;
}

export interface OrgPageData {
  org: OrganizationFull;
  ctx: OrgContext;
  people: { id: string; name: string; email: string; role_title: string | null; isRepresentative: boolean; isVoter: boolean }[];
  contacts: { name: string; role: string | null; email: string | null; phone: string | null }[];
  history: ReadItem[];
  invites: { email: string; expires_at: string }[];
  names: Map<string, string>;
  forms: OrgForms;
}

export function OrgPage(props: OrgPageData) {
  const { t, fmt, locale: l, user } = useView();
  const { org, ctx, people, contacts, history, invites, names, forms } = props;
  const can = (a: 'edit' | 'resubmit' | 'managePeople' | 'leave') => membershipPolicy.can(user, a, ctx);
  const errors = { ...forms.leave?.errors, ...forms.invite?.errors, ...forms.people?.errors, ...forms.logo?.errors };
  return (
    <>
      <h1>{org.name}</h1>
      <p>
        <StatusBadge status={org.status} t={t} /> {names.get(org.country) ?? org.country}
        {org.status === 'member' ? (
          <>
            {' · '}
            <a href={paths.member.href(l, { slug: org.slug })}>{t('membership.org.publicPage')}</a>
          </>
        ) : null}
        {membershipPolicy.can(user, 'administer') ? (
          <>
            {' · '}
            <a href={paths.review.href(l, { id: org.id })}>{t('membership.admin.reviewPage')}</a>
          </>
        ) : null}
      </p>
      <ErrorSummary errors={errors} />
      {org.status === 'applicant' ? <Notice>{t('membership.org.underReview')}</Notice> : null}
      {org.status === 'suspended' || org.status === 'withdrawn' || org.status === 'declined' ? (
        <Notice type="warning">
          <p>{t(`membership.org.${org.status}Notice`, { date: fmt.date(org.status_changed_at) })}</p>
          {org.status_reason ? <p>{t('membership.org.reason', { reason: org.status_reason })}</p> : null}
        </Notice>
      ) : null}
      {org.status === 'info_requested' ? (
        <Notice type="warning">
          <p>{t('membership.org.infoRequested')}</p>
          <blockquote>{org.info_request}</blockquote>
          {can('resubmit') ? (
            <>
              <p>
                <a href={paths.orgEdit.href(l, { id: org.id })}>{t('membership.org.edit')}</a>
              </p>
              <Form action={paths.orgResubmit.href(l, { id: org.id })}>
                <Button>{t('membership.org.resubmit')}</Button>
              </Form>
            </>
          ) : null}
        </Notice>
      ) : null}
      <h2>{t('membership.org.profile')}</h2>
      <p>{can('edit') ? <a href={paths.orgEdit.href(l, { id: org.id })}>{t('membership.org.edit')}</a> : null}</p>
      <dl>
        <dt>{t('membership.fields.type')}</dt>
        <dd>{t(`membership.types.${org.type}`)}</dd>
        <dt>{t('membership.fields.publicFields')}</dt>
        <dd>{fmt.list([...org.publicSet].map((f) => t(`membership.public.${f}`))) || '—'}</dd>
      </dl>
      {org.description ? <TText value={org.description} as="div" /> : null}
      {org.logo_file ? <img class="org-logo" src={paths.logo.href(l, { file: org.logo_file })} alt={t('membership.profile.logoOf', { name: org.name })} width={120} /> : null}
      {can('edit') ? (
        <Form action={paths.orgLogo.href(l, { id: org.id })} enctype="multipart/form-data">
          <div class={`field${forms.logo?.errors.logo ? ' has-error' : ''}`}>
            <label for="f-logo">{t('membership.fields.logo')}</label>
            <span class="hint" id="f-logo-hint">
              {t('membership.hints.logo', { mb: LOGO_MAX_BYTES / 1024 / 1024 })}
            </span>
            {forms.logo?.errors.logo ? (
              <span class="error-message" id="f-logo-error">
                {forms.logo.errors.logo}
              </span>
            ) : null}
            <input type="file" id="f-logo" name="logo" accept="image/png,image/jpeg,image/webp" aria-describedby="f-logo-hint" />
          </div>
          <Button variant="secondary">{t('membership.org.uploadLogo')}</Button>
        </Form>
      ) : null}
      <h2>{t('membership.org.contacts')}</h2>
      {contacts.length ? (
        <ul>
          {contacts.map((p) => (
            <li>
              {p.name}
              {p.role ? ` (${p.role})` : ''} {p.email ? `· ${p.email}` : ''} {p.phone ? `· ${p.phone}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('membership.org.noContacts')}</p>
      )}
      <h2>{t('membership.org.people')}</h2>
      {can('managePeople') ? (
        <Form action={paths.orgPeople.href(l, { id: org.id })}>
          <Table
            caption={t('membership.org.people')}
            captionHidden
            head={[t('auth.fields.name'), t('membership.fields.roleTitle'), t('membership.org.representative'), t('membership.org.voter')]}
            rows={people.map((p, i) => [
              <>
                {p.name} <span class="muted small">{p.email}</span>
              </>,
              p.role_title ?? '—',
              <>
                <input type="checkbox" id={`rep-${i}`} name="representatives" value={p.id} checked={p.isRepresentative} />
                <label for={`rep-${i}`} class="visually-hidden">
                  {t('membership.org.representativeOf', { name: p.name })}
                </label>
              </>,
              <>
                <input type="radio" id={`vot-${i}`} name="voter" value={p.id} checked={p.isVoter} />
                <label for={`vot-${i}`} class="visually-hidden">
                  {t('membership.org.voterOf', { name: p.name })}
                </label>
              </>,
            ])}
          />
          <p class="hint">{t('membership.hints.voter')}</p>
          <Button variant="secondary">{t('membership.org.savePeople')}</Button>
        </Form>
      ) : (
        <Table
          caption={t('membership.org.people')}
          captionHidden
          head={[t('auth.fields.name'), t('membership.fields.roleTitle'), t('membership.org.roles')]}
          rows={people.map((p) => [p.name, p.role_title ?? '—', [p.isRepresentative ? t('membership.org.representative') : '', p.isVoter ? t('membership.org.voter') : ''].filter(Boolean).join(', ') || '—'])}
        />
      )}
      {can('managePeople') ? (
        <>
          <h2>{t('membership.org.invite')}</h2>
          <p>{t('membership.org.inviteLead', { days: INVITATION_DAYS })}</p>
          <Form action={paths.orgInvitations.href(l, { id: org.id })}>
            <TextField name="email" type="email" label={t('auth.fields.email')} form={forms.invite ?? emptyForm()} autocomplete="off" spellcheck={false} />
            <Button variant="secondary">{t('membership.org.sendInvite')}</Button>
          </Form>
          {invites.length ? (
            <Table caption={t('membership.org.openInvites')} head={[t('auth.fields.email'), t('membership.org.expires')]} rows={invites.map((i) => [i.email, fmt.dateTime(i.expires_at)])} />
          ) : null}
        </>
      ) : null}
      {can('leave') ? (
        <>
          <h2>{t('membership.org.leave')}</h2>
          <p>{t('membership.org.leaveLead')}</p>
          <Form action={paths.orgLeave.href(l, { id: org.id })}>
            <TextArea name="reason" label={t('membership.fields.reason')} form={forms.leave ?? emptyForm()} rows={3} maxlength={2000} />
            <Button variant="danger">{t('membership.org.leaveSubmit')}</Button>
          </Form>
        </>
      ) : null}
      <h2>{t('membership.history.title')}</h2>
      <OrgHistory items={history} />
    </>
  );
}

/** The organization's membership history: each step as a sentence, with its note and the fields it changed. */
export function OrgHistory(props: { items: ReadItem[] }) {
  const { t } = useView();
  const field = (k: string) => {
    const lang = /^description_(\w+)$/.exec(k)?.[1];
    const key = lang ? 'membership.fields.descriptionIn' : `membership.fields.${k}`;
    const label = t(key, lang ? { language: t(`languageNames.${lang}`) } : {});
    return label === key ? null : label;
  };
  return (
    <HistoryTable
      items={props.items}
      caption={t('membership.history.title')}
      captionHidden
      empty={t('membership.history.none')}
      detail={(h) => {
        const changes = Array.isArray(h.data.changes) ? h.data.changes.map((k) => field(String(k))).filter(Boolean).join(', ') : '';
        return [h.note, changes].filter(Boolean).join(' · ');
      }}
    />
  );
}

export interface EditOptions {
  countries: Option[];
  lac: Option[];
  objectives: Option[];
}

export function EditPage(props: { org: OrganizationFull; form: FormState; options: EditOptions }) {
  const { t, locale: l } = useView();
  const { org, form, options } = props;
  return (
    <>
      <h1>{t('membership.edit.title', { name: org.name })}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.orgEdit.href(l, { id: org.id })} keep>
        <TextField name="name" label={t('membership.fields.name')} form={form} maxlength={200} required />
        <TextField name="acronym" label={`${t('membership.fields.acronym')} ${t('form.optional')}`} form={form} maxlength={30} />
        <SelectField name="country" label={t('membership.fields.country')} form={form} options={options.countries} required />
        <ChoiceField name="countries" legend={t('membership.fields.countries')} form={form} options={options.lac} multiple columns />
        <TextField name="city" label={`${t('membership.fields.city')} ${t('form.optional')}`} form={form} maxlength={120} />
        <SelectField name="type" label={t('membership.fields.type')} form={form} options={typeOptions(t)} required />
        <ChoiceField name="objectives" legend={t('membership.fields.objectives')} form={form} options={options.objectives} multiple columns />
        <ChoiceField name="languages" legend={t('membership.fields.languages')} form={form} options={languageOptions(t)} multiple columns />
        <TextField name="website" type="url" label={`${t('membership.fields.website')} ${t('form.optional')}`} form={form} />
        <TextArea name="social" label={`${t('membership.fields.social')} ${t('form.optional')}`} hint={t('membership.hints.social')} form={form} rows={3} />
        {LOCALES.map((x) => (
          <TextArea name={`description_${x}`} label={t('membership.fields.descriptionIn', { language: t(`languageNames.${x}`) })} form={form} rows={4} maxlength={3000} lang={x} />
        ))}
        <h2>{t('membership.org.contacts')}</h2>
        <p class="hint">{t('membership.hints.contacts')}</p>
        <TextField name="contact_name" label={`${t('membership.fields.contactName')} ${t('form.optional')}`} form={form} maxlength={120} />
        <TextField name="contact_email" type="email" label={`${t('auth.fields.email')} ${t('form.optional')}`} form={form} />
        <TextField name="contact_phone" label={`${t('membership.fields.contactPhone')} ${t('form.optional')}`} form={form} maxlength={40} />
        <TextField name="contact_role" label={`${t('membership.fields.roleTitle')} ${t('form.optional')}`} form={form} maxlength={120} />
        <h2>{t('membership.fields.publicFields')}</h2>
        <ChoiceField name="public_fields" legend={t('membership.fields.publicFields')} hint={t('membership.hints.publicFields')} form={form} options={publicFieldOptions(t)} multiple columns />
        <div class="actions">
          <Button>{t('form.save')}</Button>
          <a href={paths.org.href(l, { id: org.id })}>{t('form.cancel')}</a>
        </div>
      </Form>
    </>
  );
}

export function InvitationPage(props: { token: string; name: string }) {
  const { t, locale: l, user } = useView();
  return (
    <>
      <h1>{t('membership.invite.title', { name: props.name })}</h1>
      {user ? (
        <Form action={paths.invitation.href(l, { token: props.token })}>
          <p>{t('membership.invite.lead', { name: props.name })}</p>
          <Button>{t('membership.invite.accept')}</Button>
        </Form>
      ) : (
        <p>
          {t('membership.invite.signIn')} <a href={elsewhere.signIn.href(l, {}, { next: paths.invitation.href(l, { token: props.token }) })}>{t('nav.signIn')}</a> ·{' '}
          <a href={elsewhere.signUp.href(l)}>{t('nav.signUp')}</a>
        </p>
      )}
    </>
  );
}

/** An invitation that cannot be used; `reason` is the message key saying why. */
export function InvalidInvitationPage(props: { reason: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('membership.invite.invalidTitle')}</h1>
      <p>{t(props.reason)}</p>
    </>
  );
}
