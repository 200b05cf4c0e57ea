/** @module Practices: the vocabulary of a practice (statuses, scopes, resource types, regions) and text helpers. */
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { PracticeStatus } from './tables.js';

export const STATUSES: PracticeStatus[] = ['draft', 'submitted', 'in_review', 'returned', 'published'];
export const SCOPES = ['local', 'national', 'regional', 'global'] as const;
/** The Hub's type_of_resource, as keys. */
export const RESOURCE_TYPES = ['practice', 'tool', 'guidance', 'study', 'training', 'other'] as const;
/** The Hub's regions, plus global. */
export const REGIONS = ['americas', 'africa', 'asia', 'europe', 'oceania', 'global'] as const;
export type Region = (typeof REGIONS)[number];

/** The parts of a practice written per language, in the order of the Hub's template. */
export const TEXT_FIELDS = ['title', 'summary', 'problem', 'actions', 'results', 'lessons', 'replication'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Practices implemented after December 2018 are recommended (the GCM's adoption). */
export const RECOMMENDED_START = '2018-12-01';

// Region by ISO alpha-2 (UN M49 continents; anything not listed is Asia).
const AMERICAS =
  'AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE US CA BM GL PM PR VI AW CW KY TC VG AI MS GP MQ GF BL MF SX BQ FK GS UM';
const AFRICA =
  'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW IO TF';
const EUROPE =
  'AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB AX XK';
const OCEANIA = 'AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF CX CC HM';
const REGION_OF = new Map<string, Region>();
for (const [r, list] of [
  ['americas', AMERICAS],
  ['africa', AFRICA],
  ['europe', EUROPE],
  ['oceania', OCEANIA],
] as const)
  for (const c of list.split(' ')) REGION_OF.set(c, r);

export function regionOf(alpha2: string): Region | null {
  if (alpha2 === 'AQ') return null;
  return REGION_OF.get(alpha2) ?? 'asia';
}

/** The platform's word helpers (platform/search/text.ts), shared with every full-text search. */
export { fold, words, editDistance, typoBudget } from '../../platform/search/text.js';

export const parseList = <T = string>(s: string | null | undefined): T[] => {
  try {
    const v = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

export { LOCALES, type Locale };
