/** @module Reference data reads: objectives, principles and countries in a language. */
import type { Db } from '../../db/schema.js';
import type { Locale } from '../i18n/locales.js';

export interface Objective {
  n: number;
  hubId: number;
  short: string;
  title: string;
}
export interface Principle {
  key: string;
  hubId: number;
  name: string;
  description: string;
}
export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: string;
  lac: boolean;
  name: string;
}

// Reference data never changes while the process runs: read each language once.
const memo = new WeakMap<object, Map<string, unknown>>();
async function once<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let m = memo.get(db);
  if (!m) memo.set(db, (m = new Map()));
  if (!m.has(key)) m.set(key, await load());
  return m.get(key) as T;
}

export function listObjectives(db: Db, locale: Locale): Promise<Objective[]> {
  return once(db, `objectives:${locale}`, async () => {
    const rows = await db.selectFrom('objectives').selectAll().orderBy('n').execute();
    return rows.map((r) => ({ n: r.n, hubId: r.hub_id, short: r[`short_${locale}`], title: r[`title_${locale}`] }));
  });
}

/** An objective as the JSON documents write it: our number, the Hub's term id and its short name. */
export function objectiveRef(objectives: Objective[], n: number): { n: number; hubId: number | null; name: string } {
  const o = objectives.find((x) => x.n === n);
  return { n, hubId: o?.hubId ?? null, name: o?.short ?? '' };
}

export async function getObjective(db: Db, locale: Locale, n: number): Promise<Objective | undefined> {
  return (await listObjectives(db, locale)).find((o) => o.n === n);
}

export function listPrinciples(db: Db, locale: Locale): Promise<Principle[]> {
  return once(db, `principles:${locale}`, async () => {
    const rows = await db.selectFrom('principles').selectAll().orderBy('position').execute();
    return rows.map((r) => ({ key: r.key, hubId: r.hub_id, name: r[`name_${locale}`], description: r[`description_${locale}`] }));
  });
}

/** All countries, the 33 Latin American and Caribbean states first, each group sorted by name. */
export function listCountries(db: Db, locale: Locale): Promise<Country[]> {
  return once(db, `countries:${locale}`, async () => {
    const rows = await db.selectFrom('countries').selectAll().execute();
    const collator = new Intl.Collator(locale);
    return rows
      .map((r) => ({ alpha2: r.alpha2, alpha3: r.alpha3, numeric: r.numeric, lac: !!r.lac, name: r[`name_${locale}`] }))
      .sort((a, b) => Number(b.lac) - Number(a.lac) || collator.compare(a.name, b.name));
  });
}

export async function countryNames(db: Db, locale: Locale): Promise<Map<string, string>> {
  return once(db, `countryNames:${locale}`, async () => new Map((await listCountries(db, locale)).map((c) => [c.alpha2, c.name])));
}
