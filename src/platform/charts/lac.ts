/**
 * @module The 33 states of Latin America and the Caribbean
 *
 * The states the map draws, with their ISO 3166-1 numeric code (the key used by world-atlas) and an
 * approximate position (longitude, latitude) used when the atlas has no shape for a state.
 */

/** One Latin American or Caribbean state. */
export interface LacState {
  /** ISO 3166-1 alpha-2, e.g. 'AR'. */
  readonly alpha2: string;
  /** ISO 3166-1 numeric as world-atlas spells it, e.g. '032'. */
  readonly numeric: string;
  /** Approximate position [longitude, latitude]: where a marker goes when the atlas lacks the shape. */
  readonly lonLat: readonly [number, number];
}

/** The 33 member states of CELAC, i.e. Latin America and the Caribbean, by alpha-2 code. */
export const LAC_STATES: readonly LacState[] = [
  { alpha2: 'AG', numeric: '028', lonLat: [-61.8, 17.08] },
  { alpha2: 'AR', numeric: '032', lonLat: [-64.0, -34.0] },
  { alpha2: 'BS', numeric: '044', lonLat: [-77.4, 24.5] },
  { alpha2: 'BB', numeric: '052', lonLat: [-59.55, 13.17] },
  { alpha2: 'BZ', numeric: '084', lonLat: [-88.7, 17.2] },
  { alpha2: 'BO', numeric: '068', lonLat: [-64.7, -16.7] },
  { alpha2: 'BR', numeric: '076', lonLat: [-51.9, -10.8] },
  { alpha2: 'CL', numeric: '152', lonLat: [-71.0, -33.0] },
  { alpha2: 'CO', numeric: '170', lonLat: [-73.1, 3.9] },
  { alpha2: 'CR', numeric: '188', lonLat: [-84.2, 9.9] },
  { alpha2: 'CU', numeric: '192', lonLat: [-79.0, 21.6] },
  { alpha2: 'DM', numeric: '212', lonLat: [-61.35, 15.42] },
  { alpha2: 'DO', numeric: '214', lonLat: [-70.5, 18.9] },
  { alpha2: 'EC', numeric: '218', lonLat: [-78.4, -1.5] },
  { alpha2: 'SV', numeric: '222', lonLat: [-88.9, 13.7] },
  { alpha2: 'GD', numeric: '308', lonLat: [-61.68, 12.12] },
  { alpha2: 'GT', numeric: '320', lonLat: [-90.3, 15.7] },
  { alpha2: 'GY', numeric: '328', lonLat: [-58.9, 4.9] },
  { alpha2: 'HT', numeric: '332', lonLat: [-72.7, 18.9] },
  { alpha2: 'HN', numeric: '340', lonLat: [-86.6, 14.8] },
  { alpha2: 'JM', numeric: '388', lonLat: [-77.3, 18.1] },
  { alpha2: 'MX', numeric: '484', lonLat: [-102.5, 23.9] },
  { alpha2: 'NI', numeric: '558', lonLat: [-85.0, 12.9] },
  { alpha2: 'PA', numeric: '591', lonLat: [-80.1, 8.5] },
  { alpha2: 'PY', numeric: '600', lonLat: [-58.4, -23.2] },
  { alpha2: 'PE', numeric: '604', lonLat: [-75.0, -9.2] },
  { alpha2: 'KN', numeric: '659', lonLat: [-62.75, 17.33] },
  { alpha2: 'LC', numeric: '662', lonLat: [-60.97, 13.9] },
  { alpha2: 'VC', numeric: '670', lonLat: [-61.2, 13.25] },
  { alpha2: 'SR', numeric: '740', lonLat: [-55.9, 4.1] },
  { alpha2: 'TT', numeric: '780', lonLat: [-61.3, 10.45] },
  { alpha2: 'UY', numeric: '858', lonLat: [-56.0, -32.8] },
  { alpha2: 'VE', numeric: '862', lonLat: [-66.2, 7.1] },
];

/** The alpha-2 codes of the 33 states, in the order of LAC_STATES. */
export const LAC_ALPHA2: readonly string[] = LAC_STATES.map((s) => s.alpha2);

const LAC_SET: ReadonlySet<string> = new Set(LAC_ALPHA2);

/** Whether an ISO 3166-1 alpha-2 code is one of the 33 states of Latin America and the Caribbean. */
export function isLacState(alpha2: string): boolean {
  return LAC_SET.has(alpha2);
}
