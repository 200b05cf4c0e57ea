/**
 * @module Reports: pages and the publish post. Published editions (page and PDF, in the URL's language) are
 * public; a live report (preview, its PDF) and publishing are for administrators and, for a body's report, the
 * body's secretary. GET: sign-in (401) → the scope from the query (422 with the form) → its subject (404) →
 * the policy (403) → render. POST: `action()`, the scope in the query string.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { authorize, requireUser, isAdmin } from '../../platform/authz/authz.js';
import { validate } from '../../platform/http/forms.js';
import { emptyForm, type FormState } from '../../platform/views/components.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { listBodies, secretaryBodyIds } from '../bodies/index.js';
import { gatherReport, renderReport, reportTitle, periodLabel } from './generate.js';
import { reportPdf } from './pdf.js';
import { ScopeInput, resolveScope, scopeQuery, type ResolvedScope } from './scope.js';
import { getEdition, listEditions, publishEdition, type Edition } from './queries.js';
import { reportsPolicy, type ReportFacts } from './policy.js';
import { paths } from './paths.js';
import { ReportsListPage, PreviewPage, ReportBody, Downloads } from './views/report.js';

export const reportsRoutes = new Hono<AppEnv>({ strict: false });

async function factsOf(c: Context<AppEnv>, user: CurrentUser | null): Promise<ReportFacts> {
  if (!user) return { secretaryOf: [] };
  return { secretaryOf: await secretaryBodyIds(c.get('deps').db, user.id) };
}

/** The scope a query asks for: the parsed input, or the form's errors. */
function scopeFromQuery(c: Context<AppEnv>): { ok: true; v: ScopeInput } | { ok: false; form: FormState } {
  const values = c.req.query();
  const v = validate(ScopeInput, values, c.get('t'));
  return v.ok ? { ok: true, v: v.data } : { ok: false, form: { values, errors: v.errors } };
}

async function renderList(c: Context<AppEnv>, form?: FormState) {
  const { db } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const fmt = c.get('fmt');
  const user = c.get('user');
  const f = await factsOf(c, user);
  const editions = await listEditions(db, { limit: 100 });
  const mayGenerate = reportsPolicy.can(user, 'generate', f);
  // Secretaries are offered their own bodies' reports only; administrators every scope.
  const all = isAdmin(user);
  const bodies = mayGenerate ? (await listBodies(db)).filter((b) => all || f.secretaryOf.includes(b.id)) : [];
  const objectives = mayGenerate && all ? await listObjectives(db, l) : [];
  const title = t('reports.list.title');
  // Anonymous readers all get the same list (the form is for secretaries and administrators): the page cache keeps it.
  c.set('cacheable', true);
  return c.render(
    <ReportsListPage
      editions={editions.map((e) => ({
        title: reportTitle(e, l, t).title,
        period: periodLabel(e.scope, fmt, t),
        date: fmt.date(e.editionDate),
        href: paths.edition.href(l, { id: e.id }),
        pdf: paths.pdf.href(l, { id: e.id }),
      }))}
      form={
        mayGenerate
          ? {
              state: form ?? emptyForm({ kind: all ? 'mechanism' : 'body', period: 'year', year: String(new Date().getUTCFullYear()) }),
              kinds: all ? ['mechanism', 'body', 'objective'] : ['body'],
              action: paths.preview.href(l),
              bodies: bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug })),
              objectives: objectives.map((o) => ({ value: String(o.n), label: `${o.n}. ${o.short}` })),
            }
          : undefined
      }
    />,
    { title, description: t('reports.list.intro') },
  );
}

reportsRoutes.get(paths.list.pattern, (c) => renderList(c));

/** Sign-in, the scope from the query, its subject, the rule; a Response when refused or invalid. */
async function previewScope(c: Context<AppEnv>): Promise<{ r: ResolvedScope; user: CurrentUser; f: ReportFacts } | Response> {
  const user = requireUser(c);
  const q = scopeFromQuery(c);
  if (!q.ok) {
    c.status(422);
    return renderList(c, q.form);
  }
  const r = await resolveScope(c.get('deps').db, q.v);
  if (!r) return c.notFound();
  const f = await factsOf(c, user);
  authorize(c, reportsPolicy.can(user, 'preview', { scope: r.scope, f }));
  return { r, user, f };
}

reportsRoutes.get(paths.preview.pattern, async (c) => {
  const x = await previewScope(c);
  if (x instanceof Response) return x;
  const deps = c.get('deps');
  const l = c.get('locale');
  const data = await gatherReport({ db: deps.db, dialect: deps.dialect, modules: deps.modules }, x.r.scope, x.r.subject);
  const report = renderReport(deps.modules, data, l, c.get('t'), c.get('fmt'));
  const query = scopeQuery(x.r);
  return c.render(
    <PreviewPage r={report} pdf={paths.previewPdf.href(l, {}, query)} publish={reportsPolicy.can(x.user, 'publish', { scope: x.r.scope, f: x.f }) ? paths.publish.href(l, {}, query) : undefined} />,
    { title: `${report.title} — ${report.period}`, noindex: true, crumbs: [[c.get('t')('reports.list.title'), paths.list.href(l)]] },
  );
});

const pdfHeaders = (name: string, cache: string) => ({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': cache });

reportsRoutes.get(paths.previewPdf.pattern, async (c) => {
  const x = await previewScope(c);
  if (x instanceof Response) return x;
  const deps = c.get('deps');
  const l = c.get('locale');
  const data = await gatherReport({ db: deps.db, dialect: deps.dialect, modules: deps.modules }, x.r.scope, x.r.subject);
  const report = renderReport(deps.modules, data, l, c.get('t'), c.get('fmt'));
  const pdf = await reportPdf(report, c.get('t'), c.get('fmt'), { generatedAt: new Date() });
  return c.body(new Uint8Array(pdf), 200, pdfHeaders(`report-${x.r.scope.kind}-${x.r.scope.from}-${l}.pdf`, 'private, no-store'));
});

reportsRoutes.post(
  paths.publish.pattern,
  action({
    load: async (c) => {
      const q = scopeFromQuery(c);
      if (!q.ok) return null;
      const r = await resolveScope(c.get('deps').db, q.v);
      return r ? { r, f: await factsOf(c, c.get('user')) } : null;
    },
    allow: (actor, s) => reportsPolicy.can(actor, 'publish', { scope: s.r.scope, f: s.f }),
    run: async (trx, { actor, subject, deps }) => publishEdition(trx, actor.id, await gatherReport({ db: trx, dialect: deps.dialect, modules: deps.modules }, subject.r.scope, subject.r.subject)),
    done: ({ value, locale }) => ({ to: paths.edition.href(locale, { id: value.id }), flash: 'reports.published' }),
  }),
);

async function loadEdition(c: Context<AppEnv>): Promise<Edition | undefined> {
  return getEdition(c.get('deps').db, c.req.param('id') ?? '');
}

reportsRoutes.get(paths.edition.pattern, async (c) => {
  const e = await loadEdition(c);
  if (!e) return c.notFound();
  const deps = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const report = renderReport(deps.modules, e, l, t, c.get('fmt'));
  // A published edition never changes and reads the same for everyone.
  c.set('cacheable', true);
  return c.render(
    <ReportBody
      r={report}
      note={<p class="hint">{t('reports.edition.note', { date: c.get('fmt').date(e.editionDate) })}</p>}
      links={<Downloads page={(x) => paths.edition.href(x, { id: e.id })} pdf={(x) => paths.pdf.href(x, { id: e.id })} />}
    />,
    { title: `${report.title} — ${report.period}`, description: t('reports.edition.note', { date: e.editionDate }), crumbs: [[t('reports.list.title'), paths.list.href(l)]] },
  );
});

/** Editions never change: their PDFs are kept in memory (a few, the most recently made). */
const pdfCache = new Map<string, Buffer>();

/** An edition's PDF in a language (also for the bench and the API's links). */
export async function editionPdf(modules: Parameters<typeof renderReport>[0], e: Edition, locale: Locale, t: Parameters<typeof renderReport>[3]): Promise<Buffer> {
  const key = `${e.id}|${locale}`;
  const hit = pdfCache.get(key);
  if (hit) return hit;
  const fmt = formatters(locale);
  const pdf = await reportPdf(renderReport(modules, e, locale, t, fmt), t, fmt, { generatedAt: new Date(), published: e.editionDate });
  if (pdfCache.size >= 16) pdfCache.delete(pdfCache.keys().next().value!);
  pdfCache.set(key, pdf);
  return pdf;
}

reportsRoutes.get(paths.pdf.pattern, async (c) => {
  const e = await loadEdition(c);
  if (!e) return c.notFound();
  const l = c.get('locale');
  const pdf = await editionPdf(c.get('deps').modules, e, l, c.get('t'));
  return c.body(new Uint8Array(pdf), 200, pdfHeaders(`report-${e.scope.kind}-${e.editionDate}-${l}.pdf`, 'public, max-age=300'));
});

