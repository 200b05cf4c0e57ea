/**
 * @module Reading the history
 * The one history stores actions as keys and subjects as ids ('body.join_approved', body dxk461…); people read
 * sentences ("Ana approved the request of AHSP to join Mesa 3"). Each module says how its actions read in its
 * manifest (`audit`: the prefix of its actions, the names of the subjects it owns, extra values); the sentence
 * is its message `<module>.auditLog.<action without the prefix>`, with {{actor}}, {{subject}} and the names of
 * the subjects an entry's data refers to ({{org}} from `orgId`, {{body}} from `bodyId`, {{person}} from `userId`).
 * The platform's own actions read with `audit.actions.<action>`. An action nobody describes reads as a plain
 * "{{actor}} changed {{subject}}" — never a key or an id. The administrators' log and every history panel
 * (an organization's, a practice's, an election's, a consultation's) read their rows with `readAudit`.
 */
import type { Db } from '../../db/schema.js';
import type { Locale } from '../i18n/locales.js';
import type { T } from '../i18n/i18n.js';
import type { ModuleManifest } from '../module.js';
import type { HistoryItem } from './audit.js';

/** Entry data fields that name another subject: field → [sentence placeholder, subject type]. */
const REFS: Record<string, [string, string]> = {
  orgId: ['org', 'organization'],
  bodyId: ['body', 'body'],
  userId: ['person', 'user'],
};

/** What a row of the history needs to be read. */
export interface AuditRow {
  action: string;
  actorName: string | null;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

type NameResolver = (db: Db, ids: string[], locale: Locale) => Promise<Map<string, string>>;

/** The platform names the subjects it owns: people (by their account's name). */
const PLATFORM_NAMES: Record<string, NameResolver> = {
  user: async (db, ids) => new Map((await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.name])),
};

/** Parses a stored `data` column (a broken one reads as empty). */
export function auditData(raw: string | null): Record<string, unknown> {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Each row as a sentence in the reader's language, in the rows' order. */
export async function readAudit(db: Db, modules: ModuleManifest[], locale: Locale, t: T, rows: AuditRow[]): Promise<string[]> {
  const resolvers: Record<string, NameResolver> = { ...PLATFORM_NAMES };
  for (const m of modules) Object.assign(resolvers, m.audit?.names ?? {});
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: unknown) => {
    if (typeof id !== 'string' || !id || !resolvers[type]) return;
    if (!wanted.has(type)) wanted.set(type, new Set());
    wanted.get(type)!.add(id);
  };
  for (const r of rows) {
    want(r.subjectType, r.subjectId);
    for (const [field, [, type]] of Object.entries(REFS)) want(type, r.data[field]);
  }
  const names = new Map<string, Map<string, string>>();
  for (const [type, ids] of wanted) names.set(type, await resolvers[type]!(db, [...ids], locale));
  const nameOf = (type: string, id: unknown) => (typeof id === 'string' ? names.get(type)?.get(id) : undefined);

  return rows.map((r) => {
    const owner = modules.find((m) => m.audit && r.action.startsWith(m.audit.prefix));
    const key = owner ? `${owner.name}.auditLog.${r.action.slice(owner.audit!.prefix.length)}` : `audit.actions.${r.action.replace(/\./g, '_')}`;
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.data)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    for (const [field, [placeholder, type]] of Object.entries(REFS)) params[placeholder] = nameOf(type, r.data[field]) ?? t('audit.someone');
    if (!owner && typeof r.data.role === 'string') params.role = t(`roles.${r.data.role}`);
    Object.assign(params, owner?.audit?.params?.(r.data, t) ?? {});
    params.actor = r.actorName === '' ? t('audit.formerPerson') : (r.actorName ?? t('audit.system'));
    params.subject = nameOf(r.subjectType, r.subjectId) ?? t('audit.removed');
    const sentence = t(key, params);
    return sentence === key ? t('audit.generic', params) : sentence;
  });
}

/** One step of a thing's history with its sentence. */
export type ReadItem = HistoryItem & { sentence: string };

/** A thing's history (`historyOf`) as sentences in the reader's language, for the history panels. */
export async function readHistory(
  db: Db,
  modules: ModuleManifest[],
  locale: Locale,
  t: T,
  subject: { type: string; id: string },
  items: HistoryItem[],
): Promise<ReadItem[]> {
  const sentences = await readAudit(
    db,
    modules,
    locale,
    t,
    items.map((h) => ({
      action: h.action,
      actorName: h.actorId ? (h.actorName ?? '') : null,
      subjectType: subject.type,
      subjectId: subject.id,
      data: { ...h.data, ...(h.from != null ? { from: h.from } : {}), ...(h.to != null ? { to: h.to } : {}), ...(h.note != null ? { note: h.note } : {}) },
    })),
  );
  return items.map((h, i) => ({ ...h, sentence: sentences[i]! }));
}
