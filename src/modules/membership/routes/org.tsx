/** @module Membership: pages of an organization's own people — its page, profile, logo, people, invitations, leaving. */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../../platform/http/env.js';
import { readForm, validate } from '../../../platform/http/forms.js';
import { redirectWith } from '../../../platform/http/flash.js';
import { requireUser, authorize } from '../../../platform/authz/authz.js';
import {
  Form,
  ErrorSummary,
  TextField,
  TextArea,
  SelectField,
  ChoiceField,
  Button,
  Table,
  EmptyState,
  Notice,
  TText,
  emptyForm,
  type FormState,
} from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { parseTranslated } from '../../../platform/i18n/translated.js';
import { countryNames } from '../../../platform/reference/queries.js';
import { listBodies } from '../../bodies/index.js';
import { ProfileSchema, ReasonSchema, InviteSchema, PeopleSchema } from '../schemas.js';
import { membershipPolicy, type OrgContext } from '../policy.js';

/** What the people of an organization (or an administrator) do on its private pages. */
type OrgAction = 'view' | 'edit' | 'resubmit' | 'managePeople' | 'leave';
import { getOrganizationFull, isPersonOf, peopleOf, contactsOf, historyOf, openInvitations, type OrganizationFull } from '../queries.js';
import { organizationsOfUser } from '../index.js';
import { updateProfile } from '../commands/profile.js';
import { transition } from '../commands/lifecycle.js';
import { createInvitation, findInvitation, acceptInvitation, setPeopleRoles, INVITATION_DAYS } from '../commands/people.js';
import { recordStep } from '../commands/history.js';
import { useView } from '../../../platform/views/context.js';
import { storeLogo, removeLogo, LOGO_MAX_BYTES } from '../commands/logo.js';
import { countryOptions, lacOptions, typeOptions, languageOptions, objectiveOptions, publicFieldOptions, StatusBadge } from '../views/common.js';

export const orgRoutes = new Hono<AppEnv>({ strict: false });

const ORG = '/organizations/:id{[0-9a-z]{16}}';

/** Loads the organization and the actor's relation to it (404 when unknown). */
export async function loadOrg(c: Context<AppEnv>): Promise<{ org: OrganizationFull; ctx: OrgContext } | null> {
  const { db } = c.get('deps');
  const org = await getOrganizationFull(db, { id: c.req.param('id') });
  if (!org) return null;
  return { org, ctx: { status: org.status, isPerson: await isPersonOf(db, c.get('user')?.id, org.id) } };
}

/** Requires a signed-in user, loads the organization (null when unknown: answer 404) and authorizes `action` on it. */
async function loadOrgFor(c: Context<AppEnv>, action: OrgAction): Promise<{ user: CurrentUser; org: OrganizationFull; ctx: OrgContext } | null> {
  const user = requireUser(c);
  const found = await loadOrg(c);
  if (!found) return null;
  authorize(c, membershipPolicy.can(user, action, found.ctx));
  return { user, ...found };
}

orgRoutes.get('/my/organizations', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const l = c.get('locale');
  const orgs = await organizationsOfUser(c.get('deps').db, user.id);
  return c.render(
    <>
      <h1>{t('membership.mine.title')}</h1>
      {orgs.length ? (
        <ul>
          {orgs.map((o) => (
            <li>
              <a href={`/${l}/organizations/${o.id}`}>{o.name}</a> <StatusBadge status={o.status} t={t} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('membership.mine.none')}</EmptyState>
      )}
      <p>
        <a href={`/${l}/join`}>{t('membership.directory.join')}</a>
      </p>
    </>,
    { title: t('membership.mine.title'), noindex: true },
  );
});

orgRoutes.get(ORG, async (c) => {
  const found = await loadOrgFor(c, 'view');
  if (!found) return c.notFound();
  return renderOrg(c, found.org, found.ctx);
});

async function renderOrg(c: Context<AppEnv>, org: OrganizationFull, ctx: OrgContext, forms: { leave?: FormState; invite?: FormState; people?: FormState; logo?: FormState } = {}, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const user = c.get('user');
  const { db } = c.get('deps');
  const can = (a: 'edit' | 'resubmit' | 'managePeople' | 'leave' | 'review') => membershipPolicy.can(user, a, ctx);
  const [people, contacts, history, invites, names] = await Promise.all([peopleOf(db, org.id), contactsOf(db, org.id), historyOf(db, org.id), openInvitations(db, org.id), countryNames(db, l)]);
  const errors = { ...forms.leave?.errors, ...forms.invite?.errors, ...forms.people?.errors, ...forms.logo?.errors };
  c.status(status as any);
  return c.render(
    <>
      <h1>{org.name}</h1>
      <p>
        <StatusBadge status={org.status} t={t} /> {names.get(org.country) ?? org.country}
        {org.status === 'member' ? (
          <>
            {' · '}
            <a href={`/${l}/members/${org.slug}`}>{t('membership.org.publicPage')}</a>
          </>
        ) : null}
        {membershipPolicy.can(user, 'administer') ? (
          <>
            {' · '}
            <a href={`/${l}/admin/organizations/${org.id}`}>{t('membership.admin.reviewPage')}</a>
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
                <a href={`/${l}/organizations/${org.id}/edit`}>{t('membership.org.edit')}</a>
              </p>
              <Form action={`/${l}/organizations/${org.id}/resubmit`}>
                <Button>{t('membership.org.resubmit')}</Button>
              </Form>
            </>
          ) : null}
        </Notice>
      ) : null}
      <h2>{t('membership.org.profile')}</h2>
      <p>
        {can('edit') ? <a href={`/${l}/organizations/${org.id}/edit`}>{t('membership.org.edit')}</a> : null}
      </p>
      <dl>
        <dt>{t('membership.fields.type')}</dt>
        <dd>{t(`membership.types.${org.type}`)}</dd>
        <dt>{t('membership.fields.publicFields')}</dt>
        <dd>{fmt.list([...org.publicSet].map((f) => t(`membership.public.${f}`))) || '—'}</dd>
      </dl>
      {org.description ? <TText value={org.description} as="div" /> : null}
      {org.logo_file ? <img class="org-logo" src={`/${l}/logos/${org.logo_file}`} alt={t('membership.profile.logoOf', { name: org.name })} width={120} /> : null}
      {can('edit') ? (
        <Form action={`/${l}/organizations/${org.id}/logo`} enctype="multipart/form-data">
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
        <Form action={`/${l}/organizations/${org.id}/people`}>
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
          <Form action={`/${l}/organizations/${org.id}/invitations`}>
            <TextField name="email" type="email" label={t('auth.fields.email')} form={forms.invite ?? emptyForm()} autocomplete="off" spellcheck={false} />
            <Button variant="secondary">{t('membership.org.sendInvite')}</Button>
          </Form>
          {invites.length ? (
            <Table
              caption={t('membership.org.openInvites')}
              head={[t('auth.fields.email'), t('membership.org.expires')]}
              rows={invites.map((i) => [i.email, fmt.dateTime(i.expires_at)])}
            />
          ) : null}
        </>
      ) : null}
      {can('leave') ? (
        <>
          <h2>{t('membership.org.leave')}</h2>
          <p>{t('membership.org.leaveLead')}</p>
          <Form action={`/${l}/organizations/${org.id}/leave`}>
            <TextArea name="reason" label={t('membership.fields.reason')} form={forms.leave ?? emptyForm()} rows={3} maxlength={2000} />
            <Button variant="danger">{t('membership.org.leaveSubmit')}</Button>
          </Form>
        </>
      ) : null}
      <h2>{t('membership.history.title')}</h2>
      <HistoryTable rows={history} />
    </>,
    { title: org.name, noindex: true, crumbs: [[t('membership.mine.title'), '/my/organizations']] },
  );
}

export function HistoryTable(props: { rows: Awaited<ReturnType<typeof historyOf>> }) {
  const { t, fmt } = useView();
  if (!props.rows.length) return <EmptyState>{t('membership.history.none')}</EmptyState>;
  return (
    <Table
      caption={t('membership.history.title')}
      captionHidden
      head={[t('membership.history.when'), t('membership.history.who'), t('membership.history.what'), t('membership.history.note')]}
      rows={props.rows.map((h) => {
        let changes = '';
        try {
          const v = h.changes ? JSON.parse(h.changes) : null;
          if (Array.isArray(v)) changes = v.join(', ');
        } catch {
          /* ignore */
        }
        return [
          fmt.dateTime(h.at),
          h.actor_name ?? t('membership.history.system'),
          <>
            {t(`membership.history.actions.${h.action}`)}
            {h.to_status ? <> → {t(`membership.status.${h.to_status}`)}</> : null}
          </>,
          [h.note, changes].filter(Boolean).join(' · ') || '—',
        ];
      })}
    />
  );
}

// ---- Profile ------------------------------------------------------------------------------------------------
function profileValues(org: OrganizationFull, contact?: { name: string; email: string | null; phone: string | null; role: string | null }): FormState['values'] {
  const d = parseTranslated(org.description);
  return {
    name: org.name,
    acronym: org.acronym ?? '',
    country: org.country,
    countries: org.countries,
    city: org.city ?? '',
    type: org.type,
    objectives: org.objectives.map(String),
    languages: org.languageList,
    website: org.website ?? '',
    social: org.socialList.join('\n'),
    description_es: d.es ?? '',
    description_en: d.en ?? '',
    description_pt: d.pt ?? '',
    description_fr: d.fr ?? '',
    bodies: org.bodyIds,
    public_fields: [...org.publicSet],
    contact_name: contact?.name ?? '',
    contact_email: contact?.email ?? '',
    contact_phone: contact?.phone ?? '',
    contact_role: contact?.role ?? '',
  };
}

orgRoutes.get(`${ORG}/edit`, async (c) => {
  const found = await loadOrgFor(c, 'edit');
  if (!found) return c.notFound();
  const contacts = await contactsOf(c.get('deps').db, found.org.id);
  return renderEdit(c, found.org, emptyForm(profileValues(found.org, contacts[0])));
});

orgRoutes.post(`${ORG}/edit`, async (c) => {
  const found = await loadOrgFor(c, 'edit');
  if (!found) return c.notFound();
  const { user } = found;
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const v = validate(ProfileSchema, values, t);
  if (!v.ok) return renderEdit(c, found.org, { values, errors: v.errors }, 422);
  const { db } = c.get('deps');
  const known = new Set((await countryOptions(db, l, t)).map((o) => o.value));
  if (!known.has(v.data.country)) return renderEdit(c, found.org, { values, errors: { country: t('form.error.choice') } }, 422);
  const bodyIds = new Set((await listBodies(db)).map((b) => b.id));
  if (v.data.bodies.some((b) => !bodyIds.has(b))) return renderEdit(c, found.org, { values, errors: { bodies: t('form.error.choice') } }, 422);
  const out = await db.transaction().execute((trx) => updateProfile(trx, user, found.org.id, v.data));
  if (!out.ok) return renderEdit(c, found.org, { values, errors: { name: t('membership.errors.duplicate', { name: out.existing?.name ?? '' }) } }, 409);
  return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'success', key: 'membership.flash.saved' });
});

async function renderEdit(c: Context<AppEnv>, org: OrganizationFull, form: FormState, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const [countries, lac, objectives, bodies] = await Promise.all([countryOptions(db, l, t), lacOptions(db, l), objectiveOptions(db, l, t), listBodies(db)]);
  const bodyOpts = bodies.map((b) => ({ value: b.id, label: parseTranslated(b.name)[l] ?? parseTranslated(b.name).es ?? b.slug }));
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('membership.edit.title', { name: org.name })}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/organizations/${org.id}/edit`}>
        <TextField name="name" label={t('membership.fields.name')} form={form} maxlength={200} required />
        <TextField name="acronym" label={`${t('membership.fields.acronym')} ${t('form.optional')}`} form={form} maxlength={30} />
        <SelectField name="country" label={t('membership.fields.country')} form={form} options={countries} required />
        <ChoiceField name="countries" legend={t('membership.fields.countries')} form={form} options={lac} multiple columns />
        <TextField name="city" label={`${t('membership.fields.city')} ${t('form.optional')}`} form={form} maxlength={120} />
        <SelectField name="type" label={t('membership.fields.type')} form={form} options={typeOptions(t)} required />
        <ChoiceField name="objectives" legend={t('membership.fields.objectives')} form={form} options={objectives} multiple columns />
        <ChoiceField name="bodies" legend={t('membership.fields.bodies')} form={form} options={bodyOpts} multiple />
        <ChoiceField name="languages" legend={t('membership.fields.languages')} form={form} options={languageOptions(t)} multiple columns />
        <TextField name="website" type="url" label={`${t('membership.fields.website')} ${t('form.optional')}`} form={form} />
        <TextArea name="social" label={`${t('membership.fields.social')} ${t('form.optional')}`} hint={t('membership.hints.social')} form={form} rows={3} />
        {LOCALES.map((x) => (
          <TextArea name={`description_${x}`} label={t('membership.fields.descriptionIn', { language: LOCALE_NAMES[x] })} form={form} rows={4} maxlength={3000} lang={x} />
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
          <a href={`/${l}/organizations/${org.id}`}>{t('form.cancel')}</a>
        </div>
      </Form>
    </>,
    { title: t('membership.edit.title', { name: org.name }), noindex: true },
  );
}

orgRoutes.post(`${ORG}/logo`, async (c) => {
  const found = await loadOrgFor(c, 'edit');
  if (!found) return c.notFound();
  const { user } = found;
  const t = c.get('t');
  const l = c.get('locale');
  const { db, config } = c.get('deps');
  const body = await c.req.parseBody();
  const out = await storeLogo(config.dataDir, body.logo);
  if (!out.ok) return renderOrg(c, found.org, found.ctx, { logo: { values: {}, errors: { logo: t(`membership.errors.logo.${out.reason}`, { mb: LOGO_MAX_BYTES / 1024 / 1024 }) } } }, 422);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('organizations').set({ logo_file: out.file, updated_at: new Date().toISOString() }).where('id', '=', found.org.id).execute();
    await recordStep(trx, { orgId: found.org.id, actorId: user.id, action: 'profile_updated', changes: ['logo'] });
  });
  await removeLogo(config.dataDir, found.org.logo_file);
  return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'success', key: 'membership.flash.logoSaved' });
});

orgRoutes.post(`${ORG}/resubmit`, async (c) => {
  const found = await loadOrgFor(c, 'resubmit');
  if (!found) return c.notFound();
  const { user } = found;
  const l = c.get('locale');
  const { db, mailer, config } = c.get('deps');
  const out = await db.transaction().execute((trx) => transition(trx, user, found.org.id, 'resubmit'));
  if (!out.ok) return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'error', key: 'membership.flash.wrongStatus' });
  const t = c.get('t');
  await mailer.send({
    to: config.adminEmail,
    kind: 'membership-resubmitted',
    subject: t('membership.mail.resubmitted.subject', { name: found.org.name }),
    text: t('membership.mail.resubmitted.body', { name: found.org.name, url: `${config.baseUrl}/${l}/admin/organizations/${found.org.id}` }),
  });
  return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'success', key: 'membership.flash.resubmitted' });
});

orgRoutes.post(`${ORG}/leave`, async (c) => {
  const found = await loadOrgFor(c, 'leave');
  if (!found) return c.notFound();
  const { user } = found;
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const v = validate(ReasonSchema, values, t);
  if (!v.ok) return renderOrg(c, found.org, found.ctx, { leave: { values, errors: v.errors } }, 422);
  const { db } = c.get('deps');
  const out = await db.transaction().execute((trx) => transition(trx, user, found.org.id, 'leave', v.data.reason));
  if (!out.ok) return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'error', key: 'membership.flash.wrongStatus' });
  return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'success', key: 'membership.flash.left' });
});

orgRoutes.post(`${ORG}/people`, async (c) => {
  const found = await loadOrgFor(c, 'managePeople');
  if (!found) return c.notFound();
  const { user } = found;
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const v = validate(PeopleSchema, values, t);
  const { db } = c.get('deps');
  const out = v.ok ? await db.transaction().execute((trx) => setPeopleRoles(trx, user, found.org.id, v.data.representatives, v.data.voter)) : { ok: false as const, reason: 'voter_required' };
  if (!out.ok) return renderOrg(c, found.org, found.ctx, { people: { values, errors: { voter: t(`membership.errors.${out.reason === 'voter_required' ? 'voterRequired' : 'notAPerson'}`) } } }, 422);
  return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'success', key: 'membership.flash.peopleSaved' });
});

orgRoutes.post(`${ORG}/invitations`, async (c) => {
  const found = await loadOrgFor(c, 'managePeople');
  if (!found) return c.notFound();
  const { user } = found;
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const v = validate(InviteSchema, values, t);
  if (!v.ok) return renderOrg(c, found.org, found.ctx, { invite: { values, errors: v.errors } }, 422);
  const { db, mailer, config } = c.get('deps');
  const out = await db.transaction().execute((trx) => createInvitation(trx, user, found.org.id, v.data.email));
  if (!out.ok) return c.notFound();
  await mailer.send({
    to: v.data.email,
    kind: 'membership-invitation',
    secret: true,
    subject: t('membership.mail.invitation.subject', { name: found.org.name }),
    text: t('membership.mail.invitation.body', { name: found.org.name, inviter: user.name, days: INVITATION_DAYS, url: `${config.baseUrl}/${l}/invitations/${out.token}` }),
  });
  return redirectWith(c, `/${l}/organizations/${found.org.id}`, { type: 'success', key: 'membership.flash.invited', params: { email: v.data.email } });
});

// ---- Accepting an invitation -----------------------------------------------------------------------------------
const INVITE = '/invitations/:token{[A-Za-z0-9_-]{20,64}}';

/** The page for an invitation that cannot be used: 404 when unknown, 410 when expired, used or its organization inactive. */
function renderInvalidInvite(c: Context<AppEnv>, state: string) {
  const t = c.get('t');
  c.status(state === 'unknown' ? 404 : 410);
  return c.render(
    <>
      <h1>{t('membership.invite.invalidTitle')}</h1>
      <p>{t(`membership.invite.${state}`)}</p>
    </>,
    { title: t('membership.invite.invalidTitle'), noindex: true },
  );
}

orgRoutes.get(INVITE, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const token = c.req.param('token');
  const found = await findInvitation(c.get('deps').db, token);
  const user = c.get('user');
  if (found.state !== 'valid') return renderInvalidInvite(c, found.state);
  return c.render(
    <>
      <h1>{t('membership.invite.title', { name: found.inv.name })}</h1>
      {user ? (
        <Form action={`/${l}/invitations/${token}`}>
          <p>{t('membership.invite.lead', { name: found.inv.name })}</p>
          <Button>{t('membership.invite.accept')}</Button>
        </Form>
      ) : (
        <p>
          {t('membership.invite.signIn')} <a href={`/${l}/sign-in?next=${encodeURIComponent(`/${l}/invitations/${token}`)}`}>{t('nav.signIn')}</a> ·{' '}
          <a href={`/${l}/sign-up`}>{t('nav.signUp')}</a>
        </p>
      )}
    </>,
    { title: t('membership.invite.title', { name: found.inv.name }), noindex: true },
  );
});

orgRoutes.post(INVITE, async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const l = c.get('locale');
  const out = await c.get('deps').db.transaction().execute((trx) => acceptInvitation(trx, user, c.req.param('token')));
  if (!out.ok) return renderInvalidInvite(c, out.reason);
  return redirectWith(c, `/${l}/organizations/${out.orgId}`, { type: 'success', key: 'membership.flash.joined' });
});

