/**
 * @module Projected geometry of Latin America and the Caribbean, computed once
 *
 * Reads world-atlas `countries-50m.json`, decodes its arcs with topojson-client, projects every arc
 * with an equal-area projection fitted to the 33 LAC states, simplifies the arcs (shared between
 * neighbours, so borders stay common), assembles each country's rings from the simplified arcs with
 * topojson-client's `feature`, and turns every shape into a compact SVG path string. This happens on the first call and is cached
 * for the life of the process: rendering a map afterwards only joins these strings with fills.
 *
 * The work is planar on purpose: after projection, rings are plain polygons in viewBox units. (d3's
 * spherical geoPath reads a ring that simplification made degenerate as "the whole globe" and
 * floods the frame.) Neighbouring land is clipped to the frame with Sutherland–Hodgman.
 *
 * States too small to see at the map's size (the Eastern Caribbean) get a dot at their real place
 * and a callout circle in the Atlantic, joined by a leader line, so every state can be seen and
 * clicked. States missing from the atlas get the same treatment at their known coordinates.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea } from 'd3-geo';
import { feature, transform as arcDecoder } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { LAC_STATES, type LacState } from './lac.ts';
import { flat } from '../views/fragment.js';

/** Width of the map's viewBox; the height follows from the projection. */
export const MAP_WIDTH = 600;
/** Blank margin around the land, in viewBox units. */
const PAD = 8;
/** Douglas–Peucker tolerance for arcs, in viewBox units. */
const SIMPLIFY_TOLERANCE = 0.45;
/** Polygons smaller than this (viewBox units²) are dropped: specks nobody can see. */
const MIN_POLYGON_AREA = 0.8;
/** A state whose projected area is below this (viewBox units², about 3×3) gets a callout. */
const SMALL_STATE_AREA = 10;
/** Radius of a callout circle, viewBox units. */
export const CALLOUT_RADIUS = 7;
/** Vertical distance between callout circles, viewBox units. */
const CALLOUT_GAP = 19;
/** Horizontal distance from the easternmost small state to the callout column, viewBox units. */
const CALLOUT_OFFSET_X = 40;
/** Room kept right of the callout column for the names, viewBox units. */
const CALLOUT_LABEL_ROOM = 150;
/** world-atlas id of Antarctica: never near the frame, and its polar ring misbehaves when planar. */
const ANTARCTICA = '010';

/** One state's prepared geometry. */
export interface LacShape {
  readonly alpha2: string;
  /** Compact SVG path data of the state's land; '' when the atlas has no shape for it. */
  readonly d: string;
  /** For states too small to see: where the state really is, and where its callout circle sits. */
  readonly callout?: {
    readonly at: readonly [number, number];
    readonly marker: readonly [number, number];
  };
}

/** Everything the map renderer needs, in viewBox units. */
export interface LacGeometry {
  readonly width: number;
  readonly height: number;
  /** Path data of the neighbouring land (USA, French Guiana, territories…), clipped to the frame. */
  readonly context: string;
  /** The 33 states in reading order: north to south (callouts placed by their circle). */
  readonly shapes: readonly LacShape[];
  /** Top-left corner of the free area where the legend goes (the south-east Pacific). */
  readonly legendAt: readonly [number, number];
}

let cached: LacGeometry | undefined;

/**
 * The projected LAC geometry, computed on first use (about 150–250 ms: parse the atlas, project,
 * simplify) and cached for the life of the process. Call it at start-up to keep that cost off the
 * first request.
 */
export function lacGeometry(): LacGeometry {
  cached ??= buildGeometry();
  return cached;
}

type Point = [number, number];
type Ring = Point[];
/** A polygon's rings, exterior first (GeoJSON's layout). */
type Polygon = Ring[];

type CountriesTopology = Topology<{ countries: { type: 'GeometryCollection'; geometries: GeometryObject[] } }>;

function loadTopology(): CountriesTopology {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as CountriesTopology;
}

/** The indexes of the arcs a geometry is made of. */
function arcIndexes(g: GeometryObject): number[] {
  const out: number[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'number') out.push(x < 0 ? ~x : x);
    else if (Array.isArray(x)) for (const y of x) walk(y);
  };
  if ('arcs' in g) walk(g.arcs);
  return out;
}

/**
 * A geometry's polygons, assembled by topojson-client from `arcs` (already decoded, projected and
 * simplified: the topology has no transform); empty for null or non-areal geometries.
 */
function polygonsOf(arcs: Ring[], g: GeometryObject | undefined): Polygon[] {
  if (!g) return [];
  const f = feature({ type: 'Topology', arcs, objects: {} } as Topology, g) as GeoJSON.Feature;
  const geometry = f.geometry as GeoJSON.Geometry | null;
  if (geometry?.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates as Polygon[];
  return [];
}

function buildGeometry(): LacGeometry {
  const topology = loadTopology();
  const geometries = topology.objects.countries.geometries;
  const byId = new Map<string, GeometryObject>();
  for (const g of geometries) if (g.id !== undefined) byId.set(String(g.id), g);

  // 1. Decode the quantized, delta-encoded arcs to longitude/latitude (topojson-client).
  const decode = arcDecoder(topology.transform ?? null);
  const lonLat: Ring[] = topology.arcs.map((arc) => arc.map((p, i) => decode(p, i > 0) as Point) /* false starts an arc */);

  // 2. Which countries to draw: the 33, and their neighbours that come near the region.
  const lacIds = new Set(LAC_STATES.map((s) => s.numeric));
  const nearArc = lonLat.map(nearRegion);
  const neighbours = geometries.filter((g) => !lacIds.has(String(g.id)) && String(g.id) !== ANTARCTICA && arcIndexes(g).some((i) => nearArc[i]));
  const used = new Uint8Array(lonLat.length);
  for (const g of [...LAC_STATES.map((s) => byId.get(s.numeric)), ...neighbours]) if (g) for (const i of arcIndexes(g)) used[i] = 1;

  // 3. Project with Lambert azimuthal equal-area centred on the region: areas compare honestly (a
  // choropleth's first duty) and shapes stay recognisable from Baja California to Tierra del Fuego.
  const projection = geoAzimuthalEqualArea().rotate([76, 11]).scale(1).translate([0, 0]);
  const unit: Ring[] = lonLat.map((arc, i) => (used[i] ? arc.map((p) => (projection(p) ?? [NaN, NaN]) as Point) : []));
  const lac = LAC_STATES.map((state) => ({ state, polygons: polygonsOf(unit, byId.get(state.numeric)) }));

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { polygons } of lac) {
    for (const polygon of polygons) {
      for (const [x, y] of polygon[0]!) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }

  // 4. Which states are too small to see (judged at the scale that fits the land alone).
  const landScale = (MAP_WIDTH - 2 * PAD) / (maxX - minX);
  const drafts = lac.map(({ state, polygons }) => {
    const area = polygons.reduce((sum, p) => sum + polygonArea(p), 0) * landScale * landScale;
    if (polygons.length && area >= SMALL_STATE_AREA) return { state, y: centroid(largest(polygons)[0]!)[1] };
    const at = polygons.length ? centroid(largest(polygons)[0]!) : unitPoint(projection, state);
    return { state, y: at[1], at };
  });

  // 5. The frame: the land's bounds, widened on the right for a column of callouts and their names.
  // Callout sizes are fixed in frame units, so solve for the scale k (frame units per unit):
  // frame width = (easternmost small state − west edge) + (offset + label room) / k.
  const small = drafts.filter((d) => d.at).sort((a, b) => a.at![1] - b.at![1]);
  const inner = MAP_WIDTH - 2 * PAD;
  const eastmost = small.length ? Math.max(...small.map((d) => d.at![0])) : -Infinity;
  const room = CALLOUT_OFFSET_X + CALLOUT_LABEL_ROOM;
  const k = inner / Math.max(maxX - minX, (eastmost - minX) / (1 - room / inner));
  const meanY = small.reduce((sum, d) => sum + d.at![1], 0) / (small.length || 1);
  const half = ((small.length - 1) * CALLOUT_GAP) / 2 + CALLOUT_RADIUS; // frame units
  if (small.length) [minY, maxY] = [Math.min(minY, meanY - half / k), Math.max(maxY, meanY + half / k)];
  const width = MAP_WIDTH;
  const height = Math.ceil((maxY - minY) * k + 2 * PAD);
  const toFrame = ([x, y]: readonly [number, number]): Point => [(x - minX) * k + PAD, (y - minY) * k + PAD];
  const columnX = toFrame([eastmost, 0])[0] + CALLOUT_OFFSET_X;
  const centreY = toFrame([0, meanY])[1];
  const firstY = centreY - ((small.length - 1) * CALLOUT_GAP) / 2;
  // Slots start in north-south order; neighbours whose leader lines cross swap slots (latitude
  // alone crosses Saint Vincent with Barbados, and Saint Kitts with Antigua).
  const slot = (i: number): Point => [columnX, firstY + i * CALLOUT_GAP];
  for (let pass = 0, swapped = true; swapped && pass < 50; pass++) {
    swapped = false;
    for (let i = 0; i + 1 < small.length; i++) {
      if (segmentsCross(toFrame(small[i]!.at!), slot(i), toFrame(small[i + 1]!.at!), slot(i + 1))) {
        [small[i], small[i + 1]] = [small[i + 1]!, small[i]!];
        swapped = true;
      }
    }
  }
  const markerOf = new Map(small.map((d, i) => [d.state.alpha2, slot(i)]));

  // 6. Arcs in frame units, simplified once.
  const frame: Ring[] = unit.map((arc) => douglasPeucker(arc.map(toFrame), SIMPLIFY_TOLERANCE));

  const shapes = drafts
    .map(({ state, y, at }) => {
      // A small state keeps all its islands; a large one loses the specks nobody can see.
      // Made flat once: built by thousands of `+=`, a path stays a tree of pieces that every map written would walk.
      const d = flat(pathOf(polygonsOf(frame, byId.get(state.numeric)), at ? 0 : MIN_POLYGON_AREA));
      if (!at) return { shape: { alpha2: state.alpha2, d } as LacShape, y: toFrame([0, y])[1] };
      const marker = round1(markerOf.get(state.alpha2)!);
      return { shape: { alpha2: state.alpha2, d, callout: { at: round1(toFrame(at)), marker } } as LacShape, y: marker[1] };
    })
    .sort((a, b) => a.y - b.y)
    .map((s) => s.shape);

  // 7. Neighbouring land, clipped to the frame.
  let context = '';
  for (const g of neighbours) context += pathOf(polygonsOf(frame, g), MIN_POLYGON_AREA, [width, height]);

  // The legend sits in the open Pacific, south-west of the continent.
  return { width, height, context: flat(context), shapes, legendAt: [PAD, Math.round(height * 0.62)] };
}

/** Whether an arc in longitude/latitude comes near the region (a generous box around it). */
function nearRegion(arc: Ring): boolean {
  for (const [lon, lat] of arc) if (lat > -60 && lat < 36 && lon > -125 && lon < -25) return true;
  return false;
}

/** Where a state without a shape sits, from its known coordinates, in unit projection space. */
function unitPoint(projection: (p: [number, number]) => [number, number] | null, state: LacState): Point {
  return (projection([state.lonLat[0], state.lonLat[1]]) ?? [0, 0]) as Point;
}

/** Whether segments a–b and c–d cross (touching does not count). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point): number => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Signed area of a ring (shoelace). */
function signedArea(r: Ring): number {
  let sum = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) sum += r[j]![0] * r[i]![1] - r[i]![0] * r[j]![1];
  return sum / 2;
}

/** Area of a polygon: its exterior minus its holes. */
function polygonArea(polygon: Polygon): number {
  return polygon.reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedArea(r)), 0);
}

function largest(polygons: Polygon[]): Polygon {
  let best = polygons[0]!;
  let bestArea = -Infinity;
  for (const p of polygons) {
    const a = polygonArea(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return best;
}

/** Centroid of a ring (area-weighted; the mean of its points when it has no area). */
function centroid(r: Ring): Point {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const f = r[j]![0] * r[i]![1] - r[i]![0] * r[j]![1];
    a += f;
    cx += (r[j]![0] + r[i]![0]) * f;
    cy += (r[j]![1] + r[i]![1]) * f;
  }
  if (Math.abs(a) < 1e-12) {
    const n = r.length || 1;
    return [r.reduce((s, p) => s + p[0], 0) / n, r.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * SVG path data for polygons (frame units). Rings below `minArea` are dropped (an exterior takes its
 * holes with it); with `clip`, rings are clipped to [0,w]×[0,h]. Meant for fill-rule evenodd.
 */
function pathOf(polygons: Polygon[], minArea: number, clip?: [number, number]): string {
  let d = '';
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i++) {
      let r = polygon[i]!;
      if (clip) r = clipRing(r, clip[0], clip[1]);
      const tooSmall = r.length < 3 || (minArea > 0 && Math.abs(signedArea(r)) < minArea);
      if (tooSmall && i === 0) break; // no exterior: skip its holes too
      if (!tooSmall) d += ringPath(r);
    }
  }
  return d;
}

/**
 * One ring as compact path data: absolute start, then relative steps in tenths of a unit
 * (`M12.3,4.5l1.2-0.4 0.5,0.7z`). Steps come from rounded absolute points, so no error builds up;
 * zero-length steps are dropped.
 */
function ringPath(r: Ring): string {
  const x0 = Math.round(r[0]![0] * 10);
  const y0 = Math.round(r[0]![1] * 10);
  let out = `M${tenths(x0)},${tenths(y0)}`;
  let cx = x0;
  let cy = y0;
  let first = true;
  let steps = 0;
  for (let i = 1; i < r.length; i++) {
    const x = Math.round(r[i]![0] * 10);
    const y = Math.round(r[i]![1] * 10);
    if (x === cx && y === cy) continue;
    // The closing step back to the start is implied by 'z'.
    if (i === r.length - 1 && x === x0 && y === y0) break;
    const sx = tenths(x - cx);
    const sy = tenths(y - cy);
    out += (first ? 'l' : sx[0] === '-' ? '' : ' ') + sx + (sy[0] === '-' ? '' : ',') + sy;
    first = false;
    steps++;
    cx = x;
    cy = y;
  }
  return steps >= 2 ? `${out}z` : '';
}

/** Formats an integer number of tenths: 23 → '2.3', -5 → '-0.5', 40 → '4'. */
function tenths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const frac = a % 10;
  return frac === 0 ? `${sign}${(a - frac) / 10}` : `${sign}${(a - frac) / 10}.${frac}`;
}

function round1([x, y]: readonly [number, number]): Point {
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

/** Sutherland–Hodgman: a ring clipped to the rectangle [0,w]×[0,h] (with a small margin). */
function clipRing(r: Ring, w: number, h: number): Ring {
  const m = 2;
  const edges: [(p: Point) => boolean, (a: Point, b: Point) => Point][] = [
    [(p) => p[0] >= -m, (a, b) => cut(a, b, 0, -m)],
    [(p) => p[0] <= w + m, (a, b) => cut(a, b, 0, w + m)],
    [(p) => p[1] >= -m, (a, b) => cut(a, b, 1, -m)],
    [(p) => p[1] <= h + m, (a, b) => cut(a, b, 1, h + m)],
  ];
  let out = r;
  for (const [inside, intersect] of edges) {
    if (out.length === 0) break;
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) out.push(intersect(previous, current));
        out.push(current);
      } else if (inside(previous)) {
        out.push(intersect(previous, current));
      }
    }
  }
  return out;
}

/** The point where segment a–b crosses the line `axis = value` (axis 0: x, 1: y). */
function cut(a: Point, b: Point, axis: 0 | 1, value: number): Point {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** Douglas–Peucker on an open or closed arc; the endpoints always stay. */
function douglasPeucker(points: Ring, tolerance: number): Ring {
  const n = points.length;
  if (n <= 3) return points;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxDist = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const px = points[i]![0];
      const py = points[i]![1];
      const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      const dist = (px - ax - u * dx) ** 2 + (py - ay - u * dy) ** 2;
      if (dist > maxDist) {
        maxDist = dist;
        index = i;
      }
    }
    if (index > 0 && maxDist > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  // A closed arc (a whole island) keeps at least a triangle, so it stays a ring.
  if (points[0]![0] === points[n - 1]![0] && points[0]![1] === points[n - 1]![1]) {
    let kept = 0;
    for (let i = 0; i < n; i++) kept += keep[i]!;
    if (kept < 4) {
      keep[Math.floor(n / 3)] = 1;
      keep[Math.floor((2 * n) / 3)] = 1;
    }
  }
  const out: Ring = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[i]!);
  return out;
}
