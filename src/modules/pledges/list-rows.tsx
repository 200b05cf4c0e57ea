/**
 * @module Pledges: the public list's rows kept as HTML (page-cache fragments, decision 0612).
 *
 * A row shows a published pledge — its link, its pledging organizations, kind, status and date — the same to every
 * reader of a language: only published pledges are in the catalog, so a kept row never shows a draft. The rows are
 * kept in blocks of catalog positions (`pledges.list.rows:<catalog version>:<lang>:<block>`), each block small enough
 * for the page cache to keep (a value over a quarter of the fragments' share is not kept; a page then renders its
 * blocks again, slower but the same), and a filtered page, whose twenty pledges are spread over the whole catalog,
 * finds them already written after the first requests. The organizations' cells are kept once per language and
 * catalog version (`pledges.list.orgs:…`): a block holds each row's organization ids, not their names and links,
 * so an organization's markup is not repeated in every block. Everything is emptied by every write (and a change of
 * the published pledges changes the catalog's version, so a block's positions always are that catalog's).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { escapeHtml, renderEach, renderPublic } from '../../platform/views/fragment.js';
import { getOrganizations } from '../membership/index.js';
import { catalogOrgs, type PledgeCatalog } from './catalog.js';
import { pledgeSummaries } from './queries.js';
import { OrgNames, PledgeLink } from './views/parts.js';

/** Catalog positions per kept block: a block costs two queries and its rows' rendering when it is not kept. */
const BLOCK = 64;

interface RowBlock {
  /** Per position of the block: `<tr><td>` + the pledge's link + `</td><td>`. */
  head: string[];
  /** Its pledging organizations' ids, the lead first (as the list's query orders them); null: no row. */
  orgs: (string[] | null)[];
  /** `</td><td>` + kind, status and date cells + `</tr>`. */
  tail: string[];
}

/** One organization's part of the organizations' cell (OrgNames' markup for it, without the separator). */
async function orgCells(c: Context<AppEnv>, cat: PledgeCatalog): Promise<Map<string, string>> {
  const orgs = await getOrganizations(c.get('deps').db, catalogOrgs(cat));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out = new Map<string, string>();
  const cells = await renderEach(c, orgs.map((o) => <OrgNames p={{ orgs: [{ orgId: o.id, lead: true, confirmedAt: null, confirmedBy: null }] }} orgs={byId} />));
  orgs.forEach((o, i) => out.set(o.id, cells[i]!));
  return out;
}

async function rowBlock(c: Context<AppEnv>, cat: PledgeCatalog, block: number): Promise<RowBlock> {
  const t = c.get('t');
  const fmt = c.get('fmt');
  const ids = cat.ids.slice(block * BLOCK, (block + 1) * BLOCK);
  const items = new Map((await pledgeSummaries(c.get('deps').db, ids)).map((p) => [p.id, p]));
  const out: RowBlock = { head: [], orgs: [], tail: [] };
  // The block's links written in one render.
  const present = ids.flatMap((id) => items.get(id) ?? []);
  const links = new Map((await renderEach(c, present.map((p) => <PledgeLink p={p} />))).map((h, i) => [present[i]!.id, h]));
  for (const id of ids) {
    // A pledge withdrawn by another transaction since the catalog was read has no row, as the list had none.
    const p = items.get(id);
    if (!p) {
      out.head.push('');
      out.orgs.push(null);
      out.tail.push('');
      continue;
    }
    out.head.push(`<tr><td>${links.get(id)}</td><td>`);
    out.orgs.push(p.orgs.map((o) => o.orgId));
    // A calendar date (the day published) is the same day in every reader's time zone.
    const cells = [t(`pledges.kinds.${p.kind}`), p.status ? t(`pledges.statuses.${p.status}`) : '—', p.publishedAt ? fmt.date(p.publishedAt.slice(0, 10)) : '—'];
    out.tail.push(`</td>${cells.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`);
  }
  return out;
}

/**
 * The table rows (`<tr>…</tr>`) of the pledges at these catalog positions, in order, as the list's table writes
 * them (a pledge no longer there has none).
 */
export async function listRows(c: Context<AppEnv>, cat: PledgeCatalog, positions: number[]): Promise<string[]> {
  if (!positions.length) return [];
  const { cache } = c.get('deps');
  const l = c.get('locale');
  const key = `${cat.version}:${l}`;
  const blocks = new Map<number, Promise<RowBlock>>();
  for (const p of positions) {
    const b = Math.floor(p / BLOCK);
    if (!blocks.has(b)) blocks.set(b, cache.fragment(`pledges.list.rows:${key}:${b}`, () => rowBlock(c, cat, b)));
  }
  const [cells, unknown] = await Promise.all([
    cache.fragment(`pledges.list.orgs:${key}`, () => orgCells(c, cat)),
    cache.fragment(`pledges.list.unknownOrg:${l}`, () => renderPublic(c, <OrgNames p={{ orgs: [{ orgId: '', lead: true, confirmedAt: null, confirmedBy: null }] }} orgs={new Map()} />)),
  ]);
  const out: string[] = [];
  for (const p of positions) {
    const blk = await blocks.get(Math.floor(p / BLOCK))!;
    const i = p % BLOCK;
    let orgs = '';
    const ids = blk.orgs[i];
    if (!ids) continue;
    for (let k = 0; k < ids.length; k++) orgs += (k ? ', ' : '') + (cells.get(ids[k]!) ?? unknown);
    out.push(blk.head[i]! + orgs + blk.tail[i]!);
  }
  return out;
}
