/** @module Membership: public pages — the application form, the directory, each member's page, the coverage map, logos. */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../../platform/http/env.js';
import { readForm, validate } from '../../../platform/http/forms.js';
import { redirectWith } from '../../../platform/http/flash.js';
import { hit } from '../../../platform/http/rate-limit.js';
import { clientAddress } from '../../../platform/http/client-address.js';
import { PASSWORD_MIN } from '../../../platform/auth/auth.js';
import {
  Form,
  ErrorSummary,
  TextField,
  TextArea,
  SelectField,
  ChoiceField,
  Checkbox,
  Button,
  Table,
  Pagination,
  EmptyState,
  Notice,
  TText,
  emptyForm,
  type FormState,
  type FieldErrors,
} from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { countryNames, listObjectives, listPrinciples } from '../../../platform/reference/queries.js';
import { renderLacChoropleth, renderBarChart, renderColumnChart, LAC_ALPHA2, safeHref } from '../../../platform/charts/index.js';
import { listBodies } from '../../bodies/index.js';
import { ApplicationSchema, ApplicantAccountSchema, DirectoryQuery, ORG_TYPES, type ApplicationInput } from '../schemas.js';
import { membershipPolicy } from '../policy.js';
import { listDirectory, getOrganizationFull, findDuplicate, coverageStats, isPersonOf, publicFieldsOf, contactsOf } from '../queries.js';
import { createApplication } from '../commands/profile.js';
import { memberCountsByCountry, organizationsOfUser } from '../index.js';
import { readLogo, LOGO_NAME } from '../commands/logo.js';
import { countryOptions, lacOptions, typeOptions, languageOptions, objectiveOptions } from '../views/common.js';
import { findUserByEmail } from '../../../platform/auth/users.js';

export const publicRoutes = new Hono<AppEnv>({ strict: false });

// ---- Application ("adhesión") -----------------------------------------------------------------------
publicRoutes.get('/join', (c) => renderJoin(c, emptyForm({ description_lang: c.get('locale'), country: '', languages: [c.get('locale')] })));

publicRoutes.post('/join', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, auth, mailer, config } = c.get('deps');
  const user = c.get('user');
  const values = await readForm(c);
  const v = validate(ApplicationSchema, values, t);
  const a = user ? null : validate(ApplicantAccountSchema, values, t);
  const errors: FieldErrors = { ...(a && !a.ok ? a.errors : {}), ...(!v.ok ? v.errors : {}) };
  if (!v.ok || (a && !a.ok)) return renderJoin(c, { values, errors }, 422);
  const input = v.data as ApplicationInput;
  const known = new Set((await countryOptions(db, l, t)).map((o) => o.value));
  if (!known.has(input.country)) return renderJoin(c, { values, errors: { country: t('form.error.choice') } }, 422);
  if (input.countries.some((x) => !known.has(x))) return renderJoin(c, { values, errors: { countries: t('form.error.choice') } }, 422);
  const dup = await findDuplicate(db, input.name, input.country, input.website);
  if (dup) return renderJoin(c, { values, errors: { name: t('membership.errors.duplicate', { name: dup.name }) } }, 409, dup);
  const limit = await hit(db, `join:${clientAddress(c)}`, { max: 20, windowSeconds: 3600 });
  if (!limit.allowed) return renderJoin(c, { values, errors: { name: t('auth.errors.tooMany', { minutes: Math.ceil(limit.retryAfter / 60) }) } }, 429);
  let userId = user?.id;
  if (!userId && a?.ok) {
    const email = a.data.email.toLowerCase();
    if (await findUserByEmail(db, email)) {
      // The address already has an account. An anonymous form must not attach an application to someone
      // else's account, nor reveal that the account exists: the page says the same as always, and the
      // owner of the address is told to sign in and apply from there.
      await mailer.send({
        to: email,
        kind: 'account-exists',
        subject: t('mail.exists.subject'),
        text: t('mail.exists.body', { url: `${config.baseUrl}/${l}/sign-in?next=${encodeURIComponent(`/${l}/join`)}`, reset: `${config.baseUrl}/${l}/forgot-password` }),
      });
      return redirectWith(c, `/${l}/join/sent?email=${encodeURIComponent(email)}`);
    }
    await auth.api.signUpEmail({ body: { name: a.data.person_name, email, password: a.data.password, locale: l } as any, headers: c.req.raw.headers });
    userId = (await findUserByEmail(db, email))!.id;
  }
  const out = await db.transaction().execute((trx) => createApplication(trx, userId!, input));
  if (!out.ok) return renderJoin(c, { values, errors: { name: t('membership.errors.duplicate', { name: out.existing?.name ?? '' }) } }, 409, out.existing);
  await mailer.send({
    to: config.adminEmail,
    kind: 'membership-application',
    subject: t('membership.mail.newApplication.subject', { name: input.name }),
    text: t('membership.mail.newApplication.body', { name: input.name, url: `${config.baseUrl}/${l}/admin/organizations/${out.id}` }),
  });
  if (user) return redirectWith(c, `/${l}/organizations/${out.id}`, { type: 'success', key: 'membership.flash.applied' });
  return redirectWith(c, `/${l}/join/sent?email=${encodeURIComponent(a!.ok ? a!.data.email : '')}`);
});

publicRoutes.get('/join/sent', (c) => {
  const t = c.get('t');
  const email = (c.req.query('email') ?? '').slice(0, 254);
  return c.render(
    <>
      <h1>{t('membership.join.sent.title')}</h1>
      <p>{t('membership.join.sent.body', { email })}</p>
      <p class="muted">{t('membership.join.sent.next')}</p>
    </>,
    { title: t('membership.join.sent.title'), noindex: true },
  );
});

async function renderJoin(c: Context<AppEnv>, form: FormState, status = 200, existing?: { slug: string; name: string; status: string }) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const user = c.get('user');
  const [countries, lac, objectives, principles] = await Promise.all([countryOptions(db, l, t), lacOptions(db, l), objectiveOptions(db, l, t), listPrinciples(db, l)]);
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('membership.join.title')}</h1>
      <p class="lead">{t('membership.join.lead')}</p>
      <ErrorSummary errors={form.errors} />
      {existing ? (
        <Notice type="warning">
          <p>
            {existing.status === 'member' ? (
              <>
                {t('membership.join.existingMember')} <a href={`/${l}/members/${existing.slug}`}>{existing.name}</a>
              </>
            ) : (
              t('membership.join.existingPending', { name: existing.name })
            )}
          </p>
        </Notice>
      ) : null}
      <Form action={`/${l}/join`}>
        <h2>{t('membership.join.aboutOrg')}</h2>
        <TextField name="name" label={t('membership.fields.name')} form={form} maxlength={200} required autocomplete="organization" />
        <TextField name="acronym" label={`${t('membership.fields.acronym')} ${t('form.optional')}`} form={form} maxlength={30} />
        <SelectField name="country" label={t('membership.fields.country')} hint={t('membership.hints.country')} form={form} options={countries} empty={t('membership.fields.choose')} required />
        <ChoiceField name="countries" legend={t('membership.fields.countries')} hint={t('membership.hints.countries')} form={form} options={lac} multiple columns />
        <TextField name="city" label={`${t('membership.fields.city')} ${t('form.optional')}`} form={form} maxlength={120} />
        <SelectField name="type" label={t('membership.fields.type')} form={form} options={typeOptions(t)} empty={t('membership.fields.choose')} required />
        <ChoiceField name="objectives" legend={t('membership.fields.objectives')} hint={t('membership.hints.objectives')} form={form} options={objectives} multiple columns />
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
              {t('membership.join.accountLead')} <a href={`/${l}/sign-in?next=/${l}/join`}>{t('membership.join.signInFirst')}</a>
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
          {principles.map((p) => (
            <li>{p.name}</li>
          ))}
        </ul>
        <Checkbox name="accept_principles" label={t('membership.fields.acceptPrinciples')} form={form} />
        <Checkbox name="accept_terms" label={t('membership.fields.acceptTerms')} hint={t('membership.hints.terms')} form={form} />
        <div class="actions">
          <Button>{t('membership.join.submit')}</Button>
        </div>
      </Form>
    </>,
    { title: t('membership.join.title'), description: t('membership.join.lead') },
  );
}

// ---- Directory ------------------------------------------------------------------------------------------
publicRoutes.get('/members', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const f = DirectoryQuery.parse(c.req.query());
  const [bodies, names, allCountries, objectives, present] = await Promise.all([listBodies(db), countryNames(db, l), countryOptions(db, l, t), objectiveOptions(db, l, t), memberCountsByCountry(db)]);
  // Keep the page lean: the 33 LAC states, and other countries only where there are members.
  const lacSet = new Set<string>(LAC_ALPHA2);
  const countries = allCountries.filter((o) => lacSet.has(o.value) || present[o.value] || o.value === f.country);
  const body = f.body ? bodies.find((b) => b.slug === f.body) : undefined;
  const result = await listDirectory(db, { ...f, bodyId: f.body ? (body?.id ?? null) : undefined });
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== 'page') params.set(k, String(v));
  const filtered = [...params.keys()].some((k) => k !== 'sort');
  const form: FormState = emptyForm(Object.fromEntries([...params.entries()]));
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('membership.directory.title')}</h1>
      <p class="lead">{t('membership.directory.lead')}</p>
      <p>
        <a href={`/${l}/join`}>{t('membership.directory.join')}</a> · <a href={`/${l}/coverage`}>{t('membership.coverage.title')}</a>
      </p>
      <Form action={`/${l}/members`} method="get" class="filters">
        <TextField name="q" type="search" label={t('membership.directory.q')} form={form} maxlength={100} />
        <SelectField name="country" label={t('membership.fields.countryFilter')} form={form} options={countries} empty={t('membership.directory.any')} />
        <SelectField name="type" label={t('membership.fields.type')} form={form} options={typeOptions(t)} empty={t('membership.directory.any')} />
        <SelectField name="objective" label={t('membership.fields.objective')} form={form} options={objectives} empty={t('membership.directory.any')} />
        <SelectField
          name="body"
          label={t('membership.fields.body')}
          form={form}
          options={bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug }))}
          empty={t('membership.directory.any')}
        />
        <SelectField name="sort" label={t('membership.directory.sort')} form={form} options={['name', 'newest', 'country'].map((s) => ({ value: s, label: t(`membership.directory.sorts.${s}`) }))} />
        <div class="actions">
          <Button variant="secondary">{t('form.filter')}</Button>
          {filtered ? <a href={`/${l}/members`}>{t('form.clear')}</a> : null}
        </div>
      </Form>
      <p role="status">{t('membership.directory.count', { n: fmt.number(result.total) })}</p>
      {result.rows.length ? (
        <ul class="grid" aria-label={t('membership.directory.results')}>
          {result.rows.map((o) => {
            const pub = publicFieldsOf(o);
            return (
              <li class="card">
                <h2 class="h3">
                  <a href={`/${l}/members/${o.slug}`}>{o.name}</a>
                  {o.acronym && pub.has('acronym') ? <> ({o.acronym})</> : null}
                </h2>
                <p class="small">
                  {names.get(o.country) ?? o.country}
                  {o.city && pub.has('city') ? <> · {o.city}</> : null}
                  {pub.has('type') ? <> · {t(`membership.types.${o.type}`)}</> : null}
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState>{t('membership.directory.none')}</EmptyState>
      )}
      <Pagination page={result.page} pages={result.pages} baseUrl={`/${l}/members`} params={params} />
    </>,
    { title: t('membership.directory.title'), description: t('membership.directory.lead') },
  );
});

publicRoutes.get('/members/:slug{[a-z0-9-]{1,80}}', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const org = await getOrganizationFull(db, { slug: c.req.param('slug') });
  if (!org || org.status !== 'member') return c.notFound();
  const pub = org.publicSet;
  const [names, objectives, bodies] = await Promise.all([countryNames(db, l), listObjectives(db, l), listBodies(db)]);
  const user = c.get('user');
  const mine = user ? membershipPolicy.can(user, 'view', { status: org.status, isPerson: await isPersonOf(db, user.id, org.id) }) : false;
  // Contact people are private to the Mechanism: shown to people of member organizations and administrators (never cached).
  const contacts = user && (mine || membershipPolicy.can(user, 'seeContacts', { inGoodStanding: (await organizationsOfUser(db, user.id)).some((o) => o.status === 'member') })) ? await contactsOf(db, org.id) : [];
  c.set('cacheable', true);
  const desc = pickTranslated(org.description, l)?.text;
  return c.render(
    <>
      {org.logo_file && pub.has('logo') ? <img class="org-logo" src={`/${l}/logos/${org.logo_file}`} alt={t('membership.profile.logoOf', { name: org.name })} width={120} /> : null}
      <h1>
        {org.name}
        {org.acronym && pub.has('acronym') ? <> ({org.acronym})</> : null}
      </h1>
      <p class="muted">
        {t('membership.profile.memberSince', { date: fmt.date(org.admitted_at) })}
        {mine ? (
          <>
            {' · '}
            <a href={`/${l}/organizations/${org.id}`}>{t('membership.profile.manage')}</a>
          </>
        ) : null}
      </p>
      <dl>
        <dt>{t('membership.fields.country')}</dt>
        <dd>
          {names.get(org.country) ?? org.country}
          {org.city && pub.has('city') ? <> · {org.city}</> : null}
        </dd>
        {pub.has('type') ? (
          <>
            <dt>{t('membership.fields.type')}</dt>
            <dd>{t(`membership.types.${org.type}`)}</dd>
          </>
        ) : null}
        {pub.has('countries') && org.countries.length ? (
          <>
            <dt>{t('membership.fields.countries')}</dt>
            <dd>{fmt.list(org.countries.map((x) => names.get(x) ?? x))}</dd>
          </>
        ) : null}
        {pub.has('languages') && org.languageList.length ? (
          <>
            <dt>{t('membership.fields.languages')}</dt>
            <dd>{fmt.list(org.languageList.map((x) => t(`membership.languages.${x}`)))}</dd>
          </>
        ) : null}
        {pub.has('website') && org.website && safeHref(org.website) ? (
          <>
            <dt>{t('membership.fields.website')}</dt>
            <dd>
              <a href={org.website} rel="external nofollow noopener">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        {pub.has('social') && org.socialList.length ? (
          <>
            <dt>{t('membership.fields.social')}</dt>
            <dd>
              <ul>
                {org.socialList.map((s) => (
                  <li>
                    <a href={s} rel="external nofollow noopener">
                      {s}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {contacts.length ? (
        <>
          <h2>{t('membership.org.contacts')}</h2>
          <p class="hint">{t('membership.hints.contacts')}</p>
          <ul>
            {contacts.map((p) => (
              <li>
                {[p.name, p.role, p.email, p.phone].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {pub.has('description') && org.description ? (
        <>
          <h2>{t('membership.fields.description')}</h2>
          <TText value={org.description} as="div" />
        </>
      ) : null}
      {pub.has('objectives') && org.objectives.length ? (
        <>
          <h2>{t('membership.fields.objectives')}</h2>
          <ul>
            {org.objectives.map((n) => (
              <li>
                <a href={`/${l}/objectives/${n}`}>{t('reference.objectives.numbered', { n, title: objectives.find((o) => o.n === n)?.short ?? '' })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {pub.has('bodies') && org.bodyIds.length ? (
        <>
          <h2>{t('membership.fields.bodies')}</h2>
          <ul>
            {bodies
              .filter((b) => org.bodyIds.includes(b.id))
              .map((b) => (
                <li>
                  <a href={`/${l}/bodies/${b.slug}`}>
                    <TText value={b.name} />
                  </a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </>,
    { title: org.name, description: desc?.slice(0, 200), crumbs: [[t('membership.directory.title'), '/members']] },
  );
});

// ---- Logos: served from DATA_DIR/uploads with safe headers -------------------------------------------------
publicRoutes.get('/logos/:file{[0-9a-z]{16}\\.webp}', async (c) => {
  const { db, config } = c.get('deps');
  const file = c.req.param('file');
  if (!LOGO_NAME.test(file)) return c.notFound();
  const org = await db.selectFrom('organizations').select(['id', 'status', 'public_fields']).where('logo_file', '=', file).executeTakeFirst();
  if (!org) return c.notFound();
  const isPublic = org.status === 'member' && publicFieldsOf(org).has('logo');
  if (!isPublic) {
    const user = c.get('user');
    if (!membershipPolicy.can(user, 'view', { status: org.status, isPerson: await isPersonOf(db, user?.id, org.id) })) return c.notFound();
  }
  const buf = await readLogo(config.dataDir, file);
  if (!buf) return c.notFound();
  return c.body(new Uint8Array(buf), 200, {
    'Content-Type': 'image/webp',
    'Content-Disposition': 'inline',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': isPublic ? 'public, max-age=86400' : 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
});

// ---- Coverage and expansion -----------------------------------------------------------------------------------
publicRoutes.get('/coverage', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const [stats, names, objectives] = await Promise.all([coverageStats(db), countryNames(db, l), listObjectives(db, l)]);
  const lacValues = Object.fromEntries(LAC_ALPHA2.map((a) => [a, stats.byCountry[a] ?? 0]));
  const totalMembers = Object.values(stats.byCountry).reduce((a, b) => a + b, 0);
  const lacRows = [...LAC_ALPHA2].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, l));
  const outside = Object.entries(stats.byCountry).filter(([a]) => !LAC_ALPHA2.includes(a));
  const typeRows = ORG_TYPES.map((ty) => ({ label: t(`membership.types.${ty}`), value: stats.byType[ty] ?? 0, href: `/${l}/members?type=${ty}` })).sort((a, b) => b.value - a.value);
  const objRows = objectives.map((o) => ({ label: t('membership.objectiveOption', { n: o.n, title: o.short }), value: stats.byObjective[o.n] ?? 0, href: `/${l}/members?objective=${o.n}` }));
  // Few = fewer than a fifth of the average per LAC state (at least 1).
  const avg = LAC_ALPHA2.length ? LAC_ALPHA2.reduce((s, a) => s + (lacValues[a] ?? 0), 0) / LAC_ALPHA2.length : 0;
  const few = Math.max(1, Math.floor(avg / 5));
  const countryTargets = lacRows.filter((a) => (lacValues[a] ?? 0) <= few);
  const typeTargets = ORG_TYPES.filter((ty) => (stats.byType[ty] ?? 0) <= Math.max(1, Math.floor(totalMembers / ORG_TYPES.length / 5)));
  const months = lastMonths(new Set([...Object.keys(stats.applied), ...Object.keys(stats.admitted)]));
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('membership.coverage.title')}</h1>
      <p class="lead">{t('membership.coverage.lead', { n: fmt.number(totalMembers) })}</p>
      <section aria-labelledby="cov-map">
        <h2 id="cov-map">{t('membership.coverage.byCountry')}</h2>
        <figure class="chart">
          <img src={`/${l}/coverage/map.svg`} alt={t('membership.coverage.mapDesc')} width={600} />
          <figcaption>{t('membership.coverage.mapCaption')}</figcaption>
        </figure>
        <Table
          caption={t('membership.coverage.tableCountry')}
          head={[t('membership.fields.country'), { label: t('membership.coverage.members'), num: true }]}
          numeric={[1]}
          rows={[
            ...lacRows.map((a) => [<a href={`/${l}/members?country=${a}`}>{names.get(a) ?? a}</a>, fmt.number(lacValues[a] ?? 0)]),
            ...(outside.length ? [[t('membership.coverage.outside'), fmt.number(outside.reduce((s, [, n]) => s + n, 0))]] : []),
          ]}
        />
      </section>
      <section aria-labelledby="cov-targets">
        <h2 id="cov-targets">{t('membership.coverage.targets')}</h2>
        <p>{t('membership.coverage.targetsLead', { few })}</p>
        <h3>{t('membership.coverage.targetCountries')}</h3>
        {countryTargets.length ? (
          <ul class="small">
            {countryTargets.map((a) => (
              <li>
                {names.get(a) ?? a}: {fmt.number(lacValues[a] ?? 0)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('membership.coverage.noTargets')}</p>
        )}
        <h3>{t('membership.coverage.targetTypes')}</h3>
        {typeTargets.length ? (
          <ul class="small">
            {typeTargets.map((ty) => (
              <li>
                {t(`membership.types.${ty}`)}: {fmt.number(stats.byType[ty] ?? 0)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('membership.coverage.noTargets')}</p>
        )}
        <p>
          <a href={`/${l}/join`}>{t('membership.directory.join')}</a>
        </p>
      </section>
      <section aria-labelledby="cov-type">
        <h2 id="cov-type">{t('membership.coverage.byType')}</h2>
        <figure class="chart">
          {raw(renderBarChart({ title: t('membership.coverage.byType'), desc: t('membership.coverage.chartDesc'), rows: typeRows, formatNumber: fmt.number, idPrefix: 'by-type' }))}
        </figure>
        <Table
          caption={t('membership.coverage.byType')}
          captionHidden
          head={[t('membership.fields.type'), { label: t('membership.coverage.members'), num: true }]}
          numeric={[1]}
          rows={typeRows.map((r) => [r.label, fmt.number(r.value)])}
        />
      </section>
      <section aria-labelledby="cov-obj">
        <h2 id="cov-obj">{t('membership.coverage.byObjective')}</h2>
        <figure class="chart">
          {raw(renderBarChart({ title: t('membership.coverage.byObjective'), desc: t('membership.coverage.chartDesc'), rows: objRows, formatNumber: fmt.number, idPrefix: 'by-objective' }))}
        </figure>
        <Table
          caption={t('membership.coverage.byObjective')}
          captionHidden
          head={[t('membership.fields.objective'), { label: t('membership.coverage.members'), num: true }]}
          numeric={[1]}
          rows={objRows.map((r) => [r.label, fmt.number(r.value)])}
        />
      </section>
      <section aria-labelledby="cov-time">
        <h2 id="cov-time">{t('membership.coverage.overTime')}</h2>
        {months.length ? (
          <>
            <figure class="chart">
              {raw(
                renderColumnChart({
                  title: t('membership.coverage.overTime'),
                  desc: t('membership.coverage.chartDesc'),
                  categories: months.map((m) => fmt.month(`${m}-01T00:00:00Z`)),
                  series: [
                    { name: t('membership.coverage.applications'), values: months.map((m) => stats.applied[m] ?? 0) },
                    { name: t('membership.coverage.admissions'), values: months.map((m) => stats.admitted[m] ?? 0) },
                  ],
                  formatNumber: fmt.number,
                  idPrefix: 'over-time',
                }),
              )}
            </figure>
            <Table
              caption={t('membership.coverage.overTime')}
              captionHidden
              head={[t('membership.coverage.month'), { label: t('membership.coverage.applications'), num: true }, { label: t('membership.coverage.admissions'), num: true }]}
              numeric={[1, 2]}
              rows={months.map((m) => [fmt.month(`${m}-01T00:00:00Z`), fmt.number(stats.applied[m] ?? 0), fmt.number(stats.admitted[m] ?? 0)])}
            />
          </>
        ) : (
          <EmptyState>{t('membership.coverage.noHistory')}</EmptyState>
        )}
      </section>
    </>,
    { title: t('membership.coverage.title'), description: t('membership.coverage.mapDesc') },
  );
});

publicRoutes.get('/coverage/map.svg', async (c) => {
  const t = c.get('t');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const [counts, names] = await Promise.all([memberCountsByCountry(db), countryNames(db, c.get('locale'))]);
  const svg = renderLacChoropleth({
    values: Object.fromEntries(LAC_ALPHA2.map((a) => [a, counts[a] ?? 0])),
    title: t('membership.coverage.mapTitle'),
    desc: t('membership.coverage.mapDesc'),
    legendLabel: t('membership.coverage.legend'),
    zeroLabel: t('membership.coverage.zero'),
    formatNumber: fmt.number,
    countryName: (a) => names.get(a) ?? a,
  });
  c.set('cacheable', true);
  return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'Cache-Control': 'public, max-age=300' });
});

/** The last 12 months up to the latest month with data (YYYY-MM), oldest first. */
function lastMonths(seen: Set<string>): string[] {
  const valid = [...seen].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!valid.length) return [];
  const [y, mo] = valid[valid.length - 1]!.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(y, mo - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

