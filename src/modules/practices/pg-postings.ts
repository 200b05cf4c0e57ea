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


/**
 * The query behind `wordsPostings`: for each (language, word), in order (`i` from 1), whether the word is a stop
 * word (`n` = 0), its lexeme, whether its query is that one plain lexeme (`same`), and that lexeme's postings
 * row read by primary key (EXPLAIN in pg-postings.test.ts and the decision record).
 */
export function wordsPostingsQuery(pairs: readonly { lang: Locale; word: string }[]) {
  // The numbers as text ("3,17,42"): the driver's int4[] parser costs 5–10× the query at 25,000 numbers.
  return sql<{ i: string; n: number; lexeme: string | null; same: boolean; seqs: string | null; title: string | null }>`select s.i, numnode(q) as n, v.a[1] as lexeme,
      cardinality(v.a) = 1 and q::text = quote_literal(v.a[1]) as same, array_to_string(p.seqs, ',') as seqs, array_to_string(p.title, ',') as title
    from unnest(${pairs.map((p) => p.lang)}::text[], ${pairs.map((p) => PG_TS_CONFIG[p.lang])}::text[], ${pairs.map((p) => p.word)}::text[])
      with ordinality as s(lang, cfg, word, i)
    cross join lateral to_tsquery(s.cfg::regconfig, s.word) q
    cross join lateral tsvector_to_array(to_tsvector(s.cfg::regconfig, s.word)) as v(a)
    left join practice_postings p on p.lang = s.lang and p.lexeme = v.a[1]
    order by s.i`;
}

/** `wordsPostingsQuery` for one word. */
export function wordPostingsQuery(lang: Locale, word: string) {
  return wordsPostingsQuery([{ lang, word }]);
}

export interface Postings {
  /** 0: a stop word (to_tsquery drops it). */
  n: number;
  /** Positions of the in-memory index having the word, ascending; and those having it in the title. */
  ids: Int32Array;
  title: Int32Array;
}

/**
 * Words' matches in their languages as positions of the in-memory index (ascending), and those with the word
 * in the title, in one statement: `{ n: 0 }` for a stop word (to_tsquery drops it); undefined when the word's
 * query is not a single lexeme (the caller then asks the GIN index, as before).
 */
export async function wordsPostings(db: Db, pairs: readonly { lang: Locale; word: string }[], posOfSeq: Int32Array): Promise<(Postings | undefined)[]> {
  const out = new Array<Postings | undefined>(pairs.length);
  if (!pairs.length) return out;
  const empty = new Int32Array(0);
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
  for (const row of (await wordsPostingsQuery(pairs).execute(db)).rows) {
    const i = Number(row.i) - 1;
    if (Number(row.n) === 0) out[i] = { n: 0, ids: empty, title: empty };
    else if (row.same) out[i] = { n: Number(row.n), ids: toPositions(row.seqs), title: toPositions(row.title) };
  }
  return out;
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
