/**
 * @module PostgreSQL practices search, in-process, on an existing benchmark database
 * `node --import tsx bench/pg-search.ts DATA_DIR PG_URL [--explain FILE]`: boots the app on the database a
 * `npm run bench -- --db postgres --only practices` run left (migrating it if needed), runs the practices
 * benchmark's in-process search measurements (`BENCH_IN_MEMORY=0` is implied: no SQLite comparison) and,
 * with --explain, writes EXPLAIN (ANALYZE, BUFFERS) of each query class to FILE
 * (docs/decisions/0008-explain-100k.txt). The load average is printed beside the figures.
 */
import pino from 'pino';
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { boot } from '../src/boot.js';
import { bench } from './practices.js';
import { wordPostingsQuery, wordsPostingsQuery } from '../src/modules/practices/pg-postings.js';
import { RANKED_CANDIDATES, engine } from '../src/modules/practices/search.js';
import { typoCandidatesQuery } from '../src/platform/search/engine.js';

const [dataDir, pgUrl] = process.argv.slice(2);
const explainAt = process.argv.indexOf('--explain');
const explainFile = explainAt > 0 ? process.argv[explainAt + 1] : '';
if (!dataDir || !pgUrl) {
  console.error('usage: bench/pg-search.ts DATA_DIR PG_URL [--explain FILE]');
  process.exit(2);
}
process.env.BENCH_IN_MEMORY = '0';
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const t0 = performance.now();
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', NODE_ENV: 'production', DATABASE_URL: pgUrl });
const { deps, handle } = await boot(config, { log: pino({ level: 'warn' }) });
console.log(`booted (migrations included) in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${load()}`);
const db = deps.db;
const sizes = await sql<{ name: string; size: string }>`select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size from pg_class c
  where c.relname in ('practice_texts', 'practice_postings', 'practices') and c.relnamespace = current_schema()::regnamespace`.execute(db);
console.log(sizes.rows.map((r) => `${r.name} ${r.size}`).join(', '));

if (explainFile) {
  const out: string[] = [`EXPLAIN (ANALYZE, BUFFERS), ${new Date().toISOString()}, load average ${load()} (other sessions on this 2-core machine)\n`];
  const explain = async (title: string, q: { compile: unknown } | ReturnType<typeof sql>) => {
    const rows = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${q as any}`.execute(db);
    const plan = rows.rows.map((r) => r['QUERY PLAN'].replace(/'\{[^}]{200,}\}'/g, (m) => `'{…${m.split(',').length} ids…}'`));
    out.push(`=== ${title}\n${plan.join('\n')}\n`);
  };
  // The statements a new text costs (search.ts `matchPg`, engine.ts `expandPg`): the typo candidates of every
  // (language, word) in one statement, every missing word's postings in one, then each language's ts_rank.
  const langs = ['es', 'en', 'pt', 'fr'] as const;
  const vocabulary = engine.config.vocabulary;
  await explain(
    'two words (salud frontera): every language\'s typo candidates in one statement',
    typoCandidatesQuery(vocabulary, langs.flatMap((scope) => ['salud', 'frontera'].map((term) => ({ scope, term })))),
  );
  await explain(
    'one typo (migrasion familias): every language\'s typo candidates in one statement',
    typoCandidatesQuery(vocabulary, langs.flatMap((scope) => ['migrasion', 'familias'].map((term) => ({ scope, term })))),
  );
  await explain(
    'two words (salud frontera): the postings of every (language, word) in one statement (Spanish words and the other languages\' candidates)',
    wordsPostingsQuery([
      { lang: 'es', word: 'salud' },
      { lang: 'es', word: 'frontera' },
      { lang: 'pt', word: 'saude' },
      { lang: 'pt', word: 'fronteira' },
    ]),
  );
  await explain('single common word (migracion): the largest postings row', wordPostingsQuery('es', 'migracion'));
  await explain('accentless (integracion): the same lexeme as integración', wordPostingsQuery('es', 'integracion'));
  // The ranked set as search.ts builds it: at most RANKED_CANDIDATES matches, the newest first among equals.
  for (const [lang, cfg, lexeme] of [
    ['es', 'spanish', 'migracion'],
    ['pt', 'portuguese', 'migraca'],
  ] as const) {
    const top = await sql<{ id: string }>`select id from practices where seq in (select unnest(seqs) from practice_postings where lang = ${lang} and lexeme = ${lexeme})
        order by published_at desc, id limit ${RANKED_CANDIDATES}`.execute(db);
    await explain(
      `ranking a bounded set (${top.rows.length} ids, ${lang}) with ts_rank (one statement per language, the languages at once)`,
      sql`select practice_id, ts_rank(tsv, to_tsquery(${sql.lit(cfg)}::regconfig, ${sql.lit(`(${lexeme})`)})) as rank from practice_texts where lang = ${sql.lit(lang)} and practice_id = any(${top.rows.map((r) => r.id)})`,
    );
  }
  writeFileSync(explainFile, out.join('\n'));
  console.log(`EXPLAIN written to ${explainFile}`);
}

console.log(`measuring; load average ${load()}`);
const rows = await bench.extra!(deps, { scale: 1, log: (m) => console.log(`  · ${m}`) });
for (const r of rows) console.log(`${r.name}: ${Object.entries(r.values).map(([k, v]) => `${k}=${v}`).join(' ')}`);
// Node CPU per new text (steadier than wall time on a shared machine; the database's own time is not in it).
const { freshTexts } = await import('./practices.js');
const { searchPractices, dropSearchCache } = await import('../src/modules/practices/search.js');
dropSearchCache(db, { keepIndex: true });
for (const [kind, texts] of Object.entries(freshTexts(40, 31))) {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const text of texts) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await searchPractices(db, { text });
    wall.push(performance.now() - w0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))]!.toFixed(1);
  console.log(`new text (second set), ${kind}: wall p50 ${p(wall, 50)} / p95 ${p(wall, 95)} ms; node CPU p50 ${p(cpu, 50)} / p95 ${p(cpu, 95)} ms; n=${texts.length}`);
}
console.log(`load average at the end ${load()}`);
await handle.close();
process.exit(0);
