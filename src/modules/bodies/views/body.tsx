/** @module Bodies views: a body's public page (mandate, objectives, sub-groups, positions, members, achievements). */
import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.js';
import { TText, EmptyState } from '../../../platform/views/components.js';
import { parseTranslated } from '../../../platform/i18n/translated.js';
import { paths as platformPaths } from '../../../platform/paths.js';
import type { BodyRow, PositionHolding } from '../queries.js';
import { paths, membershipPaths } from '../paths.js';
import { paths as electionsPaths } from '../../elections/paths.js';
import { BodyLink, ListSection } from './list.js';
import { PositionsTables } from './positions.js';

/** A body page lists this many member organizations; the directory, filtered by the body, has them all. */
export const MEMBERS_SHOWN = 60;

export interface BodyPageData {
  body: BodyRow;
  parent?: BodyRow;
  subs: BodyRow[];
  objectives: { n: number; short: string }[];
  members: { id: string; slug: string }[];
  holdings: PositionHolding[];
  orgNames: Map<string, string>;
  achievements: (string | Record<string, string>)[];
  /** Other modules' sections (manifest `bodySections`), shown after the body's own. */
  sections?: Child[];
}

export function BodyPage(props: BodyPageData) {
  const { t, locale: l } = useView();
  const { body, parent, members, orgNames } = props;
  return (
    <>
      <h1>
        <TText value={body.name} />
      </h1>
      <p class="muted">
        {t(`bodies.kinds.${body.kind}`)}
        {parent ? (
          <>
            {' · '}
            {t('bodies.partOf')} <BodyLink body={parent} />
          </>
        ) : null}
      </p>
      <p class="actions">
        <a href={paths.area.href(l, { slug: body.slug })}>{t('bodies.area.link')}</a>
        {' · '}
        <a href={electionsPaths.list.href(l, {}, { body: body.slug })}>{t('bodies.electionsLink')}</a>
      </p>
      <h2>{t('bodies.mandate')}</h2>
      <TText value={body.mandate} as="div" />
      <h2>{t('bodies.objectives')}</h2>
      {body.objectives.length ? (
        <ul>
          {body.objectives.map((n) => (
            <li>
              <a href={platformPaths.objective.href(l, { n })}>{t('reference.objectives.numbered', { n, title: props.objectives.find((o) => o.n === n)?.short ?? '' })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('bodies.noObjectives')}</EmptyState>
      )}
      <ListSection title={t('bodies.subGroups')} items={props.subs.map((s) => <BodyLink body={s} />)} />
      <PositionsTables holdings={props.holdings} orgNames={orgNames} />
      <h2 id="members">{t('bodies.members.title', { count: members.length })}</h2>
      {members.length ? (
        <>
          <ul class="columns">
            {members.slice(0, MEMBERS_SHOWN).map((o) => (
              <li>
                <a href={membershipPaths.member.href(l, { slug: o.slug })}>{orgNames.get(o.id)}</a>
              </li>
            ))}
          </ul>
          {members.length > MEMBERS_SHOWN ? (
            <p>
              <a href={membershipPaths.members.href(l, {}, { body: body.slug })}>{t('bodies.members.seeAll', { count: members.length })}</a>
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState>{t('bodies.members.none')}</EmptyState>
      )}
      <ListSection title={t('bodies.achievements')} items={props.achievements.map((a) => <TText value={typeof a === 'string' ? { es: a } : parseTranslated(a)} />)} />
      {props.sections}
    </>
  );
}
