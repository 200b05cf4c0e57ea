/** @module Membership: view helpers shared by its pages (options, status badge, profile facts). */
import type { Db } from '../../../db/schema.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { T } from '../../../platform/i18n/i18n.js';
import type { Option } from '../../../platform/views/components.js';
import { listCountries, listObjectives } from '../../../platform/reference/queries.js';
import { lacCountryOptions, objectiveOptions as groupedObjectives } from '../../../platform/reference/options.js';
import { ORG_TYPES, WORKING_LANGUAGES, PUBLIC_FIELDS } from '../schemas.js';
import type { OrgStatus } from '../tables.js';

export async function countryOptions(db: Db, l: Locale, t: T): Promise<Option[]> {
  return (await listCountries(db, l)).map((c) => ({ value: c.alpha2, label: c.name, group: c.lac ? t('membership.fields.lacGroup') : t('membership.fields.otherCountries') }));
}
/** The 33 LAC States grouped by sub-region, for the checkbox lists of the join and profile forms. */
export async function lacOptions(db: Db, l: Locale, t: T): Promise<Option[]> {
  return lacCountryOptions(await listCountries(db, l), t);
}
/** The 23 objectives grouped by theme, for the checkbox lists of the join and profile forms. */
export async function objectiveChoices(db: Db, l: Locale, t: T): Promise<Option[]> {
  return groupedObjectives(await listObjectives(db, l), t);
}
export const typeOptions = (t: T): Option[] => ORG_TYPES.map((v) => ({ value: v, label: t(`membership.types.${v}`) }));
export const languageOptions = (t: T): Option[] => WORKING_LANGUAGES.map((v) => ({ value: v, label: t(`membership.languages.${v}`) }));
export const publicFieldOptions = (t: T): Option[] => PUBLIC_FIELDS.map((v) => ({ value: v, label: t(`membership.public.${v}`) }));
export async function objectiveOptions(db: Db, l: Locale, t: T): Promise<Option[]> {
  return (await listObjectives(db, l)).map((o) => ({ value: String(o.n), label: t('membership.objectiveOption', { n: o.n, title: o.short }) }));
}

export function StatusBadge(props: { status: OrgStatus | string; t: T }) {
  const ok = props.status === 'member';
  return <span class={`badge${ok ? ' ok' : ''}`}>{props.t(`membership.status.${props.status}`)}</span>;
}
