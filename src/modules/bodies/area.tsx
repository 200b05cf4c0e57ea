/**
 * @module Bodies: the members' area (join, leave, requests, appointments) and the administrators' edit page.
 * Handlers: validate → load → authorize (policy.ts) → command in a transaction → redirect with a message.
 */
import type { Hono, Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.js';
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, Table, EmptyState, Notice, emptyForm, type FormState } from '../../platform/views/components.js';
import { readForm, validate } from '../../platform/http/forms.js';
import { redirectWith } from '../../platform/http/flash.js';
import { authorize, requireUser } from '../../platform/authz/authz.js';
import { LOCALES, LOCALE_NAMES } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated, translatedFromForm } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { getOrganizations } from '../membership/index.js';
import { getBodyBySlug, bodyFacts, bodyMemberships, bodyPositions, positionsForKind, type BodyRow } from './queries.js';
import { bodiesPolicy } from './policy.js';
import { requestJoin, decideJoin, leaveBody } from './commands/members.js';
import { assignPositions, endPosition } from './commands/positions.js';
import { editBody } from './commands/edit.js';
import { PositionsTables } from './views.js';
import { findUserByEmail, usersByIds } from '../../platform/auth/users.js';

const SLUG = '/bodies/:slug{[a-z0-9-]{1,80}}';
const ID = /^[0-9a-z]{16}$/;

async function load(c: Context<AppEnv>) {
  const body = await getBodyBySlug(c.get('deps').db, c.req.param('slug') ?? '');
  if (!body) return null;
  const user = c.get('user');
  const facts = await bodyFacts(c.get('deps').db, user?.id, body.id);
  return { body, facts, user };
}

const OrgInput = z.object({ org: z.string().regex(ID) });
const DecideInput = z.object({ org: z.string().regex(ID), decision: z.enum(['approve', 'decline']) });
const AppointInput = z.object({
  position: z.enum(['secretary', 'principal_delegate', 'alternate_delegate', 'coordinator']),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  org: z.string().regex(ID, { message: 'form.error.choice' }),
  starts_on: z.iso.date(),
  ends_on: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date().optional()),
});

export function registerArea(app: Hono<AppEnv>) {
  app.get(`${SLUG}/area`, async (c) => {
    requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(x.user, 'viewMembersArea', x.facts));
    return renderArea(c, x.body, x.facts, emptyForm({ starts_on: new Date().toISOString().slice(0, 10) }));
  });

  app.post(`${SLUG}/join`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(actor, 'requestJoin', x.facts));
    const v = validate(OrgInput, await readForm(c), c.get('t'));
    const back = `/${c.get('locale')}/bodies/${x.body.slug}/area`;
    if (!v.ok) return redirectWith(c, back, { type: 'error', key: 'bodies.errors.badRequest' });
    const r = await c.get('deps').db.transaction().execute((trx) => requestJoin(trx, actor, { bodyId: x.body.id, orgId: v.data.org }));
    if (!r.ok) return refuse(c, x.body, x.facts, r.reason);
    await notifyManagers(c, x.body);
    return redirectWith(c, back, { type: 'success', key: 'bodies.area.requested' });
  });

  app.post(`${SLUG}/leave`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    const manager = bodiesPolicy.can(actor, 'manageMembership', x.facts);
    authorize(c, manager || bodiesPolicy.can(actor, 'requestJoin', x.facts));
    const v = validate(OrgInput, await readForm(c), c.get('t'));
    const back = `/${c.get('locale')}/bodies/${x.body.slug}/area`;
    if (!v.ok) return redirectWith(c, back, { type: 'error', key: 'bodies.errors.badRequest' });
    const own = x.facts.myOrgs.some((o) => o.id === v.data.org);
    const r = await c.get('deps').db.transaction().execute((trx) => leaveBody(trx, actor, { bodyId: x.body.id, orgId: v.data.org, manager: manager && !own }));
    if (!r.ok) return refuse(c, x.body, x.facts, r.reason);
    return redirectWith(c, back, { type: 'success', key: 'bodies.area.left' });
  });

  app.post(`${SLUG}/requests`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(actor, 'manageMembership', x.facts));
    const v = validate(DecideInput, await readForm(c), c.get('t'));
    const back = `/${c.get('locale')}/bodies/${x.body.slug}/area`;
    if (!v.ok) return redirectWith(c, back, { type: 'error', key: 'bodies.errors.badRequest' });
    const r = await c.get('deps').db.transaction().execute((trx) => decideJoin(trx, actor, { bodyId: x.body.id, orgId: v.data.org, approve: v.data.decision === 'approve' }));
    if (!r.ok) return refuse(c, x.body, x.facts, r.reason);
    return redirectWith(c, back, { type: 'success', key: v.data.decision === 'approve' ? 'bodies.area.approved' : 'bodies.area.declined' });
  });

  app.post(`${SLUG}/appoint`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(actor, 'appoint'));
    const values = await readForm(c);
    const v = validate(AppointInput, values, c.get('t'));
    if (!v.ok) return renderArea(c, x.body, x.facts, { values, errors: v.errors }, 422);
    const { db } = c.get('deps');
    const person = await findUserByEmail(db, v.data.email);
    if (!person) return renderArea(c, x.body, x.facts, { values, errors: { email: c.get('t')('bodies.errors.noSuchPerson') } }, 422);
    if (v.data.ends_on && v.data.ends_on < v.data.starts_on) return renderArea(c, x.body, x.facts, { values, errors: { ends_on: c.get('t')('bodies.errors.endBeforeStart') } }, 422);
    const r = await db.transaction().execute((trx) =>
      assignPositions(trx, actor.id, {
        bodyId: x.body.id,
        assignments: [{ position: v.data.position, userId: person.id, orgId: v.data.org, holderName: person.name }],
        startsOn: v.data.starts_on,
        endsOn: v.data.ends_on ?? null,
        source: 'appointment',
      }),
    );
    if (!r.ok) return renderArea(c, x.body, x.facts, { values, errors: { email: c.get('t')(`bodies.errors.${r.reason}`) } }, 422);
    return redirectWith(c, `/${c.get('locale')}/bodies/${x.body.slug}/area`, { type: 'success', key: 'bodies.area.appointed' });
  });

  app.post(`${SLUG}/positions/:id{[0-9a-z]{16}}/end`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(actor, 'appoint'));
    const r = await c.get('deps').db.transaction().execute((trx) => endPosition(trx, actor.id, { bodyId: x.body.id, holdingId: c.req.param('id') }));
    if (!r.ok) return refuse(c, x.body, x.facts, r.reason);
    return redirectWith(c, `/${c.get('locale')}/bodies/${x.body.slug}/area`, { type: 'success', key: 'bodies.area.ended' });
  });

  app.get(`${SLUG}/edit`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(actor, 'edit'));
    const values: Record<string, string | string[]> = { objectives: x.body.objectives.map(String) };
    for (const [field, json] of [['name', x.body.name], ['short_name', x.body.shortName], ['mandate', x.body.mandate]] as const) {
      const tr = parseTranslated(json);
      for (const l of LOCALES) values[`${field}_${l}`] = tr[l] ?? '';
    }
    return renderEdit(c, x.body, { values, errors: {} });
  });

  app.post(`${SLUG}/edit`, async (c) => {
    const actor = requireUser(c);
    const x = await load(c);
    if (!x) return c.notFound();
    authorize(c, bodiesPolicy.can(actor, 'edit'));
    const values = await readForm(c);
    const t = c.get('t');
    const errors: Record<string, string> = {};
    const name = translatedFromForm(values, 'name');
    const shortName = translatedFromForm(values, 'short_name');
    const mandate = translatedFromForm(values, 'mandate');
    if (!name.es) errors.name_es = t('form.error.required');
    if (!shortName.es) errors.short_name_es = t('form.error.required');
    if (!mandate.es) errors.mandate_es = t('form.error.required');
    for (const [k, v] of Object.entries(values)) {
      if (typeof v === 'string' && v.length > (k.startsWith('mandate') ? 5000 : 300)) errors[k] = t('form.error.tooLong', { max: k.startsWith('mandate') ? 5000 : 300 });
    }
    const raw = values.objectives === undefined ? [] : Array.isArray(values.objectives) ? values.objectives : [values.objectives];
    const objectives = raw.map(Number);
    if (objectives.some((n) => !Number.isInteger(n) || n < 1 || n > 23)) errors.objectives = t('form.error.choice');
    if (Object.keys(errors).length) return renderEdit(c, x.body, { values, errors }, 422);
    await c.get('deps').db.transaction().execute((trx) => editBody(trx, actor.id, { bodyId: x.body.id, name, shortName, mandate, objectives }));
    return redirectWith(c, `/${c.get('locale')}/bodies/${x.body.slug}`, { type: 'success', key: 'bodies.edit.saved' });
  });
}

function refuse(c: Context<AppEnv>, body: BodyRow, _facts: unknown, reason: string) {
  return redirectWith(c, `/${c.get('locale')}/bodies/${body.slug}/area`, { type: 'error', key: `bodies.errors.${reason}` });
}

/** Tells the secretary (and the administrators' outbox) that a request is waiting. */
async function notifyManagers(c: Context<AppEnv>, body: BodyRow) {
  const { db, mailer, i18n } = c.get('deps');
  const holders = (await bodyPositions(db, body.id)).filter((h) => h.current && (h.position === 'secretary' || h.position === 'coordinator'));
  if (!holders.length) return;
  const people = await usersByIds(db, holders.map((h) => h.userId));
  for (const p of people) {
    const l = (LOCALES as readonly string[]).includes(p.locale ?? '') ? (p.locale as (typeof LOCALES)[number]) : 'es';
    const t = i18n.t(l);
    const name = pickTranslated(body.name, l)?.text ?? body.slug;
    await mailer.send({ to: p.email, subject: t('bodies.mail.requestSubject', { body: name }), text: t('bodies.mail.requestBody', { body: name, url: `${c.get('deps').config.baseUrl}/${l}/bodies/${body.slug}/area` }), kind: 'bodies-request' });
  }
}

async function renderArea(c: Context<AppEnv>, body: BodyRow, facts: Awaited<ReturnType<typeof bodyFacts>>, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const user = c.get('user');
  const { db } = c.get('deps');
  const manage = bodiesPolicy.can(user, 'manageMembership', facts);
  const canAppoint = bodiesPolicy.can(user, 'appoint');
  const memberships = await bodyMemberships(db, body.id, ['member', 'pending']);
  const holdings = await bodyPositions(db, body.id);
  const orgs = await getOrganizations(db, [...new Set([...memberships.map((m) => m.orgId), ...holdings.map((h) => h.orgId)])]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const pending = memberships.filter((m) => m.status === 'pending');
  const members = memberships.filter((m) => m.status === 'member');
  c.status(status);
  return c.render(
    <>
      <h1>{t('bodies.area.title', { body: pickTranslated(body.name, l)?.text ?? body.slug })}</h1>
      <ErrorSummary errors={form.errors} />
      <p>
        <a href={`/${l}/bodies/${body.slug}`}>{t('bodies.area.publicPage')}</a>
        {' · '}
        <a href={`/${l}/elections?body=${body.slug}`}>{t('bodies.electionsLink')}</a>
        {bodiesPolicy.can(user, 'callElection', facts) ? (
          <>
            {' · '}
            <a href={`/${l}/elections/new?body=${body.slug}`}>{t('bodies.area.callElection')}</a>
          </>
        ) : null}
        {bodiesPolicy.can(user, 'edit') ? (
          <>
            {' · '}
            <a href={`/${l}/bodies/${body.slug}/edit`}>{t('bodies.edit.link')}</a>
          </>
        ) : null}
      </p>
      {facts.isSecretary ? <Notice>{t('bodies.area.youAreSecretary')}</Notice> : null}
      <h2>{t('bodies.area.yourOrgs')}</h2>
      {facts.myOrgs.length ? (
        <Table
          caption={t('bodies.area.yourOrgs')}
          captionHidden
          head={[t('bodies.positions.org'), t('bodies.area.status'), t('bodies.area.action')]}
          rows={facts.myOrgs.map((o) => [
            o.name,
            t(`bodies.area.statuses.${o.status ?? 'none'}`),
            o.status === 'member' || o.status === 'pending' ? (
              <Form action={`/${l}/bodies/${body.slug}/leave`}>
                <input type="hidden" name="org" value={o.id} />
                <Button variant="secondary">{o.status === 'pending' ? t('bodies.area.withdraw', { org: o.name }) : t('bodies.area.leave', { org: o.name })}</Button>
              </Form>
            ) : (
              <Form action={`/${l}/bodies/${body.slug}/join`}>
                <input type="hidden" name="org" value={o.id} />
                <Button>{t('bodies.area.join', { org: o.name })}</Button>
              </Form>
            ),
          ])}
        />
      ) : (
        <EmptyState>{t('bodies.area.noOrgs')}</EmptyState>
      )}
      {manage ? (
        <>
          <h2>{t('bodies.area.requests')}</h2>
          {pending.length ? (
            <Table
              caption={t('bodies.area.requests')}
              captionHidden
              head={[t('bodies.positions.org'), t('bodies.area.requestedAt'), t('bodies.area.action')]}
              rows={pending.map((m) => [
                orgName.get(m.orgId) ?? m.orgId,
                m.requestedAt.slice(0, 10),
                <div class="actions">
                  <Form action={`/${l}/bodies/${body.slug}/requests`}>
                    <input type="hidden" name="org" value={m.orgId} />
                    <Button name="decision" value="approve">
                      {t('bodies.area.approve', { org: orgName.get(m.orgId) ?? '' })}
                    </Button>
                  </Form>
                  <Form action={`/${l}/bodies/${body.slug}/requests`}>
                    <input type="hidden" name="org" value={m.orgId} />
                    <Button name="decision" value="decline" variant="secondary">
                      {t('bodies.area.decline', { org: orgName.get(m.orgId) ?? '' })}
                    </Button>
                  </Form>
                </div>,
              ])}
            />
          ) : (
            <EmptyState>{t('bodies.area.noRequests')}</EmptyState>
          )}
          <h2>{t('bodies.members.title', { count: members.length })}</h2>
          {members.length ? (
            <Table
              caption={t('bodies.members.title', { count: members.length })}
              captionHidden
              head={[t('bodies.positions.org'), t('bodies.area.since'), t('bodies.area.action')]}
              rows={members.map((m) => [
                orgName.get(m.orgId) ?? m.orgId,
                (m.decidedAt ?? m.requestedAt).slice(0, 10),
                <Form action={`/${l}/bodies/${body.slug}/leave`}>
                  <input type="hidden" name="org" value={m.orgId} />
                  <Button variant="danger">{t('bodies.area.remove', { org: orgName.get(m.orgId) ?? '' })}</Button>
                </Form>,
              ])}
            />
          ) : (
            <EmptyState>{t('bodies.members.none')}</EmptyState>
          )}
        </>
      ) : null}
      <PositionsTables holdings={holdings} orgNames={orgName} locale={l} />
      {canAppoint ? (
        <>
          {holdings.some((h) => h.current) ? (
            <ul>
              {holdings
                .filter((h) => h.current)
                .map((h) => (
                  <li>
                    <Form action={`/${l}/bodies/${body.slug}/positions/${h.id}/end`}>
                      <Button variant="secondary">{t('bodies.area.endHolding', { position: t(`bodies.positions.names.${h.position}`), person: h.holderName })}</Button>
                    </Form>
                  </li>
                ))}
            </ul>
          ) : null}
          <h2 id="appoint">{t('bodies.area.appoint')}</h2>
          <p class="hint">{t('bodies.area.appointHint')}</p>
          <Form action={`/${l}/bodies/${body.slug}/appoint#appoint`}>
            <SelectField name="position" label={t('bodies.positions.position')} form={form} options={positionsForKind(body.kind).map((p) => ({ value: p, label: t(`bodies.positions.names.${p}`) }))} />
            <TextField name="email" type="email" label={t('bodies.area.personEmail')} form={form} autocomplete="off" />
            <SelectField name="org" label={t('bodies.positions.org')} form={form} empty={t('bodies.area.chooseOrg')} options={members.map((m) => ({ value: m.orgId, label: orgName.get(m.orgId) ?? m.orgId }))} />
            <TextField name="starts_on" type="date" label={t('bodies.area.startsOn')} form={form} />
            <TextField name="ends_on" type="date" label={t('bodies.area.endsOn')} hint={t('bodies.area.endsOnHint')} form={form} />
            <Button>{t('bodies.area.appointSubmit')}</Button>
          </Form>
        </>
      ) : null}
    </>,
    { title: t('bodies.area.title', { body: pickTranslated(body.name, l)?.text ?? body.slug }), noindex: true, crumbs: [[t('bodies.list.title'), '/bodies'], [pickTranslated(body.shortName, l)?.text ?? body.slug, `/bodies/${body.slug}`]] },
  );
}

async function renderEdit(c: Context<AppEnv>, body: BodyRow, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const objectives = await listObjectives(c.get('deps').db, l);
  c.status(status);
  return c.render(
    <>
      <h1>{t('bodies.edit.title', { body: pickTranslated(body.name, l)?.text ?? body.slug })}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/bodies/${body.slug}/edit`}>
        {LOCALES.map((lang) => (
          <fieldset>
            <legend>{LOCALE_NAMES[lang]}</legend>
            <TextField name={`name_${lang}`} label={t('bodies.edit.name', { language: LOCALE_NAMES[lang] })} form={form} maxlength={300} />
            <TextField name={`short_name_${lang}`} label={t('bodies.edit.shortName', { language: LOCALE_NAMES[lang] })} form={form} maxlength={300} />
            <TextArea name={`mandate_${lang}`} label={t('bodies.edit.mandate', { language: LOCALE_NAMES[lang] })} form={form} rows={6} maxlength={5000} lang={lang} />
          </fieldset>
        ))}
        <ChoiceField name="objectives" legend={t('bodies.objectives')} form={form} multiple columns options={objectives.map((o) => ({ value: String(o.n), label: t('reference.objectives.numbered', { n: o.n, title: o.short }) }))} />
        <Button>{t('form.save')}</Button>
      </Form>
    </>,
    { title: t('bodies.edit.title', { body: pickTranslated(body.name, l)?.text ?? body.slug }), noindex: true },
  );
}
