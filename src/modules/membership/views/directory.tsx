/** @module Membership views: the directory of member organizations and a member's public page. */
import type { Child } from 'hono/jsx';
import { Form, TextField, Button, EmptyState, TText, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { FilterPanel, type FilterField } from '../../../platform/views/filters.js';
import { safeHref } from '../../../platform/charts/index.js';
import { publicFieldsOf, type DirectoryRow, type OrganizationFull } from '../queries.js';
import { paths, elsewhere } from '../paths.js';

/** What the directory's page fills in for each request (a kept template's slots: routes/public.tsx). */
export const DIRECTORY_SLOTS = ['q', 'selects', 'toggle', 'active', 'count', 'rows', 'pagination'] as const;
export type DirectorySlot = (typeof DIRECTORY_SLOTS)[number];

/**
 * The directory's page, the same for every reader of a language but for its slots: the text searched (escaped, a field's
 * value), the filter form's selects (platform/views/kept-select.tsx), the filter disclosure's summary and the filters in
 * force (platform/views/filters.tsx), the count, the organizations (`DirectoryCard`s; the list is left out when
 * `found` is false, the empty state shown) and the page links.
 */
export function DirectoryPage(props: { slot: Record<DirectorySlot, Child>; found: boolean }) {
  const { t, locale: l } = useView();
  const { slot } = props;
  return (
    <>
      <h1>{t('membership.directory.title')}</h1>
      <p class="lead">{t('membership.directory.lead')}</p>
      <p>
        <a href={paths.join.href(l)}>{t('membership.directory.join')}</a> · <a href={paths.coverage.href(l)}>{t('membership.coverage.title')}</a>
      </p>
      <FilterPanel slots={{ toggle: slot.toggle, active: slot.active }}>
        <Form action={paths.members.href(l)} method="get" class="filters">
          <TextField name="q" type="search" label={t('membership.directory.q')} form={{ values: { q: String(slot.q) }, errors: {} }} maxlength={100} />
          {slot.selects}
          <div class="actions">
            <Button variant="secondary">{t('form.filter')}</Button>
          </div>
        </Form>
      </FilterPanel>
      <p role="status">{slot.count}</p>
      {props.found ? (
        <ul class="grid" aria-label={t('membership.directory.results')}>
          {slot.rows}
        </ul>
      ) : (
        <EmptyState>{t('membership.directory.none')}</EmptyState>
      )}
      {slot.pagination}
    </>
  );
}

/** The directory's filters for the summary of those in force: the text, then each select's choices. */
export function directoryFilterFields(t: (key: string) => string, selects: { name: string; label: string; options: Option[] }[]): FilterField[] {
  return [{ name: 'q', label: t('membership.directory.q') }, ...selects.filter((x) => x.name !== 'sort')];
}

/** One organization of the directory's list (kept as HTML per organization and language: routes/public.tsx). */
export function DirectoryCard(props: { o: DirectoryRow; names: Map<string, string> }) {
  const { t, locale: l } = useView();
  const { o, names } = props;
  const pub = publicFieldsOf(o);
  return (
    <li class="card">
      <h2 class="h3">
        <a href={paths.member.href(l, { slug: o.slug })}>{o.name}</a>
        {o.acronym && pub.has('acronym') ? <> ({o.acronym})</> : null}
      </h2>
      <p class="small">
        {names.get(o.country) ?? o.country}
        {o.city && pub.has('city') ? <> · {o.city}</> : null}
        {pub.has('type') ? <> · {t(`membership.types.${o.type}`)}</> : null}
      </p>
    </li>
  );
}

/** Groups an organization belongs to, as another module lists them (e.g. its Mesas). */
export interface OrgGroups {
  heading: string;
  items: { label: string; href: string }[];
}

export function MemberPage(props: {
  org: OrganizationFull;
  mine: boolean;
  contacts: { name: string; role: string | null; email: string | null; phone: string | null }[];
  names: Map<string, string>;
  objectives: { n: number; short: string }[];
  groups: OrgGroups[];
  /** Other modules' sections (manifest `organizationSections`). */
  sections?: Child[];
}) {
  const { t, fmt, locale: l } = useView();
  const { org, names } = props;
  const pub = org.publicSet;
  return (
    <>
      {org.logo_file && pub.has('logo') ? <img class="org-logo" src={paths.logo.href(l, { file: org.logo_file })} alt={t('membership.profile.logoOf', { name: org.name })} width={120} /> : null}
      <h1>
        {org.name}
        {org.acronym && pub.has('acronym') ? <> ({org.acronym})</> : null}
      </h1>
      <p class="muted">
        {t('membership.profile.memberSince', { date: fmt.date(org.admitted_at) })}
        {props.mine ? (
          <>
            {' · '}
            <a href={paths.org.href(l, { id: org.id })}>{t('membership.profile.manage')}</a>
          </>
        ) : null}
      </p>
      <dl>
        <dt>{t('membership.fields.country')}</dt>
        <dd>
          {names.get(org.country) ?? org.country}
          {org.city && pub.has('city') ? <> · {org.city}</> : null}
        </dd>
        {pub.has('type') ? (
          <>
            <dt>{t('membership.fields.type')}</dt>
            <dd>{t(`membership.types.${org.type}`)}</dd>
          </>
        ) : null}
        {pub.has('countries') && org.countries.length ? (
          <>
            <dt>{t('membership.fields.countries')}</dt>
            <dd>{fmt.list(org.countries.map((x) => names.get(x) ?? x))}</dd>
          </>
        ) : null}
        {pub.has('languages') && org.languageList.length ? (
          <>
            <dt>{t('membership.fields.languages')}</dt>
            <dd>{fmt.list(org.languageList.map((x) => t(`membership.languages.${x}`)))}</dd>
          </>
        ) : null}
        {pub.has('website') && org.website && safeHref(org.website) ? (
          <>
            <dt>{t('membership.fields.website')}</dt>
            <dd>
              <a href={org.website} rel="external nofollow noopener">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        {pub.has('social') && org.socialList.length ? (
          <>
            <dt>{t('membership.fields.social')}</dt>
            <dd>
              <ul>
                {org.socialList.map((s) => (
                  <li>
                    <a href={s} rel="external nofollow noopener">
                      {s}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {props.contacts.length ? (
        <>
          <h2>{t('membership.org.contacts')}</h2>
          <p class="hint">{t('membership.hints.contacts')}</p>
          <ul>
            {props.contacts.map((p) => (
              <li>{[p.name, p.role, p.email, p.phone].filter(Boolean).join(' · ')}</li>
            ))}
          </ul>
        </>
      ) : null}
      {pub.has('description') && org.description ? (
        <>
          <h2>{t('membership.fields.description')}</h2>
          <TText value={org.description} as="div" />
        </>
      ) : null}
      {pub.has('objectives') && org.objectives.length ? (
        <>
          <h2>{t('membership.fields.objectives')}</h2>
          <ul>
            {org.objectives.map((n) => (
              <li>
                <a href={elsewhere.objective.href(l, { n })}>{t('reference.objectives.numbered', { n, title: props.objectives.find((o) => o.n === n)?.short ?? '' })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {pub.has('bodies')
        ? props.groups
            .filter((g) => g.items.length)
            .map((g) => (
              <>
                <h2>{t(g.heading)}</h2>
                <ul>
                  {g.items.map((b) => (
                    <li>
                      <a href={b.href}>{b.label}</a>
                    </li>
                  ))}
                </ul>
              </>
            ))
        : null}
      {props.sections}
    </>
  );
}
