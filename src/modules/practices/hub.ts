/**
 * @module Practices: the Hub's URL parameters. Search URLs use the UN Migration Network Hub's names and
 * values so a filter maps 1:1: gcm_objectives (the Hub's term ids 279–301), cross_cutting_theme (the
 * principles' Hub ids), country (ISO alpha-2), region, type_of_resource, resource_language, text.
 */
import type { Objective, Principle } from '../../platform/reference/queries.js';
import type { SearchQuery } from './search.js';
import { parsePage } from '../../platform/http/page.js';

export const HUB_PARAMS = ['text', 'gcm_objectives', 'cross_cutting_theme', 'country', 'region', 'type_of_resource', 'resource_language', 'sort', 'page'] as const;

const all = (u: URLSearchParams, k: string) =>
  u
    .getAll(k)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 40);

/** Reads a search from Hub-style parameters. Unknown values are ignored. */
export function parseHubQuery(u: URLSearchParams, objectives: Objective[], principles: Principle[]): SearchQuery {
  const byHub = new Map(objectives.map((o) => [String(o.hubId), o.n]));
  const prByHub = new Map(principles.map((p) => [String(p.hubId), p.key]));
  const sort = u.get('sort');
  return {
    text: (u.get('text') ?? '').slice(0, 200),
    objective: all(u, 'gcm_objectives')
      .map((h) => byHub.get(h))
      .filter((n): n is number => !!n)
      .map(String),
    principle: all(u, 'cross_cutting_theme')
      .map((h) => prByHub.get(h))
      .filter((k): k is string => !!k),
    country: all(u, 'country').map((c) => c.toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)),
    region: all(u, 'region').map((r) => r.toLowerCase()),
    type: all(u, 'type_of_resource').map((r) => r.toLowerCase()),
    lang: all(u, 'resource_language').map((r) => r.toLowerCase()),
    sort: sort === 'newest' || sort === 'oldest' || sort === 'relevance' ? sort : undefined,
    page: parsePage(u.get('page')),
  };
}

/** Hub-style parameters for a search (empty ones left out). */
export function toHubParams(q: SearchQuery, objectives: Objective[], principles: Principle[]): URLSearchParams {
  const u = new URLSearchParams();
  if (q.text) u.set('text', q.text);
  for (const n of q.objective ?? []) {
    const o = objectives.find((x) => String(x.n) === n);
    if (o) u.append('gcm_objectives', String(o.hubId));
  }
  for (const k of q.principle ?? []) {
    const p = principles.find((x) => x.key === k);
    if (p) u.append('cross_cutting_theme', String(p.hubId));
  }
  for (const c of q.country ?? []) u.append('country', c);
  for (const r of q.region ?? []) u.append('region', r);
  for (const t of q.type ?? []) u.append('type_of_resource', t);
  for (const l of q.lang ?? []) u.append('resource_language', l);
  if (q.sort) u.set('sort', q.sort);
  return u;
}
