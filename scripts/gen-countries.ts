/**
 * Generates src/platform/reference/data/countries.ts: every ISO 3166-1 entry (249) with its
 * alpha-2, alpha-3 and numeric codes, its name in es/en/pt/fr, and whether it is one of the 33
 * Latin American and Caribbean States (GRULAC / CELAC).
 *
 *   node --import tsx scripts/gen-countries.ts            # writes the file, prints the cross-check
 *   node --import tsx scripts/gen-countries.ts --check    # only cross-checks; exit 1 on a problem
 *
 * Sources:
 * - Codes: ISO 3166-1 (as maintained by the ISO 3166 Maintenance Agency; same codes as UN M49 for
 *   numeric), written out below. Only official entries: no user-assigned codes such as XK (Kosovo).
 * - Names: CLDR through Node's Intl.DisplayNames (full ICU), so they follow the platform's runtime
 *   data; the typographic apostrophe ’ is normalized to ' as in the rest of the reference data.
 * - LAC: the 33 States listed in shared/reference/gcm.md. Territories in the region (Puerto Rico,
 *   Aruba, Curaçao, Anguilla, ...) are not States and are not flagged.
 * - Cross-check: every numeric id in world-atlas 2.0.2's countries-50m.json (Natural Earth) must be
 *   in the list, with an English name consistent with the atlas's abbreviated one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'src/platform/reference/data/countries.ts');
const ATLAS = resolve(ROOT, 'node_modules/world-atlas/countries-50m.json');
const LOCALES = ['es', 'en', 'pt', 'fr'] as const;

/** alpha-2 alpha-3 numeric, one entry per line, sorted by alpha-2. */
const ISO_3166_1 = `
AD AND 020
AE ARE 784
AF AFG 004
AG ATG 028
AI AIA 660
AL ALB 008
AM ARM 051
AO AGO 024
AQ ATA 010
AR ARG 032
AS ASM 016
AT AUT 040
AU AUS 036
AW ABW 533
AX ALA 248
AZ AZE 031
BA BIH 070
BB BRB 052
BD BGD 050
BE BEL 056
BF BFA 854
BG BGR 100
BH BHR 048
BI BDI 108
BJ BEN 204
BL BLM 652
BM BMU 060
BN BRN 096
BO BOL 068
BQ BES 535
BR BRA 076
BS BHS 044
BT BTN 064
BV BVT 074
BW BWA 072
BY BLR 112
BZ BLZ 084
CA CAN 124
CC CCK 166
CD COD 180
CF CAF 140
CG COG 178
CH CHE 756
CI CIV 384
CK COK 184
CL CHL 152
CM CMR 120
CN CHN 156
CO COL 170
CR CRI 188
CU CUB 192
CV CPV 132
CW CUW 531
CX CXR 162
CY CYP 196
CZ CZE 203
DE DEU 276
DJ DJI 262
DK DNK 208
DM DMA 212
DO DOM 214
DZ DZA 012
EC ECU 218
EE EST 233
EG EGY 818
EH ESH 732
ER ERI 232
ES ESP 724
ET ETH 231
FI FIN 246
FJ FJI 242
FK FLK 238
FM FSM 583
FO FRO 234
FR FRA 250
GA GAB 266
GB GBR 826
GD GRD 308
GE GEO 268
GF GUF 254
GG GGY 831
GH GHA 288
GI GIB 292
GL GRL 304
GM GMB 270
GN GIN 324
GP GLP 312
GQ GNQ 226
GR GRC 300
GS SGS 239
GT GTM 320
GU GUM 316
GW GNB 624
GY GUY 328
HK HKG 344
HM HMD 334
HN HND 340
HR HRV 191
HT HTI 332
HU HUN 348
ID IDN 360
IE IRL 372
IL ISR 376
IM IMN 833
IN IND 356
IO IOT 086
IQ IRQ 368
IR IRN 364
IS ISL 352
IT ITA 380
JE JEY 832
JM JAM 388
JO JOR 400
JP JPN 392
KE KEN 404
KG KGZ 417
KH KHM 116
KI KIR 296
KM COM 174
KN KNA 659
KP PRK 408
KR KOR 410
KW KWT 414
KY CYM 136
KZ KAZ 398
LA LAO 418
LB LBN 422
LC LCA 662
LI LIE 438
LK LKA 144
LR LBR 430
LS LSO 426
LT LTU 440
LU LUX 442
LV LVA 428
LY LBY 434
MA MAR 504
MC MCO 492
MD MDA 498
ME MNE 499
MF MAF 663
MG MDG 450
MH MHL 584
MK MKD 807
ML MLI 466
MM MMR 104
MN MNG 496
MO MAC 446
MP MNP 580
MQ MTQ 474
MR MRT 478
MS MSR 500
MT MLT 470
MU MUS 480
MV MDV 462
MW MWI 454
MX MEX 484
MY MYS 458
MZ MOZ 508
NA NAM 516
NC NCL 540
NE NER 562
NF NFK 574
NG NGA 566
NI NIC 558
NL NLD 528
NO NOR 578
NP NPL 524
NR NRU 520
NU NIU 570
NZ NZL 554
OM OMN 512
PA PAN 591
PE PER 604
PF PYF 258
PG PNG 598
PH PHL 608
PK PAK 586
PL POL 616
PM SPM 666
PN PCN 612
PR PRI 630
PS PSE 275
PT PRT 620
PW PLW 585
PY PRY 600
QA QAT 634
RE REU 638
RO ROU 642
RS SRB 688
RU RUS 643
RW RWA 646
SA SAU 682
SB SLB 090
SC SYC 690
SD SDN 729
SE SWE 752
SG SGP 702
SH SHN 654
SI SVN 705
SJ SJM 744
SK SVK 703
SL SLE 694
SM SMR 674
SN SEN 686
SO SOM 706
SR SUR 740
SS SSD 728
ST STP 678
SV SLV 222
SX SXM 534
SY SYR 760
SZ SWZ 748
TC TCA 796
TD TCD 148
TF ATF 260
TG TGO 768
TH THA 764
TJ TJK 762
TK TKL 772
TL TLS 626
TM TKM 795
TN TUN 788
TO TON 776
TR TUR 792
TT TTO 780
TV TUV 798
TW TWN 158
TZ TZA 834
UA UKR 804
UG UGA 800
UM UMI 581
US USA 840
UY URY 858
UZ UZB 860
VA VAT 336
VC VCT 670
VE VEN 862
VG VGB 092
VI VIR 850
VN VNM 704
VU VUT 548
WF WLF 876
WS WSM 882
YE YEM 887
YT MYT 175
ZA ZAF 710
ZM ZMB 894
ZW ZWE 716
`;

/** The 33 Latin American and Caribbean States (gcm.md). */
const LAC = new Set(
  'AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE'.split(' '),
);

/**
 * Where CLDR's name reads wrongly for a UN-context platform, the name used instead. Kept small:
 * besides these, English names get "and" for "&" and "Saint" for a leading "St." (UN style;
 * CLDR's English is "St. Kitts & Nevis", "Trinidad & Tobago", ...).
 */
const NAME_OVERRIDES: Record<string, Partial<Record<(typeof LOCALES)[number], string>>> = {
  // CLDR: "Congo - Kinshasa" (en, pt), "Congo-Kinshasa" (fr); UN names.
  CD: {
    en: 'Democratic Republic of the Congo',
    pt: 'República Democrática do Congo',
    fr: 'République démocratique du Congo',
  },
  // CLDR: "Congo - Brazzaville" (en), "Congo-Brazzaville" (fr); UN short names (es is already "Congo").
  CG: { en: 'Congo', fr: 'Congo' },
  // CLDR: "St. Vincent & Grenadines", "Saint-Vincent-et-les Grenadines"; official names.
  VC: { en: 'Saint Vincent and the Grenadines', fr: 'Saint-Vincent-et-les-Grenadines' },
};

function englishStyle(name: string): string {
  return name.replace(/ & /g, ' and ').replace(/^St\. /, 'Saint ');
}

/**
 * Atlas names that do not match the CLDR English name even after normalization, with the reason
 * they are nonetheless the same entry. Keyed by numeric code.
 */
const ATLAS_NAME_ALIASES: Record<string, { atlas: string; why: string }> = {
  '028': { atlas: 'Antigua and Barb.', why: 'abbreviated' },
  '036': {
    atlas: 'Ashmore and Cartier Is.',
    why: "Australian external territory with no ISO code of its own; Natural Earth gives it Australia's 036",
  },
  '070': { atlas: 'Bosnia and Herz.', why: 'abbreviated' },
  '086': { atlas: 'Br. Indian Ocean Ter.', why: 'abbreviated' },
  '104': { atlas: 'Myanmar', why: 'CLDR English adds "(Burma)"' },
  '132': { atlas: 'Cabo Verde', why: 'CLDR English says "Cape Verde"; Cabo Verde is the UN name since 2013' },
  '180': { atlas: 'Dem. Rep. Congo', why: 'abbreviated' },
  '226': { atlas: 'Eq. Guinea', why: 'abbreviated' },
  '234': { atlas: 'Faeroe Is.', why: 'older spelling of Faroe Islands' },
  '239': { atlas: 'S. Geo. and the Is.', why: 'abbreviated' },
  '248': { atlas: 'Åland', why: 'CLDR says "Åland Islands"' },
  '258': { atlas: 'Fr. Polynesia', why: 'abbreviated' },
  '260': { atlas: 'Fr. S. Antarctic Lands', why: 'abbreviated; same territory as French Southern Territories' },
  '275': { atlas: 'Palestine', why: 'CLDR English says "Palestinian Territories"; ISO: "Palestine, State of"' },
  '334': { atlas: 'Heard I. and McDonald Is.', why: 'abbreviated' },
  '336': { atlas: 'Vatican', why: 'Vatican City (Holy See)' },
  '344': { atlas: 'Hong Kong', why: 'CLDR adds "SAR China"' },
  '446': { atlas: 'Macao', why: 'CLDR adds "SAR China"' },
  '580': { atlas: 'N. Mariana Is.', why: 'abbreviated' },
  '670': { atlas: 'St. Vin. and Gren.', why: 'abbreviated' },
  '728': { atlas: 'S. Sudan', why: 'abbreviated' },
  '732': { atlas: 'W. Sahara', why: 'abbreviated' },
  '792': { atlas: 'Turkey', why: 'CLDR English says "Türkiye", the name used at the UN since 2022' },
  '807': { atlas: 'Macedonia', why: 'North Macedonia since 2019' },
  '840': { atlas: 'United States of America', why: 'CLDR says "United States"' },
  '876': { atlas: 'Wallis and Futuna Is.', why: 'CLDR says "Wallis and Futuna"' },
};

export interface Row {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: Record<(typeof LOCALES)[number], string>;
  lac: boolean;
}

export function parseIso(): Row[] {
  const names = Object.fromEntries(
    LOCALES.map((l) => [l, new Intl.DisplayNames([l], { type: 'region', fallback: 'code' })]),
  ) as Record<(typeof LOCALES)[number], Intl.DisplayNames>;
  const rows: Row[] = [];
  for (const line of ISO_3166_1.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const [alpha2, alpha3, numeric] = t.split(/\s+/);
    if (!/^[A-Z]{2}$/.test(alpha2) || !/^[A-Z]{3}$/.test(alpha3) || !/^\d{3}$/.test(numeric)) {
      throw new Error(`bad line: ${t}`);
    }
    const name = {} as Row['name'];
    for (const l of LOCALES) {
      const n = names[l].of(alpha2);
      if (!n || n === alpha2) throw new Error(`no ${l} name for ${alpha2}`);
      name[l] = n.replace(/\u2019/g, "'");
    }
    name.en = englishStyle(name.en);
    Object.assign(name, NAME_OVERRIDES[alpha2] ?? {});
    rows.push({ alpha2, alpha3, numeric, name, lac: LAC.has(alpha2) });
  }
  return rows;
}

/** Lower-case, strip accents and punctuation, expand Natural Earth's abbreviations. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bis\./g, 'islands')
    .replace(/\bst\.|\bst-/g, 'saint ')
    .replace(/\brep\./g, 'republic')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bislands?\b/g, 'island')
    .trim();
}

export function crossCheck(rows: Row[]): { problems: string[]; resolved: string[] } {
  const problems: string[] = [];
  const resolved: string[] = [];
  const byNumeric = new Map(rows.map((r) => [r.numeric, r]));
  const atlas = JSON.parse(readFileSync(ATLAS, 'utf8')) as {
    objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } };
  };
  for (const g of atlas.objects.countries.geometries) {
    const atlasName = g.properties.name;
    if (g.id === undefined) {
      resolved.push(`(no id) ${atlasName}: not an ISO 3166-1 entry, nothing to match`);
      continue;
    }
    const row = byNumeric.get(g.id);
    if (!row) {
      problems.push(`${g.id} ${atlasName}: numeric code missing from the ISO list`);
      continue;
    }
    const a = norm(atlasName);
    const b = norm(row.name.en);
    if (a === b) continue;
    const alias = ATLAS_NAME_ALIASES[g.id];
    if (alias && alias.atlas === atlasName) {
      resolved.push(`${g.id} "${atlasName}" = ${row.alpha2} "${row.name.en}" (${alias.why})`);
    } else {
      problems.push(`${g.id} "${atlasName}" vs ${row.alpha2} "${row.name.en}": names differ`);
    }
  }
  const used = new Set(resolved.map((r) => r.slice(0, 3)));
  for (const code of Object.keys(ATLAS_NAME_ALIASES)) {
    if (!used.has(code)) problems.push(`alias for ${code} no longer needed: remove it`);
  }
  return { problems, resolved };
}

function validate(rows: Row[]): string[] {
  const problems: string[] = [];
  if (rows.length !== 249) problems.push(`expected 249 entries, got ${rows.length}`);
  for (const key of ['alpha2', 'alpha3', 'numeric'] as const) {
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r[key])) problems.push(`duplicate ${key} ${r[key]}`);
      seen.add(r[key]);
    }
  }
  const sorted = [...rows].sort((x, y) => (x.alpha2 < y.alpha2 ? -1 : 1));
  if (sorted.some((r, i) => r !== rows[i])) problems.push('entries are not sorted by alpha-2');
  const lac = rows.filter((r) => r.lac).length;
  if (lac !== 33) problems.push(`expected 33 LAC States, got ${lac}`);
  for (const code of LAC) if (!rows.some((r) => r.alpha2 === code)) problems.push(`LAC ${code} not in list`);
  return problems;
}

function render(rows: Row[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = rows.map(
    (r) =>
      `  { alpha2: ${q(r.alpha2)}, alpha3: ${q(r.alpha3)}, numeric: ${q(r.numeric)}, ` +
      `name: { es: ${q(r.name.es)}, en: ${q(r.name.en)}, pt: ${q(r.name.pt)}, fr: ${q(r.name.fr)} }, ` +
      `lac: ${r.lac} },`,
  );
  return `/**
 * @module Reference data: countries (ISO 3166-1)
 * GENERATED by scripts/gen-countries.ts — do not edit by hand; change the script and run
 * \`node --import tsx scripts/gen-countries.ts\`.
 *
 * All ${rows.length} ISO 3166-1 entries (codes from ISO 3166-1; no user-assigned codes such as XK),
 * sorted by alpha-2. Names: CLDR via Intl.DisplayNames (Node ${process.versions.node}, ICU
 * ${process.versions.icu}), apostrophes normalized to '. \`lac\` marks the 33 Latin American and
 * Caribbean States (GRULAC / CELAC, shared/reference/gcm.md); territories of the region are not
 * flagged. Numeric codes match world-atlas's countries-50m ids.
 */
import type { Localized } from './locale.js';

export interface Country {
  /** ISO 3166-1 alpha-2, e.g. 'AR'. */
  alpha2: string;
  /** ISO 3166-1 alpha-3, e.g. 'ARG'. */
  alpha3: string;
  /** ISO 3166-1 numeric, 3 digits as a string, e.g. '032' (world-atlas feature id). */
  numeric: string;
  name: Localized;
  /** One of the 33 Latin American and Caribbean States. */
  lac: boolean;
}

// prettier-ignore
export const COUNTRIES: readonly Country[] = [
${lines.join('\n')}
];
`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const rows = parseIso();
  const problems = validate(rows);
  const check = crossCheck(rows);
  problems.push(...check.problems);
  console.log(`ISO 3166-1 entries: ${rows.length}; LAC States: ${rows.filter((r) => r.lac).length}`);
  console.log(`world-atlas cross-check: ${check.resolved.length} differences resolved:`);
  for (const r of check.resolved) console.log(`  ${r}`);
  if (problems.length) {
    console.error(`${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  if (!process.argv.includes('--check')) {
    writeFileSync(OUT, render(rows));
    console.log(`wrote ${OUT}`);
  }
}
