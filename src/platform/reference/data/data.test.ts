import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Locale as I18nLocale } from '../../i18n/locales.js';
import {
  BODIES,
  BODY_KIND_LABELS,
  BODY_ROLES,
  COUNTRIES,
  EXPECTED_RESULTS_2023,
  LOCALES,
  MECHANISM,
  OBJECTIVES,
  PRINCIPLES,
  STRATEGIC_AXES_2023,
  objectiveByNumber,
  type Locale,
  type Localized,
} from './index.js';

// The two Locale types must stay the same union.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const localeTypesMatch: Same<Locale, I18nLocale> = true;

/** Every { es, en, pt, fr } object inside `value`, with its path. */
function localizedIn(value: unknown, path = ''): { path: string; text: Localized }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === LOCALES.length && LOCALES.every((l) => keys.includes(l))) {
      return [{ path, text: value as Localized }];
    }
    return Object.entries(value).flatMap(([k, v]) => localizedIn(v, `${path}.${k}`));
  }
  return [];
}

function expectAllLocalized(value: unknown, name: string) {
  const found = localizedIn(value, name);
  expect(found.length).toBeGreaterThan(0);
  for (const { path, text } of found) {
    for (const l of LOCALES) {
      const s = text[l];
      expect(typeof s, `${path}.${l}`).toBe('string');
      expect(s.trim(), `${path}.${l} is empty`).not.toBe('');
      expect(s, `${path}.${l} has surrounding spaces`).toBe(s.trim());
      expect(s, `${path}.${l} uses ’ (use ')`).not.toContain('\u2019');
    }
  }
}

describe('locales', () => {
  it('are es, en, pt, fr, Spanish first, and match the i18n Locale type', () => {
    expect([...LOCALES]).toEqual(['es', 'en', 'pt', 'fr']);
    expect(localeTypesMatch).toBe(true);
  });
});

describe('GCM objectives', () => {
  it('are the 23 objectives, numbered 1..23, with Hub ids 279..301', () => {
    expect(OBJECTIVES).toHaveLength(23);
    OBJECTIVES.forEach((o, i) => {
      expect(o.n).toBe(i + 1);
      expect(o.hubId).toBe(278 + o.n);
    });
    expect(OBJECTIVES.map((o) => o.hubId)).toEqual(Array.from({ length: 23 }, (_, i) => 279 + i));
  });

  it('have a short label and a title in every language', () => {
    expectAllLocalized(OBJECTIVES, 'OBJECTIVES');
    for (const o of OBJECTIVES) expect(o.title.es.length).toBeGreaterThan(o.short.es.length);
  });

  it('keep the Hub labels and official titles given in gcm.md', () => {
    expect(OBJECTIVES.map((o) => o.short.en)).toEqual([
      'Data', 'Minimize adverse drivers', 'Information provision', 'Legal identity and documentation',
      'Regular pathways', 'Recruitment and decent work', 'Reduce vulnerabilities', 'Save lives',
      'Counter smuggling', 'Eradicate trafficking', 'Manage borders', 'Screening and referral',
      'Alternatives to detention', 'Consular protection', 'Access to basic services',
      'Inclusion and social cohesion', 'Eliminate discrimination', 'Skills development and recognition',
      'Migrant and diaspora contributions', 'Remittances', 'Dignified return and reintegration',
      'Social protection', 'International cooperation',
    ]);
    expect(objectiveByNumber(1)?.title.es).toBe(
      'Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
    );
    expect(objectiveByNumber(22)?.short.es).toBe('Protección social');
    expect(objectiveByNumber(20)?.short.es).toBe('Remesas');
    expect(objectiveByNumber(8)?.title.en).toBe(
      'Save lives and establish coordinated international efforts on missing migrants',
    );
    expect(objectiveByNumber(24)).toBeUndefined();
  });
});

describe('GCM guiding principles', () => {
  it('are the 10 principles, in the Hub order, with the Hub ids of gcm.md', () => {
    expect(PRINCIPLES).toHaveLength(10);
    expect(PRINCIPLES.map((p) => p.hubId)).toEqual([738, 739, 742, 741, 740, 259, 258, 257, 737, 736]);
    expect(PRINCIPLES.map((p) => p.name.en)).toEqual([
      'People-centred', 'International cooperation', 'National sovereignty', 'Rule of law and due process',
      'Sustainable development', 'Human rights', 'Gender-responsive', 'Child-sensitive',
      'Whole-of-government approach', 'Whole-of-society approach',
    ]);
  });

  it('have unique slug keys and text in every language', () => {
    const keys = PRINCIPLES.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expectAllLocalized(PRINCIPLES, 'PRINCIPLES');
    for (const p of PRINCIPLES) for (const l of LOCALES) expect(p.description[l]).toMatch(/\.$/);
  });
});

/** The 33 LAC States of gcm.md: alpha-2, alpha-3, numeric. */
const LAC_TABLE = `
AG ATG 028|AR ARG 032|BS BHS 044|BB BRB 052|BZ BLZ 084|BO BOL 068|BR BRA 076|CL CHL 152|CO COL 170
CR CRI 188|CU CUB 192|DM DMA 212|DO DOM 214|EC ECU 218|SV SLV 222|GD GRD 308|GT GTM 320|GY GUY 328
HT HTI 332|HN HND 340|JM JAM 388|MX MEX 484|NI NIC 558|PA PAN 591|PY PRY 600|PE PER 604|KN KNA 659
LC LCA 662|VC VCT 670|SR SUR 740|TT TTO 780|UY URY 858|VE VEN 862`
  .split(/[|\n]/)
  .map((s) => s.trim())
  .filter(Boolean);

describe('countries', () => {
  it('are the 249 ISO 3166-1 entries, sorted by alpha-2, with well-formed unique codes', () => {
    expect(COUNTRIES).toHaveLength(249);
    for (const key of ['alpha2', 'alpha3', 'numeric'] as const) {
      const values = COUNTRIES.map((c) => c[key]);
      expect(new Set(values).size, `unique ${key}`).toBe(values.length);
    }
    for (const c of COUNTRIES) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
    }
    const a2 = COUNTRIES.map((c) => c.alpha2);
    expect(a2).toEqual([...a2].sort());
    expect(a2).not.toContain('XK');
  });

  it('have a name in every language', () => {
    expectAllLocalized(COUNTRIES, 'COUNTRIES');
    for (const c of COUNTRIES) for (const l of LOCALES) expect(c.name[l]).not.toBe(c.alpha2);
  });

  it('flag exactly the 33 LAC States of gcm.md, with the same codes', () => {
    expect(LAC_TABLE).toHaveLength(33);
    const lac = COUNTRIES.filter((c) => c.lac).map((c) => `${c.alpha2} ${c.alpha3} ${c.numeric}`);
    expect(lac.sort()).toEqual([...LAC_TABLE].sort());
    for (const territory of ['PR', 'AW', 'CW', 'SX', 'BQ', 'AI', 'VG', 'VI', 'KY', 'TC', 'MS', 'GP', 'MQ', 'GF', 'FK', 'BL', 'MF', 'BM']) {
      expect(COUNTRIES.find((c) => c.alpha2 === territory)?.lac, territory).toBe(false);
    }
  });

  it('cover every ISO numeric id of world-atlas countries-50m', () => {
    const require = createRequire(import.meta.url);
    const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as {
      objects: { countries: { geometries: { id?: string }[] } };
    };
    const numerics = new Set(COUNTRIES.map((c) => c.numeric));
    const ids = atlas.objects.countries.geometries.map((g) => g.id).filter((id): id is string => !!id);
    expect(ids.length).toBeGreaterThan(200);
    expect(ids.filter((id) => !numerics.has(id))).toEqual([]);
  });
});

describe('the Mechanism', () => {
  it('has its name, creation date and texts in every language', () => {
    expect(MECHANISM.created).toBe('2022-02');
    expect(MECHANISM.name.es).toBe(
      'Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe',
    );
    expect(MECHANISM.acronym).toBeNull();
    expect(MECHANISM.achievements.length).toBeGreaterThanOrEqual(7);
    expectAllLocalized(MECHANISM, 'MECHANISM');
    for (const l of LOCALES) expect(MECHANISM.about[l]).toContain('80');
  });

  it('has well-formed bodies: unique slugs, valid parents, valid objectives', () => {
    const slugs = BODIES.map((b) => b.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const b of BODIES) {
      expect(b.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      if (b.kind === 'sub_group') {
        const parent = BODIES.find((p) => p.slug === b.parentSlug);
        expect(parent, `${b.slug} parent`).toBeDefined();
        expect(parent?.kind).toBe('working_group');
      } else {
        expect(b.parentSlug, `${b.slug} parent`).toBeNull();
      }
      for (const n of b.prioritizedObjectives) expect(objectiveByNumber(n), `${b.slug} objective ${n}`).toBeDefined();
      expect(new Set(b.prioritizedObjectives).size).toBe(b.prioritizedObjectives.length);
    }
    const siblingOrders = new Map<string, number[]>();
    for (const b of BODIES) {
      const k = b.parentSlug ?? '';
      siblingOrders.set(k, [...(siblingOrders.get(k) ?? []), b.order]);
    }
    for (const [k, orders] of siblingOrders) expect(new Set(orders).size, `orders under '${k}'`).toBe(orders.length);
  });

  it('has the structure of the 2023 factsheet', () => {
    const bySlug = Object.fromEntries(BODIES.map((b) => [b.slug, b]));
    expect(BODIES.filter((b) => b.kind === 'working_group').map((b) => b.shortName.es)).toEqual(['MT1', 'MT2', 'MT3', 'MT4']);
    expect(BODIES.filter((b) => b.parentSlug === 'mt4')).toHaveLength(3);
    expect(BODIES.filter((b) => b.kind === 'liaison')).toHaveLength(1);
    expect(BODIES.filter((b) => b.kind === 'technical')).toHaveLength(1);
    expect(bySlug.mt1.prioritizedObjectives).toEqual([]);
    expect(bySlug.mt2.prioritizedObjectives).toEqual([4, 8, 13]);
    expect(bySlug.mt3.prioritizedObjectives).toEqual([16, 19, 22]);
    expect(bySlug.mt4.prioritizedObjectives).toEqual([]);
    expect(bySlug.mt1.shortName).toEqual({ es: 'MT1', en: 'WG1', pt: 'MT1', fr: 'GT1' });
    for (const wg of BODIES.filter((b) => b.kind === 'working_group')) {
      expect(wg.achievements2023.some((a) => a.es.startsWith('Votación y elección')), wg.slug).toBe(true);
    }
  });

  it('has every body text in every language', () => {
    expectAllLocalized(BODIES, 'BODIES');
    expectAllLocalized(BODY_KIND_LABELS, 'BODY_KIND_LABELS');
    expectAllLocalized(BODY_ROLES, 'BODY_ROLES');
    for (const b of BODIES) {
      for (const l of LOCALES) {
        const sentences = b.mandate[l].split(/(?<=\.)\s+/).length;
        expect(sentences, `${b.slug} mandate (${l})`).toBeGreaterThanOrEqual(2);
        expect(sentences, `${b.slug} mandate (${l})`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('has the three 2023 axes and the expected results grouped under them', () => {
    expect(STRATEGIC_AXES_2023.map((a) => a.n)).toEqual([1, 2, 3]);
    expectAllLocalized(STRATEGIC_AXES_2023, 'STRATEGIC_AXES_2023');
    expect(EXPECTED_RESULTS_2023.map((g) => g.key)).toEqual(['communication', 'expansion', 'impact']);
    for (const g of EXPECTED_RESULTS_2023) {
      expect(STRATEGIC_AXES_2023.some((a) => a.n === g.axis)).toBe(true);
      expect(g.items.length).toBeGreaterThan(0);
    }
    expect(EXPECTED_RESULTS_2023.flatMap((g) => g.items)).toHaveLength(9);
    expectAllLocalized(EXPECTED_RESULTS_2023, 'EXPECTED_RESULTS_2023');
  });
});

describe('groups for long lists', async () => {
  const { LAC_SUBREGIONS, OBJECTIVE_CLUSTERS } = await import('./groups.js');
  it('put each of the 33 LAC States in exactly one sub-region', () => {
    const all = Object.values(LAC_SUBREGIONS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(COUNTRIES.filter((c) => c.lac).map((c) => c.alpha2).sort());
  });
  it('put each of the 23 objectives in exactly one cluster', () => {
    const all: number[] = Object.values(OBJECTIVE_CLUSTERS).flat();
    expect(all.sort((a, b) => a - b)).toEqual(OBJECTIVES.map((o) => o.n));
  });
});
