/**
 * @module Library: the module's pages and form posts — the library (search), a document, the form, its files.
 * Every GET is load → 404 → a named policy rule → render; every POST is an `action()`. URLs come from paths.ts.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { pageParam } from '../../platform/http/page.js';
import { authorize, requireUser, isAdmin } from '../../platform/authz/authz.js';
import { emptyForm, optionsHtml, countedHtml, countedOptions, countsAt, paginationHtml, type CountedMarkup, type FormState, type Option } from '../../platform/views/components.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { ok, fail } from '../../platform/outcome.js';
import { downloadHeaders } from '../../platform/files.js';
import type { Db } from '../../db/schema.js';
import { todayIso } from '../../db/ids.js';
import { listObjectives, listCountries, countryNames } from '../../platform/reference/queries.js';
import { objectiveOptions, lacCountryOptions } from '../../platform/reference/options.js';
import { paths as referencePaths } from '../../platform/paths.js';
import { listBodies } from '../bodies/index.js';
import { getOrganizations, listMemberOrganizations } from '../membership/index.js';
import { readerBodies, keptReaderBodies } from '../bodies/index.js';
import { libraryPolicy, readerScope, type ReaderFacts } from './policy.js';
import { getDocument, documentsByIds, type Document } from './queries.js';
import { searchLibrary, FACETS, type Facet, type LibraryQuery } from './search.js';
import { createDocument, updateDocument, deleteDocument } from './commands/save.js';
import { storeFile, removeFile, fileBytes, MAX_BYTES, type Upload } from './commands/files.js';
import { DocumentForm, toInput, valuesOf, type DocumentFormData } from './schemas.js';
import { paths } from './paths.js';
import { LibraryPage, LIST_SLOTS, listChoices, listFields, type Counted } from './views/list.js';
import { DocumentPage } from './views/document.js';
import { DocumentFormPage } from './views/form.js';
import { titleIn, DocumentItem } from './views/parts.js';
import { keptRows, keptTemplate, escapeHtml } from '../../platform/views/fragment.js';
import { activeFilters, activeFiltersHtml, filterToggleText } from '../../platform/views/filters.js';
import { libraryAtomFeed } from './feed.js';

export const libraryRoutes = new Hono<AppEnv>({ strict: false });

/** Request body limits (the platform answers 413 beyond them): the create form may carry two files' worth; a file form one. */
export const CREATE_LIMIT = 2 * MAX_BYTES + 64 * 1024;
export const FILE_LIMIT = MAX_BYTES + 64 * 1024;
/** The library's query parameters, in their one order (the page cache keys on them). */
const PARAMS = ['q', 'kind', 'body', 'objective', 'country', 'lang', 'year', 'sort', 'page'] as const;

type Loaded = { d: Document; f: ReaderFacts };

async function loadDocument(c: Context<AppEnv>): Promise<Loaded | null> {
  const { db } = c.get('deps');
  const d = await getDocument(db, c.req.param('id')!);
  if (!d) return null;
  return { d, f: await readerBodies(db, c.get('user')?.id) };
}

/** A document the reader may not see is not revealed: 404, as if it did not exist. */
async function loadVisible(c: Context<AppEnv>): Promise<Loaded | null> {
  const x = await loadDocument(c);
  return x && libraryPolicy.can(c.get('user'), 'view', x) ? x : null;
}

async function bodyOptions(db: Db, l: string): Promise<Option[]> {
  return (await listBodies(db)).map((b) => ({ value: b.id, label: pickTranslated(b.name, l as any)?.text ?? b.slug }));
}

// ---------------------------------------------------------------------------------------------------
// The library

libraryRoutes.get(paths.list.pattern, async (c) => {
  const { db, cache } = c.get('deps');
  const user = c.get('user');
  const l = c.get('locale');
  const t = c.get('t');
  // The reader's place among the bodies, kept under their id (a page's; form posts read it afresh).
  const f = await keptReaderBodies(cache, db, user?.id);
  const raw = c.req.query();
  const one = (k: string) => (typeof raw[k] === 'string' && raw[k]!.trim() ? [raw[k]!.trim().slice(0, 80)] : []);
  const sort = ['relevance', 'newest', 'oldest'].includes(raw.sort ?? '') ? (raw.sort as LibraryQuery['sort']) : undefined;
  const q: LibraryQuery = { text: (raw.q ?? '').slice(0, 200), sort, page: pageParam(c), perPage: 20 };
  for (const k of FACETS) q[k] = one(k);
  const r = await searchLibrary(db, readerScope(user, f), q);
  // The bodies' names per language, and each result's card per document and language (all a card depends on:
  // the same for every reader who may see it), kept as page-cache fragments, emptied by every write.
  const bodies = await cache.fragment(`library.bodies:${l}`, () => bodyOptions(db, l));
  const items = await keptRows(
    c,
    r.ids,
    (id) => `library.card:${id}:${l}`,
    async (need) => new Map((await documentsByIds(db, need)).map((d) => [d.id, d])),
    (d) => <DocumentItem d={d} bodyName={d.bodyId ? bodies.find((b) => b.value === d.bodyId)?.label : undefined} />,
  );
  const params = new URLSearchParams();
  const values: Record<string, string> = {};
  for (const k of PARAMS) {
    if (k === 'page') continue;
    const v = k === 'q' ? q.text ?? '' : k === 'sort' ? raw.sort ?? '' : one(k)[0] ?? '';
    values[k] = v;
    if (v) params.set(k, v);
  }
  if (!user) {
    c.set('cacheable', true);
    c.set('cacheParams', PARAMS);
  }
  // What the filter form offers in a language (labels without counts, and their markup), kept; each request writes
  // the choices with its counts. A facet's choices with none are left out, except the one chosen.
  const k = await cache.fragment(`library.search.choices:${l}`, async () => {
    const [objectives, countries] = await Promise.all([listObjectives(db, l), listCountries(db, l)]);
    return listChoices(t, bodies, objectiveOptions(objectives, t), countries.map((x) => ({ value: x.alpha2, label: x.name })));
  });
  const countedIn = (f: Facet, opts: Option[], markup: CountedMarkup) => {
    const counts = countsAt(opts, (o) => o.value, r.facets[f]);
    return countedHtml(markup, (i) => counts[i]!, (v) => v === values[f], (i, n) => n > 0 || opts[i]!.value === values[f]);
  };
  const counted = (f: Counted) => countedIn(f, k.options[f], k.counted[f]);
  // The years follow the results (and the one chosen): their markup is made per request.
  const years = Object.keys(r.facets.year)
    .sort()
    .reverse()
    .map((y) => ({ value: y, label: y }));
  if (values.year && !years.some((y) => y.value === values.year)) years.push({ value: values.year, label: values.year });
  const active = activeFilters({ values, errors: {} }, listFields(t, k, years));
  const canCreate = libraryPolicy.can(user, 'create', f);
  const found = items.length > 0;
  const corrected = r.corrected.length > 0;
  const template = await keptTemplate(
    c,
    `library.list:${l}:${canCreate ? 'create' : ''}:${corrected ? 'corrected' : ''}:${found ? 'rows' : 'none'}`,
    LIST_SLOTS,
    (slot) => <LibraryPage slot={slot} canCreate={canCreate} corrected={corrected} found={found} />,
    { absent: { rows: !found, corrected: !corrected } },
  );
  return c.render(
    template({
      q: escapeHtml(values.q ?? ''),
      kind: counted('kind'),
      body: counted('body'),
      objective: counted('objective'),
      country: counted('country'),
      lang: counted('lang'),
      year: countedIn('year', years, countedOptions(years)),
      sort: optionsHtml(k.sorts, values.sort ?? ''),
      toggle: escapeHtml(filterToggleText(c, active.length)),
      active: activeFiltersHtml(c, active, paths.list.href(l)),
      count: escapeHtml(t('library.search.results', { count: r.total })),
      corrected: escapeHtml(t('library.search.corrected', { words: r.corrected.join(', ') })),
      rows: items.join(''),
      pagination: paginationHtml(c, { page: r.page, pages: r.pages, baseUrl: paths.list.href(l), params }),
    }),
    { title: q.text ? t('library.search.titleFor', { q: q.text }) : t('library.title'), feeds: [{ title: t('library.feedTitle'), href: paths.feed.href(l) }] },
  );
});

/** The Atom feed of public documents in the page's language. */
libraryRoutes.get(paths.feed.pattern, (c) => libraryAtomFeed(c));

// ---------------------------------------------------------------------------------------------------
// The form

async function renderForm(c: Context<AppEnv>, user: CurrentUser, f: ReaderFacts, form: FormState, d?: Document) {
  const { db } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const all = await bodyOptions(db, l);
  const anyBody = libraryPolicy.can(user, 'anyBody');
  const bodies = anyBody ? all : all.filter((b) => f.secretaryOf.includes(b.value) || b.value === d?.bodyId);
  const orgs = (await listMemberOrganizations(db)).map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }));
  const [objectives, countries] = await Promise.all([listObjectives(db, l), listCountries(db, l)]);
  const title = d ? t('library.form.editTitle') : t('library.form.newTitle');
  return c.render(
    <DocumentFormPage
      title={title}
      action={d ? paths.edit.href(l, { id: d.id }) : paths.create.href(l)}
      form={form}
      withFiles={!d}
      bodies={bodies}
      bodyRequired={!anyBody}
      orgs={orgs}
      objectives={objectiveOptions(objectives, t)}
      countries={lacCountryOptions(countries, t)}
    />,
    { title, noindex: true, crumbs: [[t('library.title'), paths.list.pattern]] },
  );
}

/** Checks the form's bodies and organizations against what exists and what the person may choose. */
async function checkChoices(db: Db, actor: CurrentUser, f: ReaderFacts, d: DocumentFormData, current?: Document) {
  const known = new Set((await listBodies(db)).map((b) => b.id));
  if (d.body_id && !known.has(d.body_id)) return fail('form.error.choice', { field: 'body_id' });
  if (d.visibility === 'body' && !known.has(d.visibility_body_id ?? '')) return fail('library.errors.visibilityBody', { field: 'visibility_body_id' });
  if (!isAdmin(actor)) {
    if (!d.body_id) return fail('library.errors.bodyRequired', { field: 'body_id' });
    if (!f.secretaryOf.includes(d.body_id) && d.body_id !== current?.bodyId) return fail('library.errors.notYourBody', { field: 'body_id' });
  }
  if (d.org_ids.length && (await getOrganizations(db, d.org_ids)).length !== new Set(d.org_ids).size) return fail('form.error.choice', { field: 'org_ids' });
  return ok();
}

libraryRoutes.get(paths.create.pattern, async (c) => {
  const user = requireUser(c);
  const f = await readerBodies(c.get('deps').db, user.id);
  authorize(c, libraryPolicy.can(user, 'create', f));
  const body = libraryPolicy.can(user, 'anyBody') ? '' : f.secretaryOf[0] ?? '';
  return renderForm(c, user, f, emptyForm({ kind: 'study', original_lang: c.get('locale'), published_on: todayIso(), visibility: 'public', licence: 'cc_by_4', body_id: body }));
});

libraryRoutes.post(
  paths.create.pattern,
  action({
    load: async (c, actor) => readerBodies(c.get('deps').db, actor.id),
    allow: (actor, f) => libraryPolicy.can(actor, 'create', f),
    input: DocumentForm,
    run: async (trx, { c, actor, subject, input, deps }) => {
      const checked = await checkChoices(trx, actor, subject, input);
      if (!checked.ok) return checked;
      const body = await c.req.parseBody({ all: true });
      const files: Record<string, Upload> = {};
      for (const l of LOCALES) {
        const file = body[`file_${l}`];
        if (file instanceof File && file.size) files[l] = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      }
      return createDocument(trx, actor.id, deps.config.dataDir, toInput(input), files);
    },
    form: async (c, { actor, subject, form }) => renderForm(c, actor, subject, form),
    done: ({ locale, value }) => ({ to: paths.document.href(locale, { id: value.id }), flash: 'library.flash.created' }),
  }),
);

libraryRoutes.get(paths.edit.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadVisible(c);
  if (!x) return c.notFound();
  authorize(c, libraryPolicy.can(user, 'manage', x));
  return renderForm(c, user, x.f, emptyForm(valuesOf(x.d)), x.d);
});

libraryRoutes.post(
  paths.edit.pattern,
  action({
    load: loadVisible,
    allow: (actor, x) => libraryPolicy.can(actor, 'manage', x),
    input: DocumentForm,
    run: async (trx, { actor, subject, input }) => {
      const checked = await checkChoices(trx, actor, subject.f, input, subject.d);
      if (!checked.ok) return checked;
      return updateDocument(trx, actor.id, subject.d.id, toInput(input));
    },
    form: (c, { actor, subject, form }) => renderForm(c, actor, subject.f, form, subject.d),
    done: ({ locale, subject }) => ({ to: paths.document.href(locale, { id: subject.d.id }), flash: 'library.flash.updated' }),
  }),
);

libraryRoutes.post(
  paths.remove.pattern,
  action({
    load: loadVisible,
    allow: (actor, x) => libraryPolicy.can(actor, 'manage', x),
    run: (trx, { actor, subject, deps, locale }) => deleteDocument(trx, actor.id, deps.config.dataDir, subject.d.id, titleIn(subject.d, locale)),
    back: ({ locale, subject }) => paths.document.href(locale, { id: subject.d.id }),
    done: ({ locale }) => ({ to: paths.list.href(locale), flash: 'library.flash.deleted' }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// A document and its files

async function renderDocument(c: Context<AppEnv>, x: Loaded, form: FormState = emptyForm({ lang: c.get('locale') })) {
  const { db } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const { d } = x;
  const bodies = await bodyOptions(db, l);
  const name = (id: string | null) => (id ? bodies.find((b) => b.value === id)?.label ?? null : null);
  const objectives = (await listObjectives(db, l))
    .filter((o) => d.objectives.includes(o.n))
    .map((o) => ({ n: o.n, label: t('reference.objectives.numbered', { n: o.n, title: o.short }), href: referencePaths.objective.href(l, { n: o.n }) }));
  const names = await countryNames(db, l);
  return c.render(
    <DocumentPage
      d={d}
      canManage={libraryPolicy.can(c.get('user'), 'manage', x)}
      bodyName={name(d.bodyId)}
      visibilityBodyName={name(d.visibilityBodyId)}
      orgNames={(await getOrganizations(db, d.orgIds)).map((o) => o.name)}
      objectives={objectives}
      countries={d.countries.map((k) => names.get(k) ?? k)}
      form={form}
    />,
    { title: titleIn(d, l) || t('library.title'), crumbs: [[t('library.title'), paths.list.pattern]], noindex: d.visibility !== 'public' },
  );
}

libraryRoutes.get(paths.document.pattern, async (c) => {
  const x = await loadDocument(c);
  if (!x) return c.notFound();
  if (!libraryPolicy.can(c.get('user'), 'view', x)) return c.notFound();
  if (x.d.visibility === 'public' && !c.get('user')) c.set('cacheable', true);
  return renderDocument(c, x);
});

libraryRoutes.get(paths.file.pattern, async (c) => {
  const x = await loadDocument(c);
  if (!x) return c.notFound();
  if (!libraryPolicy.can(c.get('user'), 'view', x)) return c.notFound();
  const f = x.d.files.find((v) => v.lang === c.req.param('version'));
  if (!f) return c.notFound();
  const bytes = await fileBytes(c.get('deps').config.dataDir, f.storedName);
  if (!bytes) return c.notFound();
  return c.body(new Uint8Array(bytes), 200, downloadHeaders(f.fileName, f.contentType));
});

libraryRoutes.post(
  paths.files.pattern,
  action({
    load: loadVisible,
    allow: (actor, x) => libraryPolicy.can(actor, 'manage', x),
    run: async (trx, { c, actor, subject, deps, values }) => {
      const lang = typeof values.lang === 'string' && (LOCALES as readonly string[]).includes(values.lang) ? values.lang : null;
      if (!lang) return fail('form.error.choice', { field: 'lang' });
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File) || !file.size) return fail('files.errors.missing', { field: 'file' });
      return storeFile(trx, actor.id, deps.config.dataDir, subject.d.id, lang, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    },
    form: (c, { subject, form }) => renderDocument(c, subject, form),
    done: ({ locale, subject }) => ({ to: paths.document.href(locale, { id: subject.d.id }), flash: 'library.flash.fileStored' }),
  }),
);

libraryRoutes.post(
  paths.removeFile.pattern,
  action({
    load: loadVisible,
    allow: (actor, x) => libraryPolicy.can(actor, 'manage', x),
    run: (trx, { c, actor, subject, deps }) => removeFile(trx, actor.id, deps.config.dataDir, subject.d.id, c.req.param('version')!),
    back: ({ locale, subject }) => paths.document.href(locale, { id: subject.d.id }),
    done: ({ locale, subject }) => ({ to: paths.document.href(locale, { id: subject.d.id }), flash: 'library.flash.fileRemoved' }),
  }),
);
