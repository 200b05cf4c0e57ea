/** @module Pages views: the about page (when the Mechanism was created, its framework, achievements, axes, expected results). */
import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.js';
import { MECHANISM, EXPECTED_RESULTS_2023 } from '../../../platform/reference/data/mechanism.js';
import { paths as platformPaths } from '../../../platform/paths.js';
import { paths as bodiesPaths } from '../../bodies/index.js';
import { AxesList } from './axes.js';
import { membershipPaths } from '../paths.js';

/** `sections`: other modules' about sections (the Mechanism's plan); the static 2023 axes and results only without any. */
export function AboutPage(props: { sections?: Child[] }) {
  const { t, fmt, locale: l } = useView();
  return (
    <>
      <h1>{t('pages.about.title')}</h1>
      <p class="lead">{MECHANISM.about[l]}</p>
      <p class="small muted">
        {t('pages.about.source')} <a href={membershipPaths.members.href(l)}>{t('pages.about.liveFigures')}</a>
      </p>
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
      {props.sections?.length ? (
        props.sections
      ) : (
        <>
          <h2>{t('pages.about.axes')}</h2>
          <AxesList />
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
        </>
      )}
      <p>
        <a href={bodiesPaths.list.href(l)}>{t('pages.about.seeBodies')}</a> · <a href={platformPaths.objectives.href(l)}>{t('nav.objectives')}</a>
      </p>
    </>
  );
}
