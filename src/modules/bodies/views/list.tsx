/** @module Bodies views: the list of bodies by kind, and the link to a body under its translated name. */
import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.js';
import { TText } from '../../../platform/views/components.js';
import { paths as platformPaths } from '../../../platform/paths.js';
import type { BodyRow } from '../queries.js';
import { paths } from '../paths.js';

/** The order in which the kinds of top-level bodies are listed. */
export const KIND_ORDER = ['working_group', 'liaison', 'technical'] as const;

/** A link to a body's page, under its name in the reader's language. */
export function BodyLink(props: { body: Pick<BodyRow, 'slug' | 'name'> }) {
  const { locale } = useView();
  return (
    <a href={paths.body.href(locale, { slug: props.body.slug })}>
      <TText value={props.body.name} />
    </a>
  );
}

/** A second-level heading over a list of items; nothing at all when there are no items. */
export function ListSection(props: { title: string; items: Child[] }) {
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

/** Every body, grouped by kind, with its sub-groups and prioritized objectives. */
export function BodiesList(props: { bodies: BodyRow[] }) {
  const { t, locale } = useView();
  const children = (id: string) => props.bodies.filter((b) => b.parentId === id);
  return (
    <>
      <h1>{t('bodies.list.title')}</h1>
      <p class="lead">{t('bodies.list.lead')}</p>
      {KIND_ORDER.map((kind) => {
        const group = props.bodies.filter((b) => b.kind === kind && !b.parentId);
        if (!group.length) return null;
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{t(`bodies.kinds.${kind}`)}</h2>
            <div class="grid">
              {group.map((b) => (
                <article class="card">
                  <h3>
                    <BodyLink body={b} />
                  </h3>
                  <p class="small">
                    <TText value={b.mandate} />
                  </p>
                  {b.objectives.length ? (
                    <p class="small">
                      {t('bodies.objectives')}:{' '}
                      {b.objectives.map((n) => (
                        <a class="tag" href={platformPaths.objective.href(locale, { n })}>
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
                            <BodyLink body={s} />
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
    </>
  );
}

/** The bodies that prioritize an objective (a section of the objective's page). */
export function BodiesOnObjective(props: { bodies: BodyRow[]; title: string }) {
  return (
    <section>
      <h2>{props.title}</h2>
      <ul>
        {props.bodies.map((b) => (
          <li>
            <BodyLink body={b} />
          </li>
        ))}
      </ul>
    </section>
  );
}
