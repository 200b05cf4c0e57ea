/** @module Membership: pages of an organization's own people — its page, profile, logo, people, invitations, leaving. */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../../platform/http/env.js';
import { action } from '../../../platform/http/action.js';
import { requireUser, authorize } from '../../../platform/authz/authz.js';
import { fail } from '../../../platform/outcome.js';
import { emptyForm, type FormState } from '../../../platform/views/components.js';
import { parseTranslated } from '../../../platform/i18n/translated.js';
import { countryNames } from '../../../platform/reference/queries.js';
import { ProfileSchema, ReasonSchema, InviteSchema, PeopleSchema } from '../schemas.js';
import { membershipPolicy, type OrgContext } from '../policy.js';
import { getOrganizationFull, isPersonOf, peopleOf, contactsOf, openInvitations, type OrganizationFull } from '../queries.js';
import { organizationsOfUser } from '../index.js';
import { updateProfile } from '../commands/profile.js';
import { transition } from '../commands/lifecycle.js';
import { createInvitation, findInvitation, acceptInvitation, setPeopleRoles } from '../commands/people.js';
import { readOrgHistory } from '../commands/history.js';
import { mailContext } from '../commands/mail.js';
import { setLogo, removeLogo } from '../commands/logo.js';
import { countryOptions, lacOptions, objectiveChoices } from '../views/common.js';
import { MyOrganizationsPage, OrgPage, EditPage, InvitationPage, InvalidInvitationPage, type OrgForms } from '../views/org.js';
import { paths } from '../paths.js';

export const orgRoutes = new Hono<AppEnv>({ strict: false });

/** An organization and the actor's relation to it. */
export interface LoadedOrg {
  org: OrganizationFull;
  ctx: OrgContext;
}

/** Loads the organization of the URL and the actor's relation to it (null when unknown: 404). */
export async function loadOrg(c: Context<AppEnv>): Promise<LoadedOrg | null> {
  const { db } = c.get('deps');
  const org = await getOrganizationFull(db, { id: c.req.param('id') });
  if (!org) return null;
  return { org, ctx: { status: org.status, isPerson: await isPersonOf(db, c.get('user')?.id, org.id) } };
}

/** A GET of an organization's private page: signed in (401) → the organization (404) → the rule (403). */
async function orgPage(c: Context<AppEnv>, rule: 'view' | 'edit'): Promise<(LoadedOrg & { user: CurrentUser }) | null> {
  const user = requireUser(c);
  const found = await loadOrg(c);
  if (!found) return null;
  authorize(c, membershipPolicy.can(user, rule, found.ctx));
  return { user, ...found };
}

/** Back to the organization's page with a flash. */
const toOrg = (locale: Parameters<typeof paths.org.href>[0], s: LoadedOrg, flash: string) => ({ to: paths.org.href(locale, { id: s.org.id }), flash });
const backToOrg = ({ subject, locale }: { subject: LoadedOrg; locale: Parameters<typeof paths.org.href>[0] }) => paths.org.href(locale, { id: subject.org.id });

orgRoutes.get(paths.mine.pattern, async (c) => {
  const user = requireUser(c);
  authorize(c, membershipPolicy.can(user, 'haveOrganizations'));
  const orgs = await organizationsOfUser(c.get('deps').db, user.id);
  return c.render(<MyOrganizationsPage orgs={orgs} />, { title: c.get('t')('membership.mine.title'), noindex: true });
});

orgRoutes.get(paths.org.pattern, async (c) => {
  const found = await orgPage(c, 'view');
  if (!found) return c.notFound();
  return renderOrg(c, found);
});

/** The organization's page, with the forms' problems after a refused post (status set by the caller). */
async function renderOrg(c: Context<AppEnv>, found: LoadedOrg, forms: OrgForms = {}) {
  const { org, ctx } = found;
  const t = c.get('t');
  const { db } = c.get('deps');
  const [people, contacts, history, invites, names] = await Promise.all([peopleOf(db, org.id), contactsOf(db, org.id), readOrgHistory(db, c.get('deps').modules, c.get('locale'), t, org.id), openInvitations(db, org.id), countryNames(db, c.get('locale'))]);
  return c.render(<OrgPage org={org} ctx={ctx} people={people} contacts={contacts} history={history} invites={invites} names={names} forms={forms} />, {
    title: org.name,
    noindex: true,
    crumbs: [[t('membership.mine.title'), paths.mine.pattern]],
  });
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
    public_fields: [...org.publicSet],
    contact_name: contact?.name ?? '',
    contact_email: contact?.email ?? '',
    contact_phone: contact?.phone ?? '',
    contact_role: contact?.role ?? '',
  };
}

orgRoutes.get(paths.orgEdit.pattern, async (c) => {
  const found = await orgPage(c, 'edit');
  if (!found) return c.notFound();
  const contacts = await contactsOf(c.get('deps').db, found.org.id);
  return renderEdit(c, found.org, emptyForm(profileValues(found.org, contacts[0])));
});

orgRoutes.post(
  paths.orgEdit.pattern,
  action({
    load: loadOrg,
    allow: (actor, s) => membershipPolicy.can(actor, 'edit', s.ctx),
    input: ProfileSchema,
    run: async (trx, { actor, subject, input, locale, t }) => {
      const known = new Set((await countryOptions(trx, locale, t)).map((o) => o.value));
      if (!known.has(input.country)) return fail('form.error.choice', { field: 'country' });
      return updateProfile(trx, actor, subject.org.id, input);
    },
    form: (c, { subject, form }) => renderEdit(c, subject.org, form),
    done: ({ locale, subject }) => toOrg(locale, subject, 'membership.flash.saved'),
  }),
);

async function renderEdit(c: Context<AppEnv>, org: OrganizationFull, form: FormState) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const [countries, lac, objectives] = await Promise.all([countryOptions(db, l, t), lacOptions(db, l, t), objectiveChoices(db, l, t)]);
  return c.render(<EditPage org={org} form={form} options={{ countries, lac, objectives }} />, { title: t('membership.edit.title', { name: org.name }), noindex: true });
}

orgRoutes.post(
  paths.orgLogo.pattern,
  action({
    load: loadOrg,
    allow: (actor, s) => membershipPolicy.can(actor, 'edit', s.ctx),
    run: async (trx, { c, deps, actor, subject }) => setLogo(trx, deps.config.dataDir, actor, subject.org.id, (await c.req.parseBody()).logo),
    after: ({ deps, value }) => removeLogo(deps.config.dataDir, value.previous),
    form: (c, { subject, form }) => renderOrg(c, subject, { logo: form }),
    done: ({ locale, subject }) => toOrg(locale, subject, 'membership.flash.logoSaved'),
  }),
);

orgRoutes.post(
  paths.orgResubmit.pattern,
  action({
    load: loadOrg,
    allow: (actor, s) => membershipPolicy.can(actor, 'resubmit', s.ctx),
    run: (trx, { deps, actor, subject }) => transition(trx, mailContext(deps), actor, subject.org.id, 'resubmit'),
    back: backToOrg,
    done: ({ locale, subject }) => toOrg(locale, subject, 'membership.flash.resubmitted'),
  }),
);

orgRoutes.post(
  paths.orgLeave.pattern,
  action({
    load: loadOrg,
    allow: (actor, s) => membershipPolicy.can(actor, 'leave', s.ctx),
    input: ReasonSchema,
    run: (trx, { deps, actor, subject, input }) => transition(trx, mailContext(deps), actor, subject.org.id, 'leave', input.reason),
    form: (c, { subject, form }) => renderOrg(c, subject, { leave: form }),
    done: ({ locale, subject }) => toOrg(locale, subject, 'membership.flash.left'),
  }),
);

orgRoutes.post(
  paths.orgPeople.pattern,
  action({
    load: loadOrg,
    allow: (actor, s) => membershipPolicy.can(actor, 'managePeople', s.ctx),
    input: PeopleSchema,
    run: (trx, { actor, subject, input }) => setPeopleRoles(trx, actor, subject.org.id, input.representatives, input.voter),
    form: (c, { subject, form }) => renderOrg(c, subject, { people: form }),
    done: ({ locale, subject }) => toOrg(locale, subject, 'membership.flash.peopleSaved'),
  }),
);

orgRoutes.post(
  paths.orgInvitations.pattern,
  action({
    load: loadOrg,
    allow: (actor, s) => membershipPolicy.can(actor, 'managePeople', s.ctx),
    input: InviteSchema,
    run: (trx, { deps, actor, subject, input, locale }) => createInvitation(trx, mailContext(deps), actor, subject.org.id, input.email, { locale }),
    form: (c, { subject, form }) => renderOrg(c, subject, { invite: form }),
    done: ({ locale, subject, input }) => ({ to: paths.org.href(locale, { id: subject.org.id }), flash: { type: 'success', key: 'membership.flash.invited', params: { email: input.email } } }),
  }),
);

// ---- Accepting an invitation -----------------------------------------------------------------------------------
/** The page for an invitation that cannot be used: 404 when unknown, 410 when expired, used or its organization inactive. */
function renderInvalidInvite(c: Context<AppEnv>, reason: string) {
  c.status(reason === 'membership.invite.unknown' ? 404 : 410);
  return c.render(<InvalidInvitationPage reason={reason} />, { title: c.get('t')('membership.invite.invalidTitle'), noindex: true });
}

const INVALID: Record<string, string> = {
  unknown: 'membership.invite.unknown',
  valid: 'membership.invite.used',
  used: 'membership.invite.used',
  expired: 'membership.invite.expired',
  inactive: 'membership.invite.inactive',
};

orgRoutes.get(paths.invitation.pattern, async (c) => {
  const token = c.req.param('token');
  const found = await findInvitation(c.get('deps').db, token);
  if (found.state !== 'valid') return renderInvalidInvite(c, INVALID[found.state]!);
  return c.render(<InvitationPage token={token} name={found.inv.name} />, { title: c.get('t')('membership.invite.title', { name: found.inv.name }), noindex: true });
});

orgRoutes.post(
  paths.invitation.pattern,
  action({
    // An unknown link is a 404; a used or expired one, or one of an inactive organization, is refused below.
    load: async (c) => {
      const found = await findInvitation(c.get('deps').db, c.req.param('token')!);
      return found.state === 'unknown' ? null : found;
    },
    allow: (actor) => membershipPolicy.can(actor, 'haveOrganizations'),
    run: (trx, { c, actor }) => acceptInvitation(trx, actor, c.req.param('token')!),
    // A link that cannot be used says why (the action answers 422).
    form: async (c) => {
      const found = await findInvitation(c.get('deps').db, c.req.param('token')!);
      return renderInvalidInvite(c, INVALID[found.state] ?? INVALID.used!);
    },
    done: ({ locale, value }) => ({ to: paths.org.href(locale, { id: value.orgId }), flash: 'membership.flash.joined' }),
  }),
);
