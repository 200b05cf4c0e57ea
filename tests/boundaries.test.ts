/**
 * Module boundaries in the data: a module's queries touch only its own tables and the platform's.
 * Each module's tables come from its migrations (createTable and raw `create table`), the platform's from
 * src/platform/migrations and better-auth's models (platform/auth/auth.ts). Each module's non-test source
 * is scanned for Kysely table references (selectFrom, insertInto, updateTable, deleteFrom, the joins,
 * sql.table) and raw SQL (FROM/JOIN/INTO/UPDATE inside sql`…`); a reference to another module's table
 * fails, unless it is in KNOWN below, each entry with its reason and to be removed; modules may join the
 * platform's tables (users, audit_log, countries…) freely. A module that needs
 * another's data asks that module's index.ts (the import rules are checked by dependency-cruiser).
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const MODULES = join(ROOT, 'src/modules');
const PLATFORM_MIGRATIONS = join(ROOT, 'src/platform/migrations');

/**
 * Violations accepted for a while: { module, table, file, reason } — each to be removed. Empty: when this
 * test landed no module queried another module's table (membership's organization_bodies, which repeats
 * bodies' body_members, is membership's own table: a duplicate, not a crossing; it is being removed). A new
 * violation fails, and so does an entry here that no longer matches anything (delete it then).
 */
const KNOWN: { module: string; table: string; file: string; reason: string }[] = [];

/** `${…}` in a name (per-language FTS tables) becomes `*`, so a template matches its owner's template. */
const normalize = (name: string) => name.toLowerCase().replace(/\$\{[^}]*\}/g, '*');

const NAME = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\$\{[^}]*\}[A-Za-z0-9_]*)*`;

/** Table names a migration file creates. */
export function createdTables(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(new RegExp(String.raw`createTable\(\s*['"\`](${NAME})['"\`]`, 'g'))) out.add(normalize(m[1]!));
  for (const m of source.matchAll(new RegExp(String.raw`create\s+(?:virtual\s+)?table\s+(?:if\s+not\s+exists\s+)?(${NAME})`, 'gi'))) out.add(normalize(m[1]!));
  return [...out];
}

export interface TableRef {
  table: string;
  line: number;
  how: string;
}

const KYSELY = ['selectFrom', 'insertInto', 'replaceInto', 'mergeInto', 'updateTable', 'deleteFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral', 'leftJoinLateral', 'using', 'table'];

/** Table references in a source file: Kysely builder calls and raw SQL in sql`…` templates and sql.raw(…). */
export function tableRefs(source: string): TableRef[] {
  const refs: TableRef[] = [];
  const lineAt = (i: number) => source.slice(0, i).split('\n').length;
  // Common table expressions are names the query itself defines: not tables.
  const ctes = new Set<string>();
  for (const m of source.matchAll(/\.with(?:Recursive|Materialized|NotMaterialized)?\(\s*['"`]([A-Za-z_][A-Za-z0-9_]*)/g)) ctes.add(m[1]!.toLowerCase());
  for (const m of source.matchAll(/\bwith\s+(?:recursive\s+)?([A-Za-z_][A-Za-z0-9_]*)\s+as\s*\(/gi)) ctes.add(m[1]!.toLowerCase());
  const add = (raw: string, index: number, how: string) => {
    const table = normalize(raw.trim().split(/\s+as\s+|\s+/i)[0]!.split('.').pop()!);
    if (table && !ctes.has(table)) refs.push({ table, line: lineAt(index), how });
  };
  const call = new RegExp(String.raw`\.(${KYSELY.join('|')})\(\s*(\[[^\]]*\]|['"\`][^'"\`]*['"\`])`, 'g');
  for (const m of source.matchAll(call)) {
    for (const s of m[2]!.matchAll(/['"`]([^'"`]+)['"`]/g)) add(s[1]!, m.index!, m[1]!);
  }
  const raw: { text: string; at: number }[] = [];
  for (const m of source.matchAll(/\bsql(?:<[^`]*?>)?`((?:[^`\\]|\\.)*)`/g)) raw.push({ text: m[1]!, at: m.index! });
  for (const m of source.matchAll(/\bsql\.raw(?:<[^(]*?>)?\(\s*(`(?:[^`\\]|\\.)*`|'[^']*'|"[^"]*")/g)) raw.push({ text: m[1]!.slice(1, -1), at: m.index! });
  for (const { text, at } of raw) {
    for (const m of text.matchAll(new RegExp(String.raw`\b(from|join|into|update)\s+(${NAME})`, 'gi'))) add(m[2]!, at + m.index!, `sql ${m[1]!.toLowerCase()}`);
  }
  return refs;
}

function files(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}
const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');

function platformTables(): Set<string> {
  const tables = new Set<string>();
  for (const f of files(PLATFORM_MIGRATIONS, isSource)) for (const t of createdTables(readFileSync(f, 'utf8'))) tables.add(t);
  // better-auth's models, as named in its configuration.
  for (const m of readFileSync(join(ROOT, 'src/platform/auth/auth.ts'), 'utf8').matchAll(/modelName:\s*'([a-z_]+)'/g)) tables.add(m[1]!);
  return tables;
}

function moduleTables(): Map<string, Set<string>> {
  const owned = new Map<string, Set<string>>();
  for (const name of readdirSync(MODULES)) {
    const migrations = join(MODULES, name, 'migrations');
    const tables = new Set<string>();
    if (existsSync(migrations)) for (const f of files(migrations, isSource)) for (const t of createdTables(readFileSync(f, 'utf8'))) tables.add(t);
    if (statSync(join(MODULES, name)).isDirectory()) owned.set(name, tables);
  }
  return owned;
}

describe('module boundaries in the data', () => {
  it('finds table references the way modules write them (the scanner can fail)', () => {
    const src = [
      "db.selectFrom('body_members as bm').innerJoin('organizations as o', 'o.id', 'bm.org_id')",
      "trx.insertInto('audit_log').values(x); db.updateTable(\"elections\").set(y); db.deleteFrom(`practices`)",
      "db.selectFrom(['bodies', 'users as u']).leftJoin('practice_meta', 'a', 'b')",
      "db.with('recent', (q) => q.selectFrom('elections')).selectFrom('recent')",
      'await sql`select count(*) from organization_bodies ob join body_members bm on true where x in (select 1 from ${sql.table("election_roll")})`.execute(db)',
      "sql.raw(`delete from practices_fts_${l} where rowid = 1`)",
    ].join('\n');
    const tables = tableRefs(src).map((r) => r.table);
    expect(tables).toEqual(
      expect.arrayContaining(['body_members', 'organizations', 'audit_log', 'elections', 'practices', 'bodies', 'users', 'practice_meta', 'organization_bodies', 'election_roll', 'practices_fts_*']),
    );
    expect(tables).not.toContain('recent');
    expect(createdTables("db.schema.createTable('a_b').addColumn(); sql.raw(`create virtual table practices_fts_${l} using fts5(x)`)")).toEqual(['a_b', 'practices_fts_*']);
  });

  it('derives every module\'s tables and the platform\'s from their migrations', () => {
    const platform = platformTables();
    expect([...platform]).toEqual(expect.arrayContaining(['users', 'sessions', 'accounts', 'verifications', 'audit_log', 'outbox', 'countries', 'objectives']));
    const owned = moduleTables();
    expect([...owned.get('bodies')!]).toContain('body_members');
    expect([...owned.get('membership')!]).toContain('organizations');
    expect([...owned.get('practices')!]).toEqual(expect.arrayContaining(['practices', 'practices_fts_*']));
    // No table has two owners.
    const seen = new Map<string, string>();
    for (const [m, tables] of owned) {
      for (const t of tables) {
        expect(seen.get(t) ?? (platform.has(t) ? 'platform' : undefined), `${t} created by ${m} and another`).toBeUndefined();
        seen.set(t, m);
      }
    }
  });

  it("a module's queries touch only its own tables and the platform's", () => {
    const platform = platformTables();
    const owned = moduleTables();
    const owner = new Map<string, string>();
    for (const [m, tables] of owned) for (const t of tables) owner.set(t, m);
    const violations: { module: string; table: string; file: string; line: number; how: string; owner: string }[] = [];
    for (const [module] of owned) {
      for (const f of files(join(MODULES, module), isSource)) {
        const file = relative(ROOT, f);
        for (const ref of tableRefs(readFileSync(f, 'utf8'))) {
          if (platform.has(ref.table) || owned.get(module)!.has(ref.table)) continue;
          const other = owner.get(ref.table);
          if (other) violations.push({ module, file, owner: other, ...ref });
        }
      }
    }
    const known = (v: { module: string; table: string; file: string }) => KNOWN.some((k) => k.module === v.module && k.table === v.table && k.file === v.file);
    const fresh = violations.filter((v) => !known(v));
    const stale = KNOWN.filter((k) => !violations.some((v) => v.module === k.module && v.table === k.table && v.file === k.file));
    const report = [
      ...fresh.map((v) => `${v.file}:${v.line}: module "${v.module}" uses "${v.table}" (${v.how}), a table of module "${v.owner}" — ask ${v.owner}'s index.ts instead`),
      ...stale.map((k) => `KNOWN entry no longer needed (remove it from tests/boundaries.test.ts): ${k.module} → ${k.table} in ${k.file}`),
    ];
    expect(report, report.join('\n')).toEqual([]);
  });
});
