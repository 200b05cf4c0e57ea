/**
 * @module Consultations: breaking results down by the answering organizations' country, sub-region, type or
 * body. A breakdown is a filter of the answers (`?by=country:PE`), counted like the whole. When the
 * consultation publishes only aggregates, a group of fewer than MIN_GROUP answers is not shown: its counts could
 * reveal one organization's answer.
 */
export const MIN_GROUP = 3;

export type SubRegion = 'caribbean' | 'central_america' | 'south_america' | 'mexico';
export const SUB_REGIONS: readonly SubRegion[] = ['caribbean', 'central_america', 'mexico', 'south_america'];

/** The 33 Latin American and Caribbean states by sub-region (UN M49, with Mexico on its own as the Mechanism does). */
const REGION_OF: Record<string, SubRegion> = {
  ...Object.fromEntries(['AG', 'BS', 'BB', 'CU', 'DM', 'DO', 'GD', 'HT', 'JM', 'KN', 'LC', 'VC', 'TT'].map((c) => [c, 'caribbean' as const])),
  ...Object.fromEntries(['BZ', 'CR', 'SV', 'GT', 'HN', 'NI', 'PA'].map((c) => [c, 'central_america' as const])),
  MX: 'mexico',
  ...Object.fromEntries(['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'].map((c) => [c, 'south_america' as const])),
};
export const subRegionOf = (alpha2: string): SubRegion | null => REGION_OF[alpha2] ?? null;

export type Breakdown = { kind: 'country' | 'region' | 'type' | 'body'; value: string };

/** `country:PE` → { kind, value }; anything else → null (the whole). */
export function parseBreakdown(v: string | undefined): Breakdown | null {
  const m = /^(country|region|type|body):([A-Za-z0-9_-]{1,80})$/.exec(v ?? '');
  return m ? { kind: m[1] as Breakdown['kind'], value: m[2]! } : null;
}

/** Whether an organization belongs to the group. */
export function inGroup(b: Breakdown, org: { id: string; country: string; type: string } | undefined, bodyMembers: Set<string>): boolean {
  if (!org) return false;
  switch (b.kind) {
    case 'country':
      return org.country === b.value;
    case 'region':
      return subRegionOf(org.country) === b.value;
    case 'type':
      return org.type === b.value;
    case 'body':
      return bodyMembers.has(org.id);
  }
}
