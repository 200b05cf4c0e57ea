/**
 * @module Practices: PostgreSQL postings (docs/decisions/0008-postgres-search-at-scale.md)
 * One word's matches in one language, read from `practice_postings` — one narrow row per (language,
 * lexeme) holding the numbers (`practices.seq`) of the practices whose text has it, and of those that have
 * it in the title — instead of a GIN bitmap scan that must read every match's 1.4 KB `practice_texts` row to
 * learn its id. The rows are kept by triggers on `practice_texts` (migration 2026_12_02_2200), so they are
 * exact in every transaction that writes the full-text rows. The GIN index on the tsvectors still serves
 * ts_rank on the bounded candidate set, and answers any word whose query is not one plain lexeme.
 */
import { sql, CompiledQuery } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { PG_TS_CONFIG } from '../../platform/search/text.js';


/** The query behind `wordPostings` (EXPLAIN in search-plan.test.ts and the decision record). */
export function wordPostingsQuery(lang: Locale, word: string) {
  const cfg = PG_TS_CONFIG[lang];
  // The numbers as text ("3,17,42"): the driver's int4[] parser costs 5–10× the query at 25,000 numbers.
  return sql<{ n: number; lexeme: string | null; same: boolean; seqs: string | null; title: string | null }>`select numnode(q) as n, v.a[1] as lexeme,
      cardinality(v.a) = 1 and q::text = quote_literal(v.a[1]) as same, array_to_string(p.seqs, ',') as seqs, array_to_string(p.title, ',') as title
    from to_tsquery(${cfg}::regconfig, ${word}) q
    cross join lateral tsvector_to_array(to_tsvector(${cfg}::regconfig, ${word})) as v(a)
    left join practice_postings p on p.lang = ${sql.lit(lang)} and p.lexeme = v.a[1]`;
}

/**
 * A word's matches in a language as positions of the in-memory index (ascending), and those with the word in
 * the title: `{ n: 0 }` for a stop word (to_tsquery drops it); undefined when the word's query is not a single
 * lexeme (the caller then asks the GIN index, as before).
 */
export async function wordPostings(
  db: Db,
  lang: Locale,
  word: string,
  posOfSeq: Int32Array,
): Promise<{ n: number; ids: Int32Array; title: Int32Array } | undefined> {
  const row = (await wordPostingsQuery(lang, word).execute(db)).rows[0];
  if (!row) return undefined;
  const empty = new Int32Array(0);
  if (Number(row.n) === 0) return { n: 0, ids: empty, title: empty };
  if (!row.same) return undefined;
  const toPositions = (seqs: string | null) => {
    if (!seqs) return empty;
    const out = new Int32Array((seqs.length >> 1) + 1);
    let k = 0;
    let s = 0;
    const take = () => {
      const i = s < posOfSeq.length ? posOfSeq[s]! : -1;
      if (i >= 0) out[k++] = i;
      s = 0;
    };
    for (let c = 0; c < seqs.length; c++) {
      const d = seqs.charCodeAt(c);
      if (d === 44) take(); // ','
      else s = s * 10 + d - 48;
    }
    take();
    return out.slice(0, k).sort();
  };
  return { n: Number(row.n), ids: toPositions(row.seqs), title: toPositions(row.title) };
}

/** Bulk loads: the triggers that keep the postings, to disable during a load and rebuild after. */
export const POSTINGS_TRIGGERS = ['practice_postings_add', 'practice_postings_remove', 'practice_postings_change'];

/** Rewrites every postings row from `practice_texts` (after a bulk load with the triggers disabled). */
export async function rebuildPostings(db: Db): Promise<void> {
  const run = (q: string) => db.executeQuery(CompiledQuery.raw(q));
  await run('truncate practice_postings');
  await run(`insert into practice_postings (lang, lexeme, seqs, title)
      select t.lang, l.lexeme, array_agg(n.seq order by n.seq), coalesce(array_agg(n.seq order by n.seq) filter (where 'A' = any(l.weights)), '{}')
      from practice_texts t join practices n on n.id = t.practice_id, unnest(t.tsv) l group by 1, 2`);
  await run('analyze practice_postings');
}

// ---------------------------------------------------------------------------------------------------
// Typo candidates from the words in memory
