/**
 * @module Reference data: groups for long lists
 * The 33 Latin American and Caribbean States by sub-region (UN M49 geoscheme: the Caribbean, Central America
 * — which in M49 includes Mexico — and South America), and the GCM's 23 objectives by the four thematic
 * clusters of the first International Migration Review Forum (2022, A/RES/73/326; the same clusters were
 * used by the regional reviews). Forms use them to group their checkboxes; labels are in the platform's
 * messages (`reference.subregions.*`, `reference.clusters.*`).
 */

export const LAC_SUBREGIONS = {
  caribbean: ['AG', 'BS', 'BB', 'CU', 'DM', 'DO', 'GD', 'HT', 'JM', 'KN', 'LC', 'VC', 'TT'],
  centralAmerica: ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'NI', 'PA'],
  southAmerica: ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'],
} as const satisfies Record<string, readonly string[]>;

export type Subregion = keyof typeof LAC_SUBREGIONS;

/** IMRF 2022 round tables: 1 drivers and pathways, 2 protection and borders, 3 inclusion and development, 4 data and cooperation. */
export const OBJECTIVE_CLUSTERS = {
  pathways: [2, 5, 6, 12, 18],
  protection: [4, 8, 9, 10, 11, 13, 21],
  inclusion: [14, 15, 16, 19, 20, 22],
  cooperation: [1, 3, 7, 17, 23],
} as const satisfies Record<string, readonly number[]>;

export type Cluster = keyof typeof OBJECTIVE_CLUSTERS;

const SUBREGION_OF = new Map<string, Subregion>(Object.entries(LAC_SUBREGIONS).flatMap(([k, v]) => v.map((c) => [c, k as Subregion] as const)));
const CLUSTER_OF = new Map<number, Cluster>(Object.entries(OBJECTIVE_CLUSTERS).flatMap(([k, v]) => v.map((n) => [n, k as Cluster] as const)));

/** The sub-region of one of the 33 LAC States (undefined for any other country). */
export const subregionOf = (alpha2: string): Subregion | undefined => SUBREGION_OF.get(alpha2);
/** The IMRF cluster of an objective (1..23). */
export const clusterOf = (n: number): Cluster | undefined => CLUSTER_OF.get(n);
