/** @module GCM reference views: the list of the 23 objectives, one objective's page, and the 10 guiding principles. */
import type { Child } from 'hono/jsx';
import { useView } from '../views/context.js';
import { paths } from '../paths.js';

/** The UN Network on Migration Hub, whose filters use the objectives' term ids. */
const HUB = 'https://migrationnetwork.un.org/hub';

export function ObjectivesPage(props: { objectives: { n: number; short: string; title: string }[] }) {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('reference.objectives.title')}</h1>
      <p class="lead">{t('reference.objectives.lead')}</p>
      <ol class="grid">
        {props.objectives.map((o) => (
          <li class="card">
            <h2 class="card-title">
              <span class="objective-n" aria-hidden="true">
                {o.n}
              </span>
              <a href={paths.objective.href(l, { n: o.n })}>
                <span class="visually-hidden">{t('reference.objectives.number', { n: o.n })} </span>
                {o.short}
              </a>
            </h2>
            <p class="small">{o.title}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={paths.principles.href(l)}>{t('reference.principles.title')}</a>
      </p>
    </>
  );
}

export function ObjectivePage(props: { objective: { n: number; short: string; title: string; hubId: number }; sections: Child[] }) {
  const { t, locale: l } = useView();
  const o = props.objective;
  const n = o.n;
  return (
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
      {props.sections}
      <nav aria-label={t('reference.objectives.others')}>
        <p>
          {n > 1 ? <a href={paths.objective.href(l, { n: n - 1 })}>← {t('reference.objectives.number', { n: n - 1 })}</a> : null}
          {n > 1 && n < 23 ? ' · ' : null}
          {n < 23 ? <a href={paths.objective.href(l, { n: n + 1 })}>{t('reference.objectives.number', { n: n + 1 })} →</a> : null}
        </p>
      </nav>
    </>
  );
}

export function PrinciplesPage(props: { principles: { key: string; name: string; description: string }[] }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('reference.principles.title')}</h1>
      <p class="lead">{t('reference.principles.lead')}</p>
      <dl class="meta">
        {props.principles.map((p) => (
          <>
            <dt id={p.key}>{p.name}</dt>
            <dd>{p.description}</dd>
          </>
        ))}
      </dl>
    </>
  );
}
