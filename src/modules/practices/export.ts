/**
 * @module Practices: Hub-ready documents. JSON and a PDF laid out like the UN Network on Migration Hub's
 * submission template (title, summary, implementing entities, location, period, GCM objectives, guiding
 * principles, then the description's parts), and a CSV of every practice for administrators.
 */
import { createRequire } from 'node:module';
import { toCsv } from '../../platform/http/csv.js';
import type { Db } from '../../db/schema.js';
import type { T } from '../../platform/i18n/i18n.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listObjectives, listPrinciples, countryNames, objectiveRef } from '../../platform/reference/queries.js';
import { getOrganizations } from '../membership/index.js';
import { TEXT_FIELDS } from './model.js';
import { translationStatus, type Practice } from './queries.js';
import { paths } from './paths.js';

const require = createRequire(import.meta.url);

/** The document other systems (and the Hub's form) take: Hub term ids next to our keys. */
export async function practiceJson(db: Db, lang: Locale, p: Practice, baseUrl: string) {
  return (await practicesJson(db, lang, [p], baseUrl))[0]!;
}

/** `practiceJson` of several practices, in their order: the organizations read in one statement. */
export async function practicesJson(db: Db, lang: Locale, list: Practice[], baseUrl: string) {
  const [objectives, principles, names, orgs] = await Promise.all([
    listObjectives(db, lang),
    listPrinciples(db, lang),
    countryNames(db, lang),
    getOrganizations(db, [...new Set(list.map((p) => p.orgId).filter((x): x is string => !!x))]),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return list.map((p) => {
    const org = p.orgId ? orgById.get(p.orgId) : undefined;
    const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, p.texts[f]]));
    return {
      id: p.id,
      url: paths.practice.url(baseUrl, lang, { id: p.id }),
      status: p.status,
      publishedAt: p.publishedAt,
      originalLanguage: p.originalLang,
      languages: translationStatus(p),
      text,
      submittingOrganization: org ? { name: org.name, acronym: org.acronym, country: org.country } : null,
      implementingPartners: p.implementers,
      partners: p.partners,
      geographicScope: p.scope,
      countries: p.countries.map((c) => ({ code: c, name: names.get(c) ?? c })),
      period: { start: p.startDate, end: p.endDate },
      typeOfResource: p.resourceType,
      gcmObjectives: p.objectives.map((n) => objectiveRef(objectives, n)),
      crossCuttingThemes: p.principles.map((k) => {
        const pr = principles.find((x) => x.key === k);
        return { key: k, hubId: pr?.hubId ?? null, name: pr?.name ?? k };
      }),
      links: p.links,
      contact: { name: p.contactName, email: p.contactEmail },
    };
  });
}

/** A PDF in the Hub template's order, with pdfmake's bundled Roboto (accents and ñ survive). */
export async function practicePdf(db: Db, lang: Locale, t: T, p: Practice, baseUrl: string): Promise<Buffer> {
  const pdfmake = require('pdfmake');
  const fonts = require('pdfmake/fonts/Roboto.js');
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => Object.values(fonts.Roboto as Record<string, string>).includes(path));
  const j = await practiceJson(db, lang, p, baseUrl);
  const pick = (v: Record<string, string>) => pickTranslated(v, lang)?.text ?? '';
  const row = (label: string, value: string) => [{ text: label, bold: true }, { text: value || '—' }];
  const content: any[] = [
    { text: t('practices.pdf.heading'), style: 'small', color: '#555' },
    { text: pick(p.texts.title) || t('practices.untitled'), style: 'title' },
    { text: pick(p.texts.summary), margin: [0, 0, 0, 10] },
    {
      table: {
        widths: [150, '*'],
        body: [
          row(t('practices.fields.org'), j.submittingOrganization?.name ?? ''),
          row(t('practices.fields.implementers'), p.implementers ?? ''),
          row(t('practices.fields.partners'), p.partners ?? ''),
          row(t('practices.fields.scope'), p.scope ? t(`practices.scopes.${p.scope}`) : ''),
          row(t('practices.fields.countries'), j.countries.map((c) => c.name).join(', ')),
          row(t('practices.fields.period'), [p.startDate, p.endDate ?? t('practices.ongoing')].filter(Boolean).join(' – ')),
          row(t('practices.fields.type'), p.resourceType ? t(`practices.types.${p.resourceType}`) : ''),
          row(t('practices.fields.objectives'), j.gcmObjectives.map((o) => `${o.n}. ${o.name}`).join('\n')),
          row(t('practices.fields.principles'), j.crossCuttingThemes.map((x) => x.name).join('\n')),
          row(t('practices.contact'), [p.contactName, p.contactEmail].filter(Boolean).join(' · ')),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 12],
    },
  ];
  for (const f of TEXT_FIELDS.filter((x) => x !== 'title' && x !== 'summary')) {
    const v = pick(p.texts[f]);
    if (!v) continue;
    content.push({ text: t(`practices.fields.${f}`), style: 'h2' });
    for (const para of v.split(/\n{2,}/)) content.push({ text: para, margin: [0, 0, 0, 6] });
  }
  if (p.links.length) {
    content.push({ text: t('practices.fields.links'), style: 'h2' });
    content.push({ ul: p.links });
  }
  content.push({ text: j.url, style: 'small', margin: [0, 16, 0, 0], color: '#555' });
  const doc = pdfmake.createPdf({
    info: { title: pick(p.texts.title) },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: { title: { fontSize: 18, bold: true, margin: [0, 4, 0, 8] }, h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] }, small: { fontSize: 8 } },
  });
  return doc.getBuffer();
}

/** Every practice as CSV (one row each; translated fields in the chosen language with the original's fallback). */
export async function practicesCsv(db: Db, lang: Locale, list: Practice[]): Promise<string> {
  const orgs = new Map((await getOrganizations(db, [...new Set(list.map((p) => p.orgId).filter((x): x is string => !!x))])).map((o) => [o.id, o.name]));
  const objectives = await listObjectives(db, lang);
  const principles = await listPrinciples(db, lang);
  const pick = (v: Record<string, string>) => pickTranslated(v, lang)?.text ?? '';
  const rows = list.map((p) => [
    p.id,
    p.status,
    ...TEXT_FIELDS.map((f) => pick(p.texts[f])),
    p.orgId ? orgs.get(p.orgId) ?? '' : '',
    p.implementers ?? '',
    p.partners ?? '',
    p.scope ?? '',
    p.countries.join(' '),
    p.startDate ?? '',
    p.endDate ?? '',
    p.resourceType ?? '',
    p.objectives.map((n) => objectives.find((o) => o.n === n)?.hubId ?? n).join(' '),
    p.principles.map((k) => principles.find((x) => x.key === k)?.hubId ?? k).join(' '),
    p.languages.join(' '),
    p.links.join(' '),
    p.contactName ?? '',
    p.contactEmail ?? '',
    p.publishedAt ?? '',
  ]);
  const head = ['id', 'status', ...TEXT_FIELDS, 'organization', 'implementers', 'partners', 'scope', 'countries', 'start', 'end', 'type_of_resource', 'gcm_objectives', 'cross_cutting_theme', 'languages', 'links', 'contact_name', 'contact_email', 'published_at'];
  return toCsv([head, ...rows], { bom: true });
}
