/**
 * @module Plans views: progress as words and a bar, and a plan's summary by axis — drawn with the language given
 * (not the request's), so the body page, the about page and the plan page share them.
 */
import type { Locale } from '../../../platform/i18n/locales.js';
import type { Formatters } from '../../../platform/i18n/i18n.js';
import { pickTranslated, type Translated } from '../../../platform/i18n/translated.js';
import type { Progress } from '../core/progress.js';
import type { PlanTree } from '../queries.js';
import { paths } from '../paths.js';

export type T = (key: string, opts?: Record<string, unknown>) => string;
export const tx = (v: Translated, l: Locale) => pickTranslated(v, l)?.text ?? '';

/** "45 %" (or "nothing to measure yet") and a bar the reader's eye can compare; the bar is decoration. */
export function ProgressBar(props: { value: Progress; t: T; fmt: Formatters }) {
  if (props.value === null) return <span class="muted">{props.t('plans.progress.none')}</span>;
  const w = Math.round(props.value * 100);
  return (
    <span class="plan-progress">
      <svg width="100" height="10" viewBox="0 0 100 10" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="100" height="10" fill="#e3e6ea" />
        <rect x="0" y="0" width={String(w)} height="10" fill="#1d6b45" />
      </svg>{' '}
      <strong>{props.fmt.percent(props.value)}</strong>
    </span>
  );
}

/** How a plan's progress is computed, in a sentence the reader can check. */
export function Method(props: { share: number; t: T }) {
  return <p class="small muted">{props.t('plans.progress.method', { activities: props.share, indicators: 100 - props.share })}</p>;
}

/** A plan's axes with their progress and expected results (body and about pages). */
export function PlanSummary(props: { tree: PlanTree; locale: Locale; t: T; fmt: Formatters; heading: 'h2' | 'h3'; now?: boolean }) {
  const { tree, locale: l, t, fmt } = props;
  const H = props.heading;
  const doing = tree.axes.flatMap((a) => a.results.flatMap((r) => r.activities.filter((x) => x.status === 'in_progress')));
  return (
    <>
      <p>
        <a href={paths.plan.href(l, { id: tree.plan.id })}>{tx(tree.plan.title, l)}</a> — {t('plans.page.periodValue', { from: fmt.date(tree.plan.startsOn), to: fmt.date(tree.plan.endsOn) })}.{' '}
        {t('plans.progress.overall')}: <ProgressBar value={tree.progress} t={t} fmt={fmt} />
      </p>
      {props.now && doing.length ? (
        <>
          <H>{t('plans.section.now')}</H>
          <ul>
            {doing.slice(0, 10).map((a) => (
              <li>{tx(a.title, l)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {tree.axes.map((a) => (
        <>
          <H>
            {a.code}. {tx(a.title, l)}
          </H>
          <p>
            <ProgressBar value={a.progress} t={t} fmt={fmt} />
          </p>
          {a.results.length ? (
            <>
              <ul>
                {a.results.map((r) => (
                  <li>
                    {tx(r.title, l)} — <ProgressBar value={r.progress.progress} t={t} fmt={fmt} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ))}
      <Method share={tree.plan.activityShare} t={t} />
    </>
  );
}
