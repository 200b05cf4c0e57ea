/**
 * @module Bodies: the pages. Public: the list of bodies and each body's page. The members' area and the
 * administrators' edit page (with their form actions) are in area.tsx.
 */
import { sectionContext, renderPublic, html, keptBytes } from '../../platform/views/fragment.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { listBodies, getBodyBySlug, bodyMemberOrganizations, bodyPositions, keptReaderFacts, givePageReaderFacts, type BodyRow } from './queries.js';
import { getOrganizations } from '../membership/index.js';
import { paths } from './paths.js';
import { BodiesList } from './views/list.js';
import { BodyPage } from './views/body.js';
import { registerArea } from './area.js';

export const bodiesRoutes = new Hono<AppEnv>({ strict: false });

/** A body's achievements: stored as a JSON list of translated items. */
export function achievementsOf(b: BodyRow): (string | Record<string, string>)[] {
  if (!b.achievements) return [];
  try {
    const v = JSON.parse(b.achievements);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

bodiesRoutes.get(paths.list.pattern, async (c) => {
  const t = c.get('t');
  const bodies = await listBodies(c.get('deps').db);
  c.set('cacheable', true);
  return c.render(<BodiesList bodies={bodies} />, { title: t('bodies.list.title'), description: t('bodies.list.lead') });
});

bodiesRoutes.get(paths.body.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, modules, cache } = c.get('deps');
  const slug = c.req.param('slug');
  // The body's own page (its members, positions, objectives) is the same for every reader: rendered once per
  // language and kept as long as the cached public page would be (emptied by every write); only the other
  // modules' sections, which may depend on the reader, are gathered for each request and put in their place.
  const own = await cache.fragment(`bodies.page:${slug}:${l}`, async () => {
    const body = await getBodyBySlug(db, slug);
    if (!body) return null;
    const [all, objectives, members, holdings] = await Promise.all([listBodies(db), listObjectives(db, l), bodyMemberOrganizations(db, body.id), bodyPositions(db, body.id)]);
    const known = new Set(members.map((o) => o.id));
    const missing = [...new Set(holdings.map((h) => h.orgId))].filter((id) => !known.has(id));
    const orgNames = new Map([...members, ...(await getOrganizations(db, missing))].map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name]));
    const page = await renderPublic(
      c,
      <BodyPage
        body={body}
        parent={body.parentId ? all.find((b) => b.id === body.parentId) : undefined}
        subs={all.filter((b) => b.parentId === body.id)}
        objectives={objectives}
        members={members}
        holdings={holdings}
        orgNames={orgNames}
        achievements={achievementsOf(body)}
        sections={[html(SECTIONS_HERE)]}
      />,
    );
    const [before, after] = page.split(SECTIONS_HERE) as [string, string];
    // As UTF-8 bytes: the layout copies them into the page instead of encoding the same text on every request.
    return { body: { id: body.id, slug: body.slug, name: body.name, mandate: body.mandate }, before: Buffer.from(before), after: Buffer.from(after) };
  });
  if (!own) return c.notFound();
  const { body } = own;
  // What other modules show on a body's page (its events, plan, pledges, news), for this reader.
  const ctx = sectionContext(c);
  // The reader's place among the bodies, which several sections ask for, read once and kept under their id.
  const user = c.get('user');
  if (user) givePageReaderFacts(ctx, await keptReaderFacts(cache, db, user.id));
  const sections = (await Promise.all(modules.filter((m) => m.bodySections).map((m) => m.bodySections!(ctx, { id: body.id, slug: body.slug })))).filter(Boolean);
  if (!user) c.set('cacheable', true);
  return c.render(
    <>
      {keptBytes(c, own.before)}
      {sections}
      {keptBytes(c, own.after)}
    </>,
    { title: pickTranslated(body.name, l)?.text ?? body.slug, description: pickTranslated(body.mandate, l)?.text, crumbs: [[t('bodies.list.title'), paths.list.href(l)]] },
  );
});

/** Where the other modules' sections go in a body's stored page. */
const SECTIONS_HERE = '<!--dialogo:sections-->';

registerArea(bodiesRoutes);
