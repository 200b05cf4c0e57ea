/** @module Pages views: the home page (what the Mechanism is, its bodies, what is new, the strategic axes). */
import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.js';
import { TText } from '../../../platform/views/components.js';
import { MECHANISM } from '../../../platform/reference/data/mechanism.js';
import { paths as bodiesPaths, type BodyRow } from '../../bodies/index.js';
import { paths } from '../paths.js';
import { AxesList } from './axes.js';
import type { HomeFigure } from '../../../platform/module.js';

export function HomePage(props: { bodies: BodyRow[]; sections: Child[]; figures: HomeFigure[]; join?: string }) {
  const { t, fmt, locale: l } = useView();
  return (
    <>
      <h1>{MECHANISM.name[l]}</h1>
      <p class="lead">{t('pages.home.lead')}</p>
      {props.figures.length ? (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title" class="visually-hidden">
            {t('pages.home.figures')}
          </h2>
          <ul class="figures">
            {props.figures.map((f) => (
              <li>
                {f.href ? (
                  <a href={f.href}>
                    <strong>{fmt.number(f.value)}</strong> {f.label}
                  </a>
                ) : (
                  <>
                    <strong>{fmt.number(f.value)}</strong> {f.label}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="actions">
        <a class="button" href={paths.about.href(l)}>
          {t('pages.home.learnMore')}
        </a>
        {props.join ? (
          <a class="button secondary" href={props.join}>
            {t('pages.home.join')}
          </a>
        ) : null}
      </div>
      <section aria-labelledby="bodies-title">
        <h2 id="bodies-title">{t('pages.home.bodies')}</h2>
        <ul class="grid">
          {props.bodies.map((b) => (
            <li class="card">
              <h3 class="card-title">
                <a href={bodiesPaths.body.href(l, { slug: b.slug })}>
                  <TText value={b.name} />
                </a>
              </h3>
              <p class="small muted">
                <TText value={b.shortName} />
              </p>
            </li>
          ))}
        </ul>
      </section>
      {props.sections.length ? (
        <section aria-labelledby="new-title">
          <h2 id="new-title">{t('pages.home.new')}</h2>
          {props.sections}
        </section>
      ) : null}
      <section aria-labelledby="axes-title">
        <h2 id="axes-title">{t('pages.home.axes')}</h2>
        <AxesList />
      </section>
    </>
  );
}
