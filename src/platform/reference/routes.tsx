/**
 * @module GCM reference pages
 * The 23 objectives, each with its own page where modules add what they know about it (organizations,
 * practices, bodies), and the 10 guiding principles. Public and cached.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { listObjectives, getObjective, listPrinciples } from './queries.js';

export const referenceRoutes = new Hono<AppEnv>({ strict: false });

const HUB = 'https://migrationnetwork.un.org/hub';

referenceRoutes.get('/objectives', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const objectives = await listObjectives(c.get('deps').db, l);
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('reference.objectives.title')}</h1>
      <p class="lead">{t('reference.objectives.lead')}</p>
      <ol class="grid">
        {objectives.map((o) => (
          <li class="card">
            <h2 class="card-title">
              <span class="objective-n" aria-hidden="true">
                {o.n}
              </span>
              <a href={`/${l}/objectives/${o.n}`}>
                <span class="visually-hidden">{t('reference.objectives.number', { n: o.n })} </span>
                {o.short}
              </a>
            </h2>
            <p class="small">{o.title}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/${l}/principles`}>{t('reference.principles.title')}</a>
      </p>
    </>,
    { title: t('reference.objectives.title'), description: t('reference.objectives.lead') },
  );
});

referenceRoutes.get('/objectives/:n{[0-9]{1,2}}', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, dialect, modules } = c.get('deps');
  const n = Number(c.req.param('n'));
  const o = await getObjective(db, l, n);
  if (!o) return c.notFound();
  const sections = (
    await Promise.all(modules.filter((m) => m.objectiveSections).map((m) => m.objectiveSections!({ db, dialect, locale: l, t }, { n })))
  ).filter(Boolean);
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>
        <span class="objective-n" aria-hidden="true">
          {o.n}
        </span>
        {o.short}
      </h1>
      <p class="lead">{t('reference.objectives.numbered', { n: o.n, title: o.title })}</p>
      <p>
        <a href={`${HUB}?gcm_objectives=${o.hubId}`} rel="external">
          {t('reference.objectives.onHub')}
        </a>
      </p>
      {sections}
      <nav aria-label={t('reference.objectives.others')}>
        <p>
          {n > 1 ? <a href={`/${l}/objectives/${n - 1}`}>← {t('reference.objectives.number', { n: n - 1 })}</a> : null}
          {n > 1 && n < 23 ? ' · ' : null}
          {n < 23 ? <a href={`/${l}/objectives/${n + 1}`}>{t('reference.objectives.number', { n: n + 1 })} →</a> : null}
        </p>
      </nav>
    </>,
    { title: `${o.n}. ${o.short}`, description: o.title, crumbs: [[t('reference.objectives.title'), '/objectives']] },
  );
});

referenceRoutes.get('/principles', async (c) => {
  const t = c.get('t');
  const principles = await listPrinciples(c.get('deps').db, c.get('locale'));
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('reference.principles.title')}</h1>
      <p class="lead">{t('reference.principles.lead')}</p>
      <dl class="meta">
        {principles.map((p) => (
          <>
            <dt id={p.key}>{p.name}</dt>
            <dd>{p.description}</dd>
          </>
        ))}
      </dl>
    </>,
    { title: t('reference.principles.title'), crumbs: [[t('reference.objectives.title'), '/objectives']] },
  );
});
