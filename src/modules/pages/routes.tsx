/** @module Pages: the home page (what the Mechanism is, its bodies, what is new) and the about page. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { TText } from '../../platform/views/components.js';
import { MECHANISM, STRATEGIC_AXES_2023, EXPECTED_RESULTS_2023 } from '../../platform/reference/data/mechanism.js';
import { listBodies } from '../bodies/index.js';

export const pagesRoutes = new Hono<AppEnv>({ strict: false });

/** The strategic axes of the 2023 factsheet, numbered, in the reader's language. */
function AxesList(props: { locale: Locale }) {
  const l = props.locale;
  return (
    <ol>
      {STRATEGIC_AXES_2023.map((a) => (
        <li>
          <strong>{a.title[l]}.</strong> {a.description[l]}
        </li>
      ))}
    </ol>
  );
}

pagesRoutes.get('/', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, dialect, modules } = c.get('deps');
  const bodies = (await listBodies(db)).filter((b) => !b.parentId);
  const sections = (await Promise.all(modules.filter((m) => m.homeSections).map((m) => m.homeSections!({ db, dialect, locale: l, t }, {})))).filter(Boolean);
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{MECHANISM.name[l]}</h1>
      <p class="lead">{MECHANISM.about[l]}</p>
      <div class="actions">
        <a class="button" href={`/${l}/about`}>
          {t('pages.home.learnMore')}
        </a>
        {modules.some((m) => m.name === 'membership') ? (
          <a class="button secondary" href={`/${l}/join`}>
            {t('pages.home.join')}
          </a>
        ) : null}
      </div>
      <section aria-labelledby="bodies-title">
        <h2 id="bodies-title">{t('pages.home.bodies')}</h2>
        <ul class="grid">
          {bodies.map((b) => (
            <li class="card">
              <h3 class="card-title">
                <a href={`/${l}/bodies/${b.slug}`}>
                  <TText value={b.name} />
                </a>
              </h3>
              <p class="small muted"><TText value={b.shortName} /></p>
            </li>
          ))}
        </ul>
      </section>
      {sections.length ? (
        <section aria-labelledby="new-title">
          <h2 id="new-title">{t('pages.home.new')}</h2>
          {sections}
        </section>
      ) : null}
      <section aria-labelledby="axes-title">
        <h2 id="axes-title">{t('pages.home.axes')}</h2>
        <AxesList locale={l} />
      </section>
    </>,
    { title: t('nav.home'), description: MECHANISM.about[l] },
  );
});

pagesRoutes.get('/about', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  c.set('cacheable', true);
  return c.render(
    <>
      <h1>{t('pages.about.title')}</h1>
      <p class="lead">{MECHANISM.about[l]}</p>
      <dl class="meta">
        <dt>{t('pages.about.created')}</dt>
        <dd>{fmt.month(`${MECHANISM.created}-01T00:00:00Z`)}</dd>
        <dt>{t('pages.about.compact')}</dt>
        <dd>
          {MECHANISM.compact.name[l]} ({MECHANISM.compact.acronym[l]})
        </dd>
      </dl>
      <h2>{t('pages.about.achievements')}</h2>
      <ul>
        {MECHANISM.achievements.map((a) => (
          <li>{a[l]}</li>
        ))}
      </ul>
      <h2>{t('pages.about.axes')}</h2>
      <AxesList locale={l} />
      <h2>{t('pages.about.results')}</h2>
      {EXPECTED_RESULTS_2023.map((g) => (
        <>
          <h3>{g.title[l]}</h3>
          <ul>
            {g.items.map((i) => (
              <li>{i[l]}</li>
            ))}
          </ul>
        </>
      ))}
      <p>
        <a href={`/${l}/bodies`}>{t('pages.about.seeBodies')}</a> · <a href={`/${l}/objectives`}>{t('nav.objectives')}</a>
      </p>
    </>,
    { title: t('pages.about.title'), description: MECHANISM.about[l] },
  );
});
