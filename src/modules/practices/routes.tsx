/** @module Practices: pages and form posts (search, a practice, the form, review, files, downloads). */
import { Hono, type Context } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { readForm, validate } from '../../platform/http/forms.js';
import { redirectWith } from '../../platform/http/flash.js';
import { authorize, requireUser, type Actor } from '../../platform/authz/authz.js';
import { TText, Form, TextArea, Button, EmptyState, Pagination, Notice, Table, ChoiceField, SelectField, TextField, emptyForm, type FormState, type FormValues } from '../../platform/views/components.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../platform/i18n/locales.js';
import { listObjectives, listPrinciples, listCountries, countryNames } from '../../platform/reference/queries.js';
import { getOrganizations, listMemberOrganizations } from '../membership/index.js';
import { PracticeForm, toInput, missingForSubmit } from './schemas.js';
import { getPractice, practicesByIds, practicesOf, reviewQueue, practiceEvents, attachmentsOf, relatedPractices, allPractices, translationStatus, type Practice } from './queries.js';
import { practicePolicy, scopeOf, type Scope } from './policy.js';
import { createPractice, updatePractice } from './commands/save.js';
import { transition, type Action } from './commands/workflow.js';
import { addAttachment, removeAttachment, uploadsDir, MAX_BYTES } from './commands/attachments.js';
import { searchPractices, FACETS } from './search.js';
import { parseHubQuery, toHubParams } from './hub.js';
import { PracticeItem, PracticeFormView, StatusBadge, FilterLinks, Section, type FormOptions } from './views.js';
import { TEXT_FIELDS, REGIONS, RESOURCE_TYPES, SCOPES, RECOMMENDED_START } from './model.js';
import { practiceJson, practicePdf, practicesCsv } from './export.js';
import { usersByIds } from '../../platform/auth/users.js';

export const practicesRoutes = new Hono<AppEnv>({ strict: false });

const ID = '{[0-9a-z]{16}}';

async function load(c: Context<AppEnv>) {
  const user = c.get('user');
  const { db } = c.get('deps');
  const scope = await scopeOf(db, user);
  return { user, scope, db };
}

/** Requires a signed-in user, loads practice `id` (null when unknown: answer 404) and authorizes editing it. */
async function loadForEdit(c: Context<AppEnv>, id: string) {
  const user = requireUser(c);
  const { db, scope } = await load(c);
  const p = await getPractice(db, id);
  if (!p) return null;
  authorize(c, practicePolicy.can(user, 'edit', { p, s: scope }));
  return { user, db, scope, p };
}

async function formOptions(c: Context<AppEnv>, user: CurrentUser, scope: Scope, current?: string | null): Promise<FormOptions> {
  const { db } = c.get('deps');
  const l = c.get('locale');
  const orgs = user.role === 'admin' ? await listMemberOrganizations(db) : await getOrganizations(db, [...new Set([...scope.orgIds, ...(current ? [current] : [])])]);
  return {
    orgs: orgs.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
    objectives: await listObjectives(db, l),
    principles: await listPrinciples(db, l),
    countries: await listCountries(db, l),
  };
}

/** A stored practice as form values. */
function valuesOf(p: Practice): FormValues {
  const v: FormValues = {
    org_id: p.orgId ?? '',
    original_lang: p.originalLang,
    implementers: p.implementers ?? '',
    partners: p.partners ?? '',
    scope: p.scope ?? '',
    start_date: p.startDate ?? '',
    end_date: p.endDate ?? '',
    resource_type: p.resourceType ?? '',
    links: p.links.join('\n'),
    contact_name: p.contactName ?? '',
    contact_email: p.contactEmail ?? '',
    objectives: p.objectives.map(String),
    principles: p.principles,
    countries: p.countries,
  };
  for (const f of TEXT_FIELDS) for (const l of LOCALES) v[`${f}_${l}`] = p.texts[f][l] ?? '';
  return v;
}

const titleOf = (p: Practice, l: Locale, fallback: string) => pickTranslated(p.texts.title, l)?.text ?? fallback;

/** Mails the practice's creator about a step of the workflow, in their language. */
async function mailAuthors(c: Context<AppEnv>, p: Practice, to: string, comment?: string | null) {
  const { db, mailer, i18n, config } = c.get('deps');
  const [u] = await usersByIds(db, [p.createdBy]);
  if (!u) return;
  const l = (LOCALES as readonly string[]).includes(u.locale ?? '') ? (u.locale as Locale) : 'es';
  const t = i18n.t(l);
  const title = titleOf(p, l, t('practices.untitled'));
  await mailer.send({
    to: u.email,
    kind: 'practice-status',
    subject: t('practices.mail.subject', { title, status: t(`practices.status.${to}`) }),
    text: t('practices.mail.body', {
      title,
      status: t(`practices.status.${to}`),
      comment: comment ? `\n${t('practices.mail.comment')}\n${comment}\n` : '',
      url: `${config.baseUrl}/${l}/practices/${p.id}`,
    }),
  });
}

// ---------------------------------------------------------------------------------------------------
// Search

practicesRoutes.get('/practices', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const [objectives, principles, countries] = await Promise.all([listObjectives(db, l), listPrinciples(db, l), listCountries(db, l)]);
  const url = new URL(c.req.url);
  const q = parseHubQuery(url.searchParams, objectives, principles);
  const r = await searchPractices(db, q);
  const items = await practicesByIds(db, r.ids);
  const names = await countryNames(db, l);
  const params = toHubParams(q, objectives, principles);
  const values: FormValues = {
    text: q.text,
    gcm_objectives: url.searchParams.getAll('gcm_objectives'),
    cross_cutting_theme: url.searchParams.getAll('cross_cutting_theme'),
    country: q.country?.[0] ?? '',
    region: q.region?.[0] ?? '',
    type_of_resource: q.type?.[0] ?? '',
    resource_language: q.lang?.[0] ?? '',
    sort: q.sort ?? '',
  };
  const form = emptyForm(values);
  const count = (f: (typeof FACETS)[number], v: string) => r.facets[f][v] ?? 0;
  const withCount = (label: string, n: number) => `${label} (${n})`;
  const countryOpts = countries.filter((x) => count('country', x.alpha2) > 0 || q.country?.includes(x.alpha2));
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('practices.search.title')}</h1>
      <p class="lead">{t('practices.search.lead')}</p>
      <Form action={`/${l}/practices`} method="get" class="filters">
        <TextField name="text" type="search" label={t('practices.search.text')} hint={t('practices.search.textHint')} form={form} />
        <div class="row">
          <SelectField
            name="country"
            label={t('practices.fields.country')}
            form={form}
            empty={t('practices.search.any')}
            options={countryOpts.map((x) => ({ value: x.alpha2, label: withCount(x.name, count('country', x.alpha2)) }))}
          />
          <SelectField name="region" label={t('practices.fields.region')} form={form} empty={t('practices.search.any')} options={REGIONS.map((x) => ({ value: x, label: withCount(t(`practices.regions.${x}`), count('region', x)) }))} />
          <SelectField name="type_of_resource" label={t('practices.fields.type')} form={form} empty={t('practices.search.any')} options={RESOURCE_TYPES.map((x) => ({ value: x, label: withCount(t(`practices.types.${x}`), count('type', x)) }))} />
          <SelectField name="resource_language" label={t('practices.fields.language')} form={form} empty={t('practices.search.any')} options={LOCALES.map((x) => ({ value: x, label: withCount(LOCALE_NAMES[x], count('lang', x)) }))} />
          <SelectField
            name="sort"
            label={t('practices.search.sort')}
            form={form}
            options={[
              { value: '', label: t('practices.search.sortDefault') },
              { value: 'newest', label: t('practices.search.sortNewest') },
              { value: 'oldest', label: t('practices.search.sortOldest') },
            ]}
          />
        </div>
        <details open={!!(q.objective?.length || q.principle?.length)}>
          <summary>{t('practices.search.moreFilters')}</summary>
          <ChoiceField
            name="gcm_objectives"
            legend={t('practices.fields.objectives')}
            form={form}
            multiple
            columns
            options={objectives.map((o) => ({ value: String(o.hubId), label: withCount(t('reference.objectives.numbered', { n: o.n, title: o.short }), count('objective', String(o.n))) }))}
          />
          <ChoiceField
            name="cross_cutting_theme"
            legend={t('practices.fields.principles')}
            form={form}
            multiple
            columns
            options={principles.map((p) => ({ value: String(p.hubId), label: withCount(p.name, count('principle', p.key)) }))}
          />
        </details>
        <div class="actions">
          <Button>{t('form.search')}</Button>
          <a href={`/${l}/practices`}>{t('form.clear')}</a>
        </div>
      </Form>
      <h2 id="results">{t('practices.search.results', { count: r.total })}</h2>
      {r.corrected.length ? <p class="muted">{t('practices.search.corrected', { words: r.corrected.join(', ') })}</p> : null}
      {items.length ? (
        <div class="grid">
          {items.map((p) => (
            <PracticeItem p={p} objectives={objectives} countries={names} headingLevel={3} />
          ))}
        </div>
      ) : (
        <EmptyState>{t('practices.search.none')}</EmptyState>
      )}
      <Pagination page={r.page} pages={r.pages} baseUrl={`/${l}/practices`} params={params} />
      <p class="small muted">{t('practices.search.share')}</p>
    </>,
    { title: t('practices.search.title'), description: t('practices.search.lead') },
  );
});

// ---------------------------------------------------------------------------------------------------
// The member's own practices, the review queue, the CSV export

practicesRoutes.get('/practices/mine', async (c) => {
  const user = requireUser(c);
  const { db, scope } = await load(c);
  const t = c.get('t');
  const l = c.get('locale');
  const list = await practicesOf(db, user.id, scope.orgIds);
  const names = await countryNames(db, l);
  const objectives = await listObjectives(db, l);
  return c.render(
    <>
      <h1>{t('practices.mine.title')}</h1>
      {practicePolicy.can(user, 'create', scope) ? (
        <p>
          <a class="button" href={`/${l}/practices/new`}>
            {t('practices.new.title')}
          </a>
        </p>
      ) : (
        <Notice>{t('practices.mine.noOrg')}</Notice>
      )}
      {list.length ? (
        <div class="grid">
          {list.map((p) => (
            <PracticeItem p={p} objectives={objectives} countries={names} showStatus />
          ))}
        </div>
      ) : (
        <EmptyState>{t('practices.mine.empty')}</EmptyState>
      )}
    </>,
    { title: t('practices.mine.title'), noindex: true },
  );
});

practicesRoutes.get('/practices/review', async (c) => {
  const user = requireUser(c);
  const { db, scope } = await load(c);
  authorize(c, practicePolicy.can(user, 'queue', scope));
  const t = c.get('t');
  const l = c.get('locale');
  const list = await reviewQueue(db, user.role === 'admin' ? undefined : scope.reviewObjectives);
  return c.render(
    <>
      <h1>{t('practices.review.title')}</h1>
      <p class="lead">{t('practices.review.lead')}</p>
      {list.length ? (
        <Table
          caption={t('practices.review.caption')}
          head={[t('practices.fields.title'), t('practices.fields.status'), t('practices.fields.objectives'), t('practices.review.submitted')]}
          rows={list.map((p) => [
            <a href={`/${l}/practices/${p.id}`}>{titleOf(p, l, t('practices.untitled'))}</a>,
            <StatusBadge status={p.status} />,
            p.objectives.join(', '),
            c.get('fmt').date(p.submittedAt),
          ])}
        />
      ) : (
        <EmptyState>{t('practices.review.empty')}</EmptyState>
      )}
      {practicePolicy.can(user, 'exportAll') ? (
        <p>
          <a href={`/${l}/practices/export.csv`}>{t('practices.review.exportCsv')}</a>
        </p>
      ) : null}
    </>,
    { title: t('practices.review.title'), noindex: true },
  );
});

practicesRoutes.get('/practices/export.csv', async (c) => {
  const user = requireUser(c);
  authorize(c, practicePolicy.can(user, 'exportAll'));
  const { db } = c.get('deps');
  const csv = await practicesCsv(db, c.get('locale'), await allPractices(db));
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="practices.csv"',
    'Cache-Control': 'no-store',
  });
});

// ---------------------------------------------------------------------------------------------------
// New and edit

practicesRoutes.get('/practices/new', async (c) => {
  const user = requireUser(c);
  const { scope } = await load(c);
  authorize(c, practicePolicy.can(user, 'create', scope));
  const opts = await formOptions(c, user, scope);
  return renderForm(c, `/${c.get('locale')}/practices/new`, emptyForm({ original_lang: c.get('locale'), org_id: opts.orgs.length === 1 ? opts.orgs[0]!.value : '' }), opts);
});

function renderForm(c: Context<AppEnv>, action: string, form: FormState, opts: FormOptions, p?: Practice, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  c.status(status as any);
  const title = p ? t('practices.edit.title') : t('practices.new.title');
  return c.render(
    <>
      <h1>{title}</h1>
      {p?.status === 'returned' ? <Notice type="warning">{t('practices.edit.returned')}</Notice> : null}
      <PracticeFormView action={action} form={form} opts={opts} cancel={p ? `/${l}/practices/${p.id}` : `/${l}/practices/mine`} />
    </>,
    { title, noindex: true, crumbs: [[t('practices.mine.title'), '/practices/mine']] },
  );
}

/** Saves the form (create or update) and, when asked, submits it: all in one transaction. */
async function saveForm(c: Context<AppEnv>, existing?: Practice) {
  const user = requireUser(c);
  const { db, scope } = await load(c);
  const t = c.get('t');
  const l = c.get('locale');
  if (existing) authorize(c, practicePolicy.can(user, 'edit', { p: existing, s: scope }));
  else authorize(c, practicePolicy.can(user, 'create', scope));
  const values = await readForm(c);
  const action = values.action === 'submit' ? 'submit' : 'save';
  const formAction = existing ? `/${l}/practices/${existing.id}/edit` : `/${l}/practices/new`;
  const v = validate(PracticeForm, values, t);
  const opts = await formOptions(c, user, scope, existing?.orgId);
  if (!v.ok) return renderForm(c, formAction, { values, errors: v.errors }, opts, existing, 422);
  const input = toInput(v.data);
  const errors: Record<string, string> = {};
  if (input.orgId && !opts.orgs.some((o) => o.value === input.orgId)) errors.org_id = t('practices.errors.orgNotYours');
  // People document practices for one of their organizations; administrators may leave it empty.
  if (!input.orgId && user.role !== 'admin') errors.org_id = t('practices.errors.orgRequired');
  const known = new Set(opts.countries.map((x) => x.alpha2));
  if (input.countries.some((x) => !known.has(x))) errors.countries = t('form.error.choice');
  const pkeys = new Set(opts.principles.map((x) => x.key));
  if (input.principles.some((x) => !pkeys.has(x))) errors.principles = t('form.error.choice');
  if (action === 'submit') for (const [k, key] of Object.entries(missingForSubmit(input))) errors[k] ??= t(key);
  if (Object.keys(errors).length) return renderForm(c, formAction, { values, errors }, opts, existing, 422);
  const out = await db.transaction().execute(async (trx) => {
    const saved = existing ? await updatePractice(trx, user, existing.id, input) : await createPractice(trx, user, input);
    if (!saved.ok || action === 'save') return { saved, moved: null };
    const moved = await transition(trx, user, saved.id, 'submit');
    if (!moved.ok) throw new Error(`submit failed: ${moved.reason}`);
    return { saved, moved };
  });
  if (!out.saved.ok) return redirectWith(c, `/${l}/practices/${existing!.id}`, { type: 'error', key: 'practices.flash.notEditable' });
  if (out.moved?.ok) await mailAuthors(c, out.moved.practice, 'submitted');
  return redirectWith(c, `/${l}/practices/${out.saved.id}`, { type: 'success', key: action === 'submit' ? 'practices.flash.submitted' : 'practices.flash.saved' });
}

practicesRoutes.post('/practices/new', (c) => saveForm(c));

practicesRoutes.get(`/practices/:id${ID}/edit`, async (c) => {
  const found = await loadForEdit(c, c.req.param('id'));
  if (!found) return c.notFound();
  const { user, scope, p } = found;
  return renderForm(c, `/${c.get('locale')}/practices/${p.id}/edit`, emptyForm(valuesOf(p)), await formOptions(c, user, scope, p.orgId), p);
});

practicesRoutes.post(`/practices/:id${ID}/edit`, async (c) => {
  const p = await getPractice(c.get('deps').db, c.req.param('id'));
  if (!p) return c.notFound();
  return saveForm(c, p);
});

// ---------------------------------------------------------------------------------------------------
// Workflow

practicesRoutes.post(`/practices/:id${ID}/workflow`, async (c) => {
  const user = requireUser(c);
  const { db, scope } = await load(c);
  const l = c.get('locale');
  const t = c.get('t');
  const p = await getPractice(db, c.req.param('id'));
  if (!p) return c.notFound();
  const values = await readForm(c);
  const action = String(values.action ?? '') as Action;
  const rule = action === 'submit' ? 'submit' : action === 'unpublish' ? 'unpublish' : ['start_review', 'request_changes', 'approve', 'comment'].includes(action) ? 'review' : null;
  if (!rule) return c.notFound();
  // Authors may also comment on their practice while it is in review.
  const allowed = practicePolicy.can(user, rule, { p, s: scope }) || (action === 'comment' && p.status !== 'draft' && practicePolicy.can(user, 'view', { p, s: scope }));
  authorize(c, allowed);
  const comment = typeof values.comment === 'string' ? values.comment.slice(0, 5000) : null;
  const out = await db.transaction().execute((trx) => transition(trx, user, p.id, action, comment));
  if (!out.ok) {
    if (out.reason === 'comment_required' || out.reason === 'incomplete') {
      const errors: Record<string, string> =
        out.reason === 'comment_required' ? { comment: t('practices.errors.commentRequired') } : Object.fromEntries(Object.entries(out.missing ?? {}).map(([k, v]) => [k, t(v)]));
      return renderPractice(c, p, { values, errors }, 422);
    }
    return redirectWith(c, `/${l}/practices/${p.id}`, { type: 'error', key: 'practices.flash.wrongState' });
  }
  if (action !== 'comment' || user.id !== p.createdBy) await mailAuthors(c, out.practice, out.to, comment);
  return redirectWith(c, `/${l}/practices/${p.id}`, { type: 'success', key: `practices.flash.${action}` });
});

// ---------------------------------------------------------------------------------------------------
// Attachments

practicesRoutes.post(`/practices/:id${ID}/attachments`, async (c) => {
  const found = await loadForEdit(c, c.req.param('id'));
  if (!found) return c.notFound();
  const { user, db, p } = found;
  const l = c.get('locale');
  const t = c.get('t');
  const len = Number(c.req.header('content-length') ?? '0');
  if (len > MAX_BYTES + 64 * 1024) return renderPractice(c, p, { values: {}, errors: { file: t('practices.errors.fileTooLarge') } }, 413);
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || !file.size) return renderPractice(c, p, { values: {}, errors: { file: t('practices.errors.fileMissing') } }, 422);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const out = await db.transaction().execute((trx) => addAttachment(trx, user, c.get('deps').config.dataDir, p.id, { name: file.name, bytes }));
  if (!out.ok) {
    const key = { missing: 'fileMissing', too_large: 'fileTooLarge', bad_type: 'fileType', too_many: 'fileTooMany' }[out.reason];
    return renderPractice(c, p, { values: {}, errors: { file: t(`practices.errors.${key}`) } }, out.reason === 'too_large' ? 413 : 422);
  }
  return redirectWith(c, `/${l}/practices/${p.id}`, { type: 'success', key: 'practices.flash.attached' });
});

practicesRoutes.post(`/practices/:id${ID}/attachments/:aid${ID}/delete`, async (c) => {
  const found = await loadForEdit(c, c.req.param('id'));
  if (!found) return c.notFound();
  const { user, db, p } = found;
  await db.transaction().execute((trx) => removeAttachment(trx, user, c.get('deps').config.dataDir, p.id, c.req.param('aid')));
  return redirectWith(c, `/${c.get('locale')}/practices/${p.id}`, { type: 'success', key: 'practices.flash.detached' });
});

practicesRoutes.get(`/practices/:id${ID}/files/:aid${ID}`, async (c) => {
  const { db, scope, user } = await load(c);
  const p = await getPractice(db, c.req.param('id'));
  if (!p) return c.notFound();
  authorize(c, practicePolicy.can(user, 'view', { p, s: scope }));
  const a = await db.selectFrom('practice_attachments').selectAll().where('id', '=', c.req.param('aid')).where('practice_id', '=', p.id).executeTakeFirst();
  if (!a) return c.notFound();
  const bytes = await readFile(join(uploadsDir(c.get('deps').config.dataDir), a.stored_name)).catch(() => null);
  if (!bytes) return c.notFound();
  const ascii = a.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': a.content_type,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.file_name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
});

// ---------------------------------------------------------------------------------------------------
// Downloads for the Hub

practicesRoutes.get(`/practices/:id${ID}/hub.json`, async (c) => {
  const { db } = c.get('deps');
  const p = await getPractice(db, c.req.param('id'));
  if (!p || p.status !== 'published') return c.notFound();
  c.set('cacheable', true);
  return c.json(await practiceJson(db, c.get('locale'), p, c.get('deps').config.baseUrl), 200, { 'Content-Disposition': `attachment; filename="practice-${p.id}.json"` });
});

practicesRoutes.get(`/practices/:id${ID}/hub.pdf`, async (c) => {
  const { db } = c.get('deps');
  const p = await getPractice(db, c.req.param('id'));
  if (!p || p.status !== 'published') return c.notFound();
  const pdf = await practicePdf(db, c.get('locale'), c.get('t'), p, c.get('deps').config.baseUrl);
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="practice-${p.id}.pdf"` });
});

// ---------------------------------------------------------------------------------------------------
// A practice

practicesRoutes.get(`/practices/:id${ID}`, async (c) => {
  const { db, scope, user } = await load(c);
  const p = await getPractice(db, c.req.param('id'));
  if (!p) return c.notFound();
  authorize(c, practicePolicy.can(user, 'view', { p, s: scope }));
  if (p.status === 'published' && !user) c.set('cacheable', true);
  return renderPractice(c, p, emptyForm(), 200, scope);
});

async function renderPractice(c: Context<AppEnv>, p: Practice, form: FormState, status = 200, scopeIn?: Scope) {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const user: Actor = c.get('user');
  const { db } = c.get('deps');
  const scope = scopeIn ?? (await scopeOf(db, user));
  const [objectives, principles, names, org] = await Promise.all([
    listObjectives(db, l),
    listPrinciples(db, l),
    countryNames(db, l),
    p.orgId ? getOrganizations(db, [p.orgId]).then((x) => x[0]) : Promise.resolve(undefined),
  ]);
  const attachments = await attachmentsOf(db, p.id);
  const related = p.status === 'published' ? await relatedPractices(db, p) : [];
  const r = { p, s: scope };
  const canEdit = practicePolicy.can(user, 'edit', r);
  const canReview = practicePolicy.can(user, 'review', r);
  const isInsider = !!user && (canEdit || canReview || practicePolicy.can(user, 'view', r)) && (p.status !== 'published' || canEdit || user.role === 'admin' || p.createdBy === user.id || (!!p.orgId && scope.orgIds.includes(p.orgId)));
  const events = isInsider ? await practiceEvents(db, p.id) : [];
  const missing = canEdit ? missingForSubmit(p) : {};
  const title = titleOf(p, l, t('practices.untitled'));
  const ts = translationStatus(p);
  const objLink = (n: number) => {
    const o = objectives.find((x) => x.n === n)!;
    return { label: t('reference.objectives.numbered', { n, title: o.short }), href: `/${l}/practices?gcm_objectives=${o.hubId}` };
  };
  c.status(status as any);
  return c.render(
    <>
      <h1>{p.texts.title[l] || Object.keys(p.texts.title).length ? <TText value={p.texts.title} /> : t('practices.untitled')}</h1>
      {p.status !== 'published' ? (
        <p>
          {t('practices.fields.status')}: <StatusBadge status={p.status} />
        </p>
      ) : null}
      <TText value={p.texts.summary} as="div" />
      <dl class="meta">
        {org ? (
          <>
            <dt>{t('practices.fields.org')}</dt>
            <dd>{org.name}</dd>
          </>
        ) : null}
        {p.implementers ? (
          <>
            <dt>{t('practices.fields.implementers')}</dt>
            <dd>{p.implementers}</dd>
          </>
        ) : null}
        {p.partners ? (
          <>
            <dt>{t('practices.fields.partners')}</dt>
            <dd>{p.partners}</dd>
          </>
        ) : null}
        {p.countries.length ? (
          <>
            <dt>{t('practices.fields.countries')}</dt>
            <dd>
              {p.countries.map((x, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={`/${l}/practices?country=${x}`}>{names.get(x) ?? x}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        {p.scope ? (
          <>
            <dt>{t('practices.fields.scope')}</dt>
            <dd>{t(`practices.scopes.${p.scope}`)}</dd>
          </>
        ) : null}
        {p.startDate ? (
          <>
            <dt>{t('practices.fields.period')}</dt>
            <dd>
              {fmt.date(p.startDate)} – {p.endDate ? fmt.date(p.endDate) : t('practices.ongoing')}
              {p.startDate < RECOMMENDED_START ? <span class="small muted"> ({t('practices.beforeGcm')})</span> : null}
            </dd>
          </>
        ) : null}
        {p.resourceType ? (
          <>
            <dt>{t('practices.fields.type')}</dt>
            <dd>
              <a href={`/${l}/practices?type_of_resource=${p.resourceType}`}>{t(`practices.types.${p.resourceType}`)}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('practices.fields.languages')}</dt>
        <dd>
          {LOCALES.filter((x) => ts[x])
            .map((x) => `${LOCALE_NAMES[x]} (${t(`practices.translation.${ts[x]}`)})`)
            .join(', ')}
        </dd>
      </dl>
      {p.objectives.length ? (
        <section>
          <h2>{t('practices.fields.objectives')}</h2>
          <FilterLinks items={p.objectives.map(objLink)} />
        </section>
      ) : null}
      {p.principles.length ? (
        <section>
          <h2>{t('practices.fields.principles')}</h2>
          <FilterLinks
            items={p.principles.map((k) => {
              const pr = principles.find((x) => x.key === k);
              return { label: pr?.name ?? k, href: `/${l}/practices?cross_cutting_theme=${pr?.hubId ?? ''}` };
            })}
          />
        </section>
      ) : null}
      {TEXT_FIELDS.filter((f) => f !== 'title' && f !== 'summary').map((f) => (
        <Section title={t(`practices.fields.${f}`)} value={p.texts[f]} />
      ))}
      {p.links.length ? (
        <section>
          <h2>{t('practices.fields.links')}</h2>
          <ul>
            {p.links.map((u) => (
              <li>
                <a href={u} rel="nofollow noopener noreferrer">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {attachments.length || canEdit ? (
        <section>
          <h2>{t('practices.attachments.title')}</h2>
          {attachments.length ? (
            <ul>
              {attachments.map((a) => (
                <li>
                  <a href={`/${l}/practices/${p.id}/files/${a.id}`}>{a.file_name}</a> <span class="small muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
                  {canEdit ? (
                    <Form action={`/${l}/practices/${p.id}/attachments/${a.id}/delete`} class="inline">
                      <Button variant="secondary">{t('practices.attachments.remove', { name: a.file_name })}</Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {canEdit ? (
            <Form action={`/${l}/practices/${p.id}/attachments`} enctype="multipart/form-data">
              <div class={`field${form.errors.file ? ' has-error' : ''}`}>
                <label for="f-file">{t('practices.attachments.add')}</label>
                <span class="hint" id="f-file-hint">
                  {t('practices.attachments.hint')}
                </span>
                {form.errors.file ? (
                  <span class="error-message" id="f-file-error" role="alert">
                    {form.errors.file}
                  </span>
                ) : null}
                <input type="file" id="f-file" name="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp" aria-describedby={form.errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'} />
              </div>
              <Button variant="secondary">{t('practices.attachments.upload')}</Button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {p.contactName || p.contactEmail ? (
        <section>
          <h2>{t('practices.contact')}</h2>
          <p>
            {p.contactName}
            {p.contactName && p.contactEmail ? ' · ' : ''}
            {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
          </p>
        </section>
      ) : null}
      {p.status === 'published' ? (
        <section>
          <h2>{t('practices.download.title')}</h2>
          <p class="small muted">{t('practices.download.lead')}</p>
          <ul>
            <li>
              <a href={`/${l}/practices/${p.id}/hub.pdf`}>{t('practices.download.pdf')}</a>
            </li>
            <li>
              <a href={`/${l}/practices/${p.id}/hub.json`}>{t('practices.download.json')}</a>
            </li>
          </ul>
        </section>
      ) : null}
      {canEdit || canReview || (user && events.length) ? (
        <section>
          <h2>{t('practices.workflow.title')}</h2>
          {canEdit ? (
            <>
              {Object.keys(missing).length ? (
                <Notice type="warning">
                  <p>{t('practices.workflow.missing')}</p>
                  <ul>
                    {Object.entries(missing).map(([, k]) => (
                      <li>{t(k)}</li>
                    ))}
                  </ul>
                </Notice>
              ) : null}
              <div class="actions">
                <a class="button secondary" href={`/${l}/practices/${p.id}/edit`}>
                  {t('practices.workflow.edit')}
                </a>
                <Form action={`/${l}/practices/${p.id}/workflow`}>
                  <Button name="action" value="submit">
                    {t('practices.form.submit')}
                  </Button>
                </Form>
              </div>
            </>
          ) : null}
          {canReview ? (
            <Form action={`/${l}/practices/${p.id}/workflow`}>
              <TextArea name="comment" label={t('practices.workflow.comment')} hint={t('practices.workflow.commentHint')} form={form} rows={4} />
              <div class="actions">
                {p.status === 'submitted' ? (
                  <Button name="action" value="start_review" variant="secondary">
                    {t('practices.workflow.start_review')}
                  </Button>
                ) : null}
                <Button name="action" value="comment" variant="secondary">
                  {t('practices.workflow.comment_action')}
                </Button>
                <Button name="action" value="request_changes" variant="danger">
                  {t('practices.workflow.request_changes')}
                </Button>
                <Button name="action" value="approve">
                  {t('practices.workflow.approve')}
                </Button>
              </div>
            </Form>
          ) : null}
          {!canReview && user && (p.status === 'submitted' || p.status === 'in_review') && events.length ? (
            <Form action={`/${l}/practices/${p.id}/workflow`}>
              <TextArea name="comment" label={t('practices.workflow.comment')} form={form} rows={3} />
              <Button name="action" value="comment" variant="secondary">
                {t('practices.workflow.comment_action')}
              </Button>
            </Form>
          ) : null}
          {practicePolicy.can(user, 'unpublish', r) ? (
            <Form action={`/${l}/practices/${p.id}/workflow`}>
              <TextArea name="comment" label={t('practices.workflow.unpublishReason')} form={form} rows={2} />
              <Button name="action" value="unpublish" variant="danger">
                {t('practices.workflow.unpublish')}
              </Button>
            </Form>
          ) : null}
          {events.length ? (
            <Table
              caption={t('practices.workflow.history')}
              head={[t('practices.workflow.when'), t('practices.workflow.who'), t('practices.workflow.what'), t('practices.workflow.commentCol')]}
              rows={events.map((e) => [fmt.dateTime(e.at), e.actor_name ?? '', t(`practices.events.${e.action}`), e.comment ?? ''])}
            />
          ) : null}
        </section>
      ) : null}
      {related.length ? (
        <section>
          <h2>{t('practices.related')}</h2>
          <div class="grid">
            {related.map((x) => (
              <PracticeItem p={x} objectives={objectives} countries={names} headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}
    </>,
    { title, description: pickTranslated(p.texts.summary, l)?.text?.slice(0, 200), crumbs: [[t('practices.search.title'), '/practices']], noindex: p.status !== 'published' },
  );
}

export { SCOPES };
