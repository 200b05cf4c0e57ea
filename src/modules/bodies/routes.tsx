/** @module Bodies: public pages (the list of Mesas and each Mesa's page). */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { Child } from 'hono/jsx';
import type { Locale } from '../../platform/i18n/locales.js';
import { TText, EmptyState } from '../../platform/views/components.js';
import { pickTranslated, parseTranslated } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { listBodies, getBodyBySlug, bodyMemberOrganizations, bodyPositions, type BodyRow } from './queries.js';
import { getOrganizations } from '../membership/index.js';
import { PositionsTables } from './views.js';
import { registerArea } from './area.js';

export const bodiesRoutes = new Hono<AppEnv>({ strict: false });

/** A body page lists this many member organizations; the directory, filtered by the body, has them all. */
const MEMBERS_SHOWN = 60;

export const KIND_ORDER = ['working_group', 'liaison', 'technical'] as const;

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

/** A link to a body's page, under its name in the reader's language. */
function BodyLink(props: { body: Pick<BodyRow, 'slug' | 'name'>; locale: Locale }) {
  return (
    <a href={`/${props.locale}/bodies/${props.body.slug}`}>
      <TText value={props.body.name} />
    </a>
  );
}

/** A second-level heading over a list of items; nothing at all when there are no items. */
function ListSection(props: { title: string; items: Child[] }) {
  if (!props.items.length) return null;
  return (
    <>
      <h2>{props.title}</h2>
      <ul>
        {props.items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </>
  );
}

bodiesRoutes.get('/bodies', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const bodies = await listBodies(c.get('deps').db);
  const children = (id: string) => bodies.filter((b) => b.parentId === id);
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('bodies.list.title')}</h1>
      <p class="lead">{t('bodies.list.lead')}</p>
      {KIND_ORDER.map((kind) => {
        const group = bodies.filter((b) => b.kind === kind && !b.parentId);
        if (!group.length) return null;
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{t(`bodies.kinds.${kind}`)}</h2>
            <div class="grid">
              {group.map((b) => (
                <article class="card">
                  <h3>
                    <BodyLink body={b} locale={l} />
                  </h3>
                  <p class="small">
                    <TText value={b.mandate} />
                  </p>
                  {b.objectives.length ? (
                    <p class="small">
                      {t('bodies.objectives')}:{' '}
                      {b.objectives.map((n) => (
                        <a class="tag" href={`/${l}/objectives/${n}`}>
                          {t('reference.objectives.number', { n })}
                        </a>
                      ))}
                    </p>
                  ) : null}
                  {children(b.id).length ? (
                    <>
                      <p class="small">{t('bodies.subGroups')}:</p>
                      <ul class="small">
                        {children(b.id).map((s) => (
                          <li>
                            <BodyLink body={s} locale={l} />
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </article>
              ))}
            </div>
          </section>
        );
      })}
    </>,
    { title: t('bodies.list.title'), description: t('bodies.list.lead') },
  );
});

bodiesRoutes.get('/bodies/:slug{[a-z0-9-]{1,80}}', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const user = c.get('user');
  const { db } = c.get('deps');
  const body = await getBodyBySlug(db, c.req.param('slug'));
  if (!body) return c.notFound();
  const [all, objectives, members, holdings] = await Promise.all([listBodies(db), listObjectives(db, l), bodyMemberOrganizations(db, body.id), bodyPositions(db, body.id)]);
  const parent = body.parentId ? all.find((b) => b.id === body.parentId) : undefined;
  const subs = all.filter((b) => b.parentId === body.id);
  const achievements = achievementsOf(body);
  const title = pickTranslated(body.name, l)?.text ?? body.slug;
  const known = new Set(members.map((o) => o.id));
  const missing = [...new Set(holdings.map((h) => h.orgId))].filter((id) => !known.has(id));
  const orgNames = new Map([...members, ...(await getOrganizations(db, missing))].map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name]));
  if (!user) c.set('cacheable', true);
  return c.render(
    <>
      <h1>
        <TText value={body.name} />
      </h1>
      <p class="muted">
        {t(`bodies.kinds.${body.kind}`)}
        {parent ? (
          <>
            {' · '}
            {t('bodies.partOf')}{' '}
            <BodyLink body={parent} locale={l} />
          </>
        ) : null}
      </p>
      <p class="actions">
        <a href={`/${l}/bodies/${body.slug}/area`}>{t('bodies.area.link')}</a>
        {' · '}
        <a href={`/${l}/elections?body=${body.slug}`}>{t('bodies.electionsLink')}</a>
      </p>
      <h2>{t('bodies.mandate')}</h2>
      <TText value={body.mandate} as="div" />
      <h2>{t('bodies.objectives')}</h2>
      {body.objectives.length ? (
        <ul>
          {body.objectives.map((n) => (
            <li>
              <a href={`/${l}/objectives/${n}`}>{t('reference.objectives.numbered', { n, title: objectives.find((o) => o.n === n)?.short ?? '' })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('bodies.noObjectives')}</EmptyState>
      )}
      <ListSection title={t('bodies.subGroups')} items={subs.map((s) => <BodyLink body={s} locale={l} />)} />
      <PositionsTables holdings={holdings} orgNames={orgNames} locale={l} />
      <h2 id="members">{t('bodies.members.title', { count: members.length })}</h2>
      {members.length ? (
        <>
          <ul class="columns">
            {members.slice(0, MEMBERS_SHOWN).map((o) => (
              <li>
                <a href={`/${l}/members/${o.slug}`}>{orgNames.get(o.id)}</a>
              </li>
            ))}
          </ul>
          {members.length > MEMBERS_SHOWN ? (
            <p>
              <a href={`/${l}/members?body=${body.slug}`}>{t('bodies.members.seeAll', { count: members.length })}</a>
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState>{t('bodies.members.none')}</EmptyState>
      )}
      <ListSection title={t('bodies.achievements')} items={achievements.map((a) => <TText value={typeof a === 'string' ? { es: a } : parseTranslated(a)} />)} />
    </>,
    { title, description: pickTranslated(body.mandate, l)?.text, crumbs: [[t('bodies.list.title'), '/bodies']] },
  );
});

registerArea(bodiesRoutes);
