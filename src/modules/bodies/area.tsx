/**
 * @module Bodies: the members' area (join, leave, requests, appointments) and the administrators' edit page.
 * Pages: load → 404 → the named policy rule (policy.ts) → render. Form posts: `action()` (sign-in → load →
 * rule → input → command in one transaction → redirect with a flash).
 */
import { sectionContext, renderPublic, html } from '../../platform/views/fragment.js';
import type { Hono, Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { fields } from '../../platform/http/forms.js';
import { emptyForm, type FormState } from '../../platform/views/components.js';
import { authorize, requireUser } from '../../platform/authz/authz.js';
import { fail } from '../../platform/outcome.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated, translatedFromForm } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { getOrganizations } from '../membership/index.js';
import { getBodyBySlug, bodyFacts, bodyMemberships, bodyPositions, keptReaderFacts, factsOfBody, givePageReaderFacts, type BodyRow, type BodyFacts, type ReaderFacts } from './queries.js';
import { bodiesPolicy } from './policy.js';
import { requestJoin, decideJoin, leaveBody } from './commands/members.js';
import { assignPositions, endPosition } from './commands/positions.js';
import { editBody } from './commands/edit.js';
import { paths } from './paths.js';
import { AreaPage } from './views/area.js';
import { EditPage } from './views/edit.js';
import { PositionsTables } from './views/positions.js';
import { todayIso } from '../../db/ids.js';

const ID = /^[0-9a-z]{16}$/;

/** The body of the URL and what the person is to it (null: no such body → 404). */
async function load(c: Context<AppEnv>, actor?: CurrentUser | null): Promise<{ body: BodyRow; facts: BodyFacts } | null> {
  const { db } = c.get('deps');
  const body = await getBodyBySlug(db, c.req.param('slug') ?? '');
  if (!body) return null;
  return { body, facts: await bodyFacts(db, (actor ?? c.get('user'))?.id, body.id) };
}

/** One of the person's organizations (join, leave). */
const OrgInput = z.object({ org: z.string().regex(ID, { message: 'bodies.errors.badRequest' }) });
/** A decision on a pending request. */
const DecideInput = z.object({ org: z.string().regex(ID, { message: 'bodies.errors.badRequest' }), decision: z.enum(['approve', 'decline']) });
/** A direct appointment: the position, the person (by email), their organization and the term. */
const AppointInput = z.object({
  position: z.enum(['secretary', 'principal_delegate', 'alternate_delegate', 'coordinator']),
  email: fields.email(),
  org: z.string().regex(ID, { message: 'form.error.choice' }),
  starts_on: z.iso.date(),
  ends_on: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date().optional()),
});
/** A body's name, short name and mandate in four languages (Spanish required) and its objectives. */
const EditInput = z.object({
  ...Object.fromEntries(
    LOCALES.flatMap((l) => [
      [`name_${l}`, l === 'es' ? fields.text(300) : fields.optionalText(300)],
      [`short_name_${l}`, l === 'es' ? fields.text(300) : fields.optionalText(300)],
      [`mandate_${l}`, l === 'es' ? fields.text(5000) : fields.optionalText(5000)],
    ]),
  ),
  objectives: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number({ message: 'form.error.choice' }).int({ message: 'form.error.choice' }).min(1, { message: 'form.error.choice' }).max(23, { message: 'form.error.choice' })),
  ),
});

async function renderArea(c: Context<AppEnv>, x: { body: BodyRow; facts: BodyFacts }, form: FormState, reader?: ReaderFacts) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, cache } = c.get('deps');
  const { body, facts } = x;
  // The body's memberships, positions and the organizations' names are the same whoever reads them (what the
  // reader may do with them is decided per request): read once and kept as long as a cached public page.
  const kept = await cache.fragment(`bodies.area:${body.id}`, async () => {
    const [memberships, holdings] = await Promise.all([bodyMemberships(db, body.id, ['member', 'pending']), bodyPositions(db, body.id)]);
    const orgs = await getOrganizations(db, [...new Set([...memberships.map((m) => m.orgId), ...holdings.map((h) => h.orgId)])]);
    return {
      pending: memberships.filter((m) => m.status === 'pending'),
      members: memberships.filter((m) => m.status === 'member'),
      holdings,
      orgName: new Map(orgs.map((o) => [o.id, o.name])),
    };
  });
  // The position tables are the same for every reader: rendered once per language and time zone.
  const positions = await cache.fragment(`bodies.area.positions:${body.id}:${l}:${c.get('timeZone')}`, () =>
    renderPublic(c, <PositionsTables holdings={kept.holdings} orgNames={kept.orgName} />),
  );
  // What other modules show in a body's members' area for this reader (consultations to answer, events…).
  const { modules } = c.get('deps');
  const ctx = sectionContext(c);
  if (reader) givePageReaderFacts(ctx, reader);
  const sections = (await Promise.all(modules.filter((m) => m.bodyAreaSections).map((m) => m.bodyAreaSections!(ctx, { id: body.id, slug: body.slug })))).filter(Boolean);
  return c.render(<AreaPage body={body} facts={facts} {...kept} positions={html(positions)} form={form} sections={sections} />, {
    title: t('bodies.area.title', { body: pickTranslated(body.name, l)?.text ?? body.slug }),
    noindex: true,
    crumbs: [
      [t('bodies.list.title'), paths.list.href(l)],
      [pickTranslated(body.shortName, l)?.text ?? body.slug, paths.body.href(l, { slug: body.slug })],
    ],
  });
}

async function renderEdit(c: Context<AppEnv>, body: BodyRow, form: FormState) {
  const t = c.get('t');
  const l = c.get('locale');
  const objectives = await listObjectives(c.get('deps').db, l);
  return c.render(<EditPage body={body} objectives={objectives} form={form} />, { title: t('bodies.edit.title', { body: pickTranslated(body.name, l)?.text ?? body.slug }), noindex: true });
}

/** Back to the members' area (where every button of the area is). */
const toArea = ({ subject, locale }: { subject: { body: BodyRow }; locale: (typeof LOCALES)[number] }) => paths.area.href(locale, { slug: subject.body.slug });

export function registerArea(app: Hono<AppEnv>) {
  app.get(paths.area.pattern, async (c) => {
    const user = requireUser(c);
    const { db, cache } = c.get('deps');
    // The page reads, as a page-cache fragment, the body (the same for every reader) and the reader's facts (under
    // their id): one reading of them serves the policy and every section. Form posts read them afresh (`load`).
    const slug = c.req.param('slug') ?? '';
    const body = await cache.fragment(`bodies.body:${slug}`, async () => (await getBodyBySlug(db, slug)) ?? null);
    if (!body) return c.notFound();
    const reader = await keptReaderFacts(cache, db, user.id);
    const facts = factsOfBody(reader, body.id);
    authorize(c, bodiesPolicy.can(user, 'viewMembersArea', facts));
    return renderArea(c, { body, facts }, emptyForm({ starts_on: todayIso() }), reader);
  });

  app.post(
    paths.join.pattern,
    action({
      load,
      allow: (actor, x) => bodiesPolicy.can(actor, 'requestJoin', x.facts),
      input: OrgInput,
      run: (trx, { actor, subject, input, deps }) => requestJoin(trx, actor, { body: subject.body, orgId: input.org }, { i18n: deps.i18n, baseUrl: deps.config.baseUrl }),
      back: ({ subject, locale }) => toArea({ subject, locale }),
      done: (x) => ({ to: toArea(x), flash: 'bodies.area.requested' }),
    }),
  );

  app.post(
    paths.leave.pattern,
    action({
      load,
      allow: (actor, x) => bodiesPolicy.can(actor, 'leave', x.facts),
      input: OrgInput,
      run: (trx, { actor, subject, input, deps }) => {
        const own = subject.facts.myOrgs.some((o) => o.id === input.org);
        const manager = bodiesPolicy.can(actor, 'manageMembership', subject.facts) && !own;
        return leaveBody(trx, actor, { bodyId: subject.body.id, orgId: input.org, manager }, { i18n: deps.i18n, baseUrl: deps.config.baseUrl });
      },
      back: ({ subject, locale }) => toArea({ subject, locale }),
      done: (x) => ({ to: toArea(x), flash: 'bodies.area.left' }),
    }),
  );

  app.post(
    paths.requests.pattern,
    action({
      load,
      allow: (actor, x) => bodiesPolicy.can(actor, 'manageMembership', x.facts),
      input: DecideInput,
      run: (trx, { actor, subject, input, deps }) =>
        decideJoin(trx, actor, { bodyId: subject.body.id, orgId: input.org, approve: input.decision === 'approve' }, { i18n: deps.i18n, baseUrl: deps.config.baseUrl }),
      back: ({ subject, locale }) => toArea({ subject, locale }),
      done: (x) => ({ to: toArea(x), flash: x.input.decision === 'approve' ? 'bodies.area.approved' : 'bodies.area.declined' }),
    }),
  );

  app.post(
    paths.appoint.pattern,
    action({
      load,
      allow: (actor) => bodiesPolicy.can(actor, 'appoint'),
      input: AppointInput,
      run: async (trx, { actor, subject, input }) => {
        const person = await findUserByEmail(trx, input.email);
        if (!person) return fail('bodies.errors.noSuchPerson', { field: 'email' });
        if (input.ends_on && input.ends_on < input.starts_on) return fail('bodies.errors.endBeforeStart', { field: 'ends_on' });
        return assignPositions(trx, actor.id, {
          bodyId: subject.body.id,
          assignments: [{ position: input.position, userId: person.id, orgId: input.org, holderName: person.name }],
          startsOn: input.starts_on,
          endsOn: input.ends_on ?? null,
          source: 'appointment',
        });
      },
      form: (c, { subject, form }) => renderArea(c, subject, form),
      done: (x) => ({ to: toArea(x), flash: 'bodies.area.appointed' }),
    }),
  );

  app.post(
    paths.endPosition.pattern,
    action({
      load,
      allow: (actor) => bodiesPolicy.can(actor, 'endPosition'),
      run: (trx, { actor, subject, c }) => endPosition(trx, actor.id, { bodyId: subject.body.id, holdingId: c.req.param('id') ?? '' }),
      back: ({ subject, locale }) => toArea({ subject, locale }),
      done: (x) => ({ to: toArea(x), flash: 'bodies.area.ended' }),
    }),
  );

  app.get(paths.edit.pattern, async (c) => {
    requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(c.get('user'), 'edit'));
    const { body } = x;
    const values: Record<string, string | string[]> = { objectives: body.objectives.map(String) };
    for (const [field, json] of [['name', body.name], ['short_name', body.shortName], ['mandate', body.mandate]] as const) {
      const tr = parseTranslated(json);
      for (const l of LOCALES) values[`${field}_${l}`] = tr[l] ?? '';
    }
    return renderEdit(c, body, emptyForm(values));
  });

  app.post(
    paths.edit.pattern,
    action({
      load,
      allow: (actor) => bodiesPolicy.can(actor, 'edit'),
      input: EditInput,
      run: (trx, { actor, subject, input, values }) =>
        editBody(trx, actor.id, {
          bodyId: subject.body.id,
          name: translatedFromForm(values, 'name'),
          shortName: translatedFromForm(values, 'short_name'),
          mandate: translatedFromForm(values, 'mandate'),
          objectives: input.objectives,
        }),
      form: (c, { subject, form }) => renderEdit(c, subject.body, form),
      done: ({ subject, locale }) => ({ to: paths.body.href(locale, { slug: subject.body.slug }), flash: 'bodies.edit.saved' }),
    }),
  );
}
