/**
 * @module Library: what it adds to other pages and to the digest — a body's documents, an objective's documents,
 * documents as link targets, and "documents added" for the digest and "since your last visit". Every list is
 * what the reader (`ctx.user`; absent: a visitor) may see.
 */
import type { LinkTarget, SectionContext, UpdateKind } from '../../platform/module.js';
import { sharedSection } from '../../platform/views/fragment.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { pageReaderBodies } from '../bodies/index.js';
import { readerScope, libraryPolicy, type ReaderScope } from './policy.js';
import { documentsByIds } from './queries.js';
import { searchLibrary, visibleDocuments } from './search.js';
import { paths } from './paths.js';
import { DocumentTitles } from './views/parts.js';

async function scopeFor(ctx: SectionContext) {
  const user = ctx.user ?? null;
  return readerScope(user, await pageReaderBodies(ctx));
}

/** Readers of one key see the same documents (what `visibleDocuments` reads of the scope). */
const scopeKey = (s: ReaderScope) => `${s.all ? 'all' : s.members ? 'members' : 'public'}|${[...s.bodies].sort().join(',')}|${[...s.manages].sort().join(',')}`;

/**
 * A body's and an objective's documents: the same for every reader of a visibility class, kept per class (a page-cache
 * fragment) — finding them walks every document the reader may see (20,000 in the bench: a third of a signed-in
 * body page's time) and reads their rows.
 */
export async function bodySection(ctx: SectionContext, body: { id: string; slug: string }) {
  const scope = await scopeFor(ctx);
  return sharedSection(ctx, `library.body:${body.id}:${scopeKey(scope)}`, () => bodyDocuments(ctx, scope, body));
}

async function bodyDocuments(ctx: SectionContext, scope: ReaderScope, body: { id: string; slug: string }) {
  const { total, items } = await visibleDocuments(ctx.db, scope, (d) => d.bodyId === body.id, 5);
  const docs = await documentsByIds(ctx.db, items.map((d) => d.id));
  return (
    <section>
      <h2>{ctx.t('library.onBody')}</h2>
      {docs.length ? <DocumentTitles items={docs} /> : <p class="muted">{ctx.t('library.noneOnBody')}</p>}
      {total ? (
        <p>
          <a href={paths.list.href(ctx.locale, {}, { body: body.id })}>{ctx.t('library.seeAllOnBody', { count: total })}</a>
        </p>
      ) : null}
    </section>
  );
}

export async function objectiveSection(ctx: SectionContext, { n }: { n: number }) {
  const scope = await scopeFor(ctx);
  return sharedSection(ctx, `library.objective:${n}:${scopeKey(scope)}`, () => objectiveDocuments(ctx, scope, n));
}

async function objectiveDocuments(ctx: SectionContext, scope: ReaderScope, n: number) {
  const { total, items } = await visibleDocuments(ctx.db, scope, (d) => d.objectives.includes(String(n)), 5);
  const docs = await documentsByIds(ctx.db, items.map((d) => d.id));
  return (
    <section>
      <h2>{ctx.t('library.onObjective')}</h2>
      {docs.length ? <DocumentTitles items={docs} /> : <p class="muted">{ctx.t('library.noneOnObjective')}</p>}
      {total ? (
        <p>
          <a href={paths.list.href(ctx.locale, {}, { objective: String(n) })}>{ctx.t('library.seeAllOnObjective', { count: total })}</a>
        </p>
      ) : null}
    </section>
  );
}

export const documentLinkTarget: LinkTarget = {
  type: 'library.document',
  label: 'library.linkLabel',
  resolve: async (ctx, ids) => {
    const user = ctx.user ?? null;
    const f = await pageReaderBodies(ctx);
    const out = new Map<string, { title: string; href: string }>();
    for (const d of await documentsByIds(ctx.db, ids)) {
      if (!libraryPolicy.can(user, 'view', { d, f })) continue;
      out.set(d.id, { title: pickTranslated(d.title, ctx.locale)?.text ?? '', href: paths.document.href(ctx.locale, { id: d.id }) });
    }
    return out;
  },
  search: async (ctx, q, limit) => {
    const r = await searchLibrary(ctx.db, await scopeFor(ctx), { text: q, perPage: limit });
    return (await documentsByIds(ctx.db, r.ids)).map((d) => ({ id: d.id, title: pickTranslated(d.title, ctx.locale)?.text ?? '' }));
  },
};

export const addedUpdates: UpdateKind = {
  kind: 'library.added',
  label: 'library.updates.added',
  order: 80,
  items: async (ctx) => {
    const { items } = await visibleDocuments(ctx.db, await scopeFor(ctx), (d) => d.createdAt >= ctx.since && d.createdAt < ctx.until, Number.MAX_SAFE_INTEGER);
    const newest = items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, ctx.limit);
    const docs = await documentsByIds(ctx.db, newest.map((d) => d.id));
    return docs.map((d) => ({
      title: pickTranslated(d.title, ctx.locale)?.text ?? '',
      href: ctx.baseUrl ? paths.document.url(ctx.baseUrl, ctx.locale, { id: d.id }) : paths.document.href(ctx.locale, { id: d.id }),
      at: d.createdAt,
      note: ctx.t(`library.kinds.${d.kind}`),
    }));
  },
  count: async (ctx) => (await visibleDocuments(ctx.db, await scopeFor(ctx), (d) => d.createdAt >= ctx.since && d.createdAt < ctx.until, 0)).total,
};
