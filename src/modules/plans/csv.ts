/**
 * @module Plans: the plan as a spreadsheet — one row per axis, expected result, activity or indicator, the same
 * columns out (export) and in (import). Reading checks every row and reports each problem with its line; the
 * import applies only a file without any (commands/import.ts).
 */
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../platform/http/csv.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { Translated } from '../../platform/i18n/translated.js';
import type { Link } from '../../platform/links.js';
import { ACTIVITY_STATUSES, DIRECTIONS, UNITS, type ActivityStatus, type Direction, type Unit } from './tables.js';
import { parseNumber } from './core/progress.js';
import type { PlanTree } from './queries.js';

export const CSV_COLUMNS = [
  'kind',
  'code',
  'parent',
  'title_es',
  'title_en',
  'title_pt',
  'title_fr',
  'weight',
  'body',
  'people',
  'starts_on',
  'ends_on',
  'status',
  'objectives',
  'links',
  'unit',
  'baseline',
  'target',
  'direction',
] as const;
export const KINDS = ['axis', 'result', 'activity', 'indicator'] as const;
export type Kind = (typeof KINDS)[number];
export const CSV_MAX_ROWS = 2000;

export interface CsvRow {
  line: number;
  kind: Kind;
  code: string;
  parent: string;
  title: Translated;
  weight: number;
  bodyId: string | null;
  people: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: ActivityStatus;
  objectives: number[];
  links: Link[];
  unit: Unit;
  baseline: string | null;
  target: string | null;
  direction: Direction;
}

/** One problem: its line (0: the whole file), the message key under plans.csv.errors and its values. */
export interface CsvProblem {
  line: number;
  key: string;
  params?: Record<string, string | number>;
  /** The column the problem is in (a form shows it beside that field). */
  column?: string;
}

/** A row's cells by column name. */
export type CsvCells = Record<(typeof CSV_COLUMNS)[number], string>;

export interface CsvEnv {
  /** Bodies by slug. */
  bodies: Map<string, string>;
  period: { startsOn: string; endsOn: string };
  /** The links among these that do not exist or the reader may not see. */
  unknownLinks: (links: Link[]) => Promise<Link[]>;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const split = (s: string) =>
  s
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Undoes the export's formula guard (platform/http/csv.ts): `'-3` is read back as `-3`. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** The file's bytes as text: UTF-8 (a byte-order mark is dropped), anything else refused. */
export function decodeCsv(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return null;
  }
}

/** Reads and checks a plan's CSV: the rows, and every problem with its line (the header is line 1). */
export async function readPlanCsv(text: string, env: CsvEnv): Promise<{ rows: CsvRow[]; problems: CsvProblem[] }> {
  const problems: CsvProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { rows: [], problems: [{ line, key: 'parse' }] };
  }
  const head = (records.shift() ?? []).map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !head.includes(c));
  const extra = head.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length) problems.push({ line: 1, key: 'missingColumns', params: { columns: missing.join(', ') } });
  if (extra.length) problems.push({ line: 1, key: 'unknownColumns', params: { columns: extra.join(', ') } });
  if (problems.length) return { rows: [], problems };
  if (!records.length) return { rows: [], problems: [{ line: 0, key: 'empty' }] };
  if (records.length > CSV_MAX_ROWS) return { rows: [], problems: [{ line: 0, key: 'tooManyRows', params: { max: CSV_MAX_ROWS } }] };

  const rows: CsvRow[] = [];
  const firstLine = new Map<string, number>();
  records.forEach((rec, i) => {
    const line = i + 2;
    const bad = (key: string, params: Record<string, string | number> = {}, column?: string) => problems.push({ line, key, params, ...(column ? { column } : {}) });
    if (rec.length !== head.length) bad('cellCount', { found: rec.length, expected: head.length });
    const v = Object.fromEntries(head.map((h, j) => [h, unguard((rec[j] ?? '').trim())])) as CsvCells;
    const row = checkRow(v, line, env, bad);
    if (/^[A-Za-z0-9._-]{1,20}$/.test(row.code)) {
      if (firstLine.has(row.code)) bad('duplicate', { code: row.code, first: firstLine.get(row.code)! }, 'code');
      else firstLine.set(row.code, line);
    }
    rows.push(row);
  });

  // Parents: a result under an axis; an activity or an indicator under a result.
  const kindOf = new Map(rows.map((r) => [r.code, r.kind]));
  for (const r of rows) {
    if (r.kind === 'axis' || !r.parent) continue;
    const want = r.kind === 'result' ? 'axis' : 'result';
    if (kindOf.get(r.parent) !== want) problems.push({ line: r.line, key: r.kind === 'result' ? 'parentAxis' : 'parentResult', params: { value: r.parent } });
  }
  // Links: each must exist and be visible to the person importing (one question per kind, not per row).
  const all = rows.flatMap((r) => r.links);
  if (all.length) {
    const unknown = new Set((await env.unknownLinks(all)).map((l) => `${l.type}:${l.id}`));
    for (const r of rows) for (const l of r.links) if (unknown.has(`${l.type}:${l.id}`)) problems.push({ line: r.line, key: 'link', params: { value: `${l.type}:${l.id}` } });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

type Bad = (key: string, params?: Record<string, string | number>, column?: string) => void;

/**
 * One row's checks (all but its parent's kind, duplicates across the file and the links' existence): the CSV
 * import and the single-item forms share them, so a value refused in one is refused in the other.
 */
export function checkRow(v: CsvCells, line: number, env: Pick<CsvEnv, 'bodies' | 'period'>, bad: Bad): CsvRow {
  const { startsOn, endsOn } = env.period;
  const kind = v.kind.toLowerCase() as Kind;
  if (!(KINDS as readonly string[]).includes(kind)) bad('kind', { value: v.kind }, 'kind');
  const code = v.code;
  if (!/^[A-Za-z0-9._-]{1,20}$/.test(code)) bad('code', { value: code }, 'code');
  const title: Translated = {};
  for (const l of LOCALES) if (v[`title_${l}` as const]) title[l as Locale] = v[`title_${l}` as const].slice(0, 500);
  if (!Object.keys(title).length) bad('title', {}, 'title_es');
  let weight = 1;
  if (v.weight) {
    const w = parseNumber(v.weight);
    if (w === null || !Number.isInteger(w) || w < 0 || w > 100) bad('weight', { value: v.weight }, 'weight');
    else weight = w;
  }
  const row: CsvRow = {
    line,
    kind,
    code,
    parent: v.parent,
    title,
    weight,
    bodyId: null,
    people: null,
    startsOn: null,
    endsOn: null,
    status: 'planned',
    objectives: [],
    links: [],
    unit: 'number',
    baseline: null,
    target: null,
    direction: 'rise',
  };
  if (kind === 'axis' && v.parent) bad('parentNotAllowed', {}, 'parent');
  if (kind !== 'axis' && !v.parent) bad('parentMissing', {}, 'parent');
  if (kind === 'activity') {
    if (v.body) {
      const id = env.bodies.get(v.body.toLowerCase());
      if (!id) bad('body', { value: v.body }, 'body');
      else row.bodyId = id;
    }
    row.people = v.people ? v.people.slice(0, 500) : null;
    for (const k of ['starts_on', 'ends_on'] as const) {
      if (!v[k]) continue;
      if (!isDate(v[k])) bad('date', { column: k, value: v[k] }, k);
      else if (v[k] < startsOn || v[k] > endsOn) bad('dateOutside', { column: k, value: v[k], from: startsOn, to: endsOn }, k);
    }
    row.startsOn = v.starts_on || null;
    row.endsOn = v.ends_on || null;
    if (row.startsOn && row.endsOn && isDate(row.startsOn) && isDate(row.endsOn) && row.endsOn < row.startsOn) bad('dateOrder', {}, 'ends_on');
    const status = (v.status || 'planned').toLowerCase();
    if (!(ACTIVITY_STATUSES as readonly string[]).includes(status)) bad('status', { value: v.status }, 'status');
    else row.status = status as ActivityStatus;
    const objs = split(v.objectives).map((x) => parseNumber(x));
    if (objs.some((n) => n === null || !Number.isInteger(n) || n < 1 || n > 23)) bad('objectives', { value: v.objectives }, 'objectives');
    else row.objectives = [...new Set(objs as number[])].sort((a, b) => a - b);
    for (const l of split(v.links)) {
      const m = /^([a-z]+\.[a-z]+):([0-9A-Za-z_-]{1,64})$/.exec(l);
      if (!m) bad('linkFormat', { value: l }, 'links');
      else if (!row.links.some((x) => x.type === m[1] && x.id === m[2])) row.links.push({ type: m[1]!, id: m[2]! });
    }
  } else {
    for (const k of ['body', 'people', 'starts_on', 'ends_on', 'status', 'objectives', 'links'] as const) if (v[k]) bad('notForKind', { column: k, kind: v.kind }, k);
  }
  if (kind === 'indicator') {
    const unit = (v.unit || 'number').toLowerCase();
    if (!(UNITS as readonly string[]).includes(unit)) bad('unit', { value: v.unit }, 'unit');
    else row.unit = unit as Unit;
    const direction = (v.direction || 'rise').toLowerCase();
    if (!(DIRECTIONS as readonly string[]).includes(direction)) bad('direction', { value: v.direction }, 'direction');
    else row.direction = direction as Direction;
    row.baseline = v.baseline ? v.baseline.slice(0, 200) : null;
    row.target = v.target ? v.target.slice(0, 200) : null;
    if (row.unit !== 'text') {
      const b = row.baseline === null ? null : parseNumber(row.baseline);
      const t = row.target === null ? null : parseNumber(row.target);
      if (row.baseline !== null && b === null) bad('number', { column: 'baseline', value: row.baseline }, 'baseline');
      if (row.target !== null && t === null) bad('number', { column: 'target', value: row.target }, 'target');
      if (b !== null && t !== null && row.direction === 'rise' && t < b) bad('targetBelow', { target: row.target!, baseline: row.baseline! }, 'target');
      if (b !== null && t !== null && row.direction === 'fall' && t > b) bad('targetAbove', { target: row.target!, baseline: row.baseline! }, 'target');
    }
  } else {
    for (const k of ['unit', 'baseline', 'target', 'direction'] as const) if (v[k]) bad('notForKind', { column: k, kind: v.kind }, k);
  }
  return row;
}

/** The plan in the import's columns (axes, then each axis's results, each result's activities and indicators). */
export function planCsv(tree: PlanTree, bodySlugs: Map<string, string>): string {
  const blank = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<(typeof CSV_COLUMNS)[number], string>;
  const titles = (t: Translated) => Object.fromEntries(LOCALES.map((l) => [`title_${l}`, t[l] ?? '']));
  const out: Record<string, string>[] = [];
  for (const a of tree.axes) {
    out.push({ ...blank, kind: 'axis', code: a.code, ...titles(a.title), weight: String(a.weight) });
    for (const r of a.results) {
      out.push({ ...blank, kind: 'result', code: r.code, parent: a.code, ...titles(r.title), weight: String(r.weight) });
      for (const x of r.activities)
        out.push({
          ...blank,
          kind: 'activity',
          code: x.code,
          parent: r.code,
          ...titles(x.title),
          weight: String(x.weight),
          body: x.bodyId ? (bodySlugs.get(x.bodyId) ?? '') : '',
          people: x.people ?? '',
          starts_on: x.startsOn ?? '',
          ends_on: x.endsOn ?? '',
          status: x.status,
          objectives: x.objectives.join(';'),
          links: x.links.map((l) => `${l.type}:${l.id}`).join(';'),
        });
      for (const i of r.indicators)
        out.push({ ...blank, kind: 'indicator', code: i.code, parent: r.code, ...titles(i.name), weight: String(i.weight), unit: i.unit, baseline: i.baseline ?? '', target: i.target ?? '', direction: i.direction });
    }
  }
  return toCsv([[...CSV_COLUMNS], ...out.map((r) => CSV_COLUMNS.map((c) => r[c]))], { bom: true });
}
