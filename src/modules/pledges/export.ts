/**
 * @module Pledges: documents for the UN initiative. A pledge as JSON and as a PDF in the UN pledge form's order
 * (pledging entity or entities, title, description, kind and the pledge it matches, form, GCM objectives, guiding
 * principles, scope and countries, partners, timeline, attachment), and every published pledge as CSV.
 */
import { createRequire } from 'node:module';
import { toCsv } from '../../platform/http/csv.js';
import type { Db } from '../../db/schema.js';
import type { T } from '../../platform/i18n/i18n.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listObjectives, listPrinciples, countryNames, objectiveRef } from '../../platform/reference/queries.js';
import { getOrganizations, type OrgSummary } from '../membership/index.js';
import { getBodyById } from '../bodies/index.js';
import { getPledge, updatesOf, type Pledge } from './queries.js';
import { paths } from './paths.js';

const require = createRequire(import.meta.url);

/** Principles by their position (1–10). */
async function principleList(db: Db, lang: Locale) {
  return (await listPrinciples(db, lang)).map((p, i) => ({ n: i + 1, ...p }));
}

/** The document the UN initiative's form takes, with our number and page. */
export async function pledgeJson(db: Db, lang: Locale, p: Pledge, baseUrl: string) {
  const [objectives, principles, names, orgs, updates] = await Promise.all([listObjectives(db, lang), principleList(db, lang), countryNames(db, lang), getOrganizations(db, p.orgs.map((o) => o.orgId)), updatesOf(db, p.id)]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const matched = p.matchesPledgeId ? await getPledge(db, p.matchesPledgeId) : undefined;
  const body = p.bodyId ? await getBodyById(db, p.bodyId) : undefined;
  return {
    ref: p.ref,
    url: paths.pledge.url(baseUrl, lang, { id: p.id }),
    unId: p.unId,
    pledgingEntities: p.orgs.map((o) => {
      const org = byId.get(o.orgId);
      return { name: org?.name ?? '', acronym: org?.acronym ?? null, country: org?.country ?? null, lead: o.lead, formerMember: org?.status === 'withdrawn' };
    }),
    title: p.title,
    description: p.description,
    kind: p.kind,
    matches: p.kind !== 'matching' ? null : matched ? { ref: matched.ref, title: pickTranslated(matched.title, lang)?.text ?? '', unId: matched.unId } : { unId: p.matchesExternalId, title: p.matchesExternalTitle },
    forms: p.forms,
    gcmObjectives: p.objectives.map((n) => objectiveRef(objectives, n)),
    guidingPrinciples: p.principles.map((n) => {
      const x = principles.find((y) => y.n === n);
      return { n, key: x?.key ?? null, hubId: x?.hubId ?? null, name: x?.name ?? '' };
    }),
    scope: p.scope,
    countries: p.countries.map((c) => ({ code: c, name: names.get(c) ?? c })),
    partners: p.partners,
    timeline: { start: p.startsOn, expectedCompletion: p.endsOn },
    body: body ? { slug: body.slug, name: pickTranslated(body.name, lang)?.text ?? body.slug } : null,
    attachment: p.attachment ? { name: p.attachment.name, type: p.attachment.type, size: p.attachment.size, url: paths.attachment.url(baseUrl, lang, { id: p.id }) } : null,
    state: p.state,
    status: p.status,
    publishedAt: p.publishedAt,
    nextUpdateDue: p.nextUpdateDue,
    updates: updates.map((u) => ({ reportedOn: u.reportedOn, status: u.status, note: u.note })),
  };
}

/** A PDF in the UN pledge form's order, with pdfmake's bundled Roboto (accents and ñ survive). */
export async function pledgePdf(db: Db, lang: Locale, t: T, p: Pledge, baseUrl: string): Promise<Buffer> {
  const pdfmake = require('pdfmake');
  const fonts = require('pdfmake/fonts/Roboto.js');
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => Object.values(fonts.Roboto as Record<string, string>).includes(path));
  const j = await pledgeJson(db, lang, p, baseUrl);
  const pick = (v: Record<string, string>) => pickTranslated(v, lang)?.text ?? '';
  const row = (label: string, value: string) => [{ text: label, bold: true }, { text: value || '—' }];
  const content: any[] = [
    { text: t('pledges.pdf.heading'), style: 'small', color: '#555' },
    { text: `${p.ref} · ${pick(p.title)}`, style: 'title' },
    {
      table: {
        widths: [150, '*'],
        body: [
          row(t('pledges.pdf.entities'), j.pledgingEntities.map((e) => `${e.name}${e.acronym ? ` (${e.acronym})` : ''}${e.lead ? ` — ${t('pledges.pdf.lead')}` : ''}${e.formerMember ? ` — ${t('pledges.page.formerMember')}` : ''}`).join('\n')),
          row(t('pledges.fields.title'), pick(p.title)),
          row(t('pledges.fields.kind'), t(`pledges.kinds.${p.kind}`)),
          ...(j.matches ? [row(t('pledges.fields.matches'), [('ref' in j.matches ? j.matches.ref : null), j.matches.unId, j.matches.title].filter(Boolean).join(' · '))] : []),
          row(t('pledges.fields.forms'), p.forms.map((f) => t(`pledges.forms.${f}`)).join('\n')),
          row(t('pledges.fields.objectives'), j.gcmObjectives.map((o) => `${o.n}. ${o.name}`).join('\n')),
          row(t('pledges.fields.principles'), j.guidingPrinciples.map((x) => x.name).join('\n')),
          row(t('pledges.fields.scope'), t(`pledges.scopes.${p.scope}`)),
          row(t('pledges.fields.countries'), j.countries.map((c) => c.name).join(', ')),
          row(t('pledges.fields.partners'), p.partners.map((x) => `${x.name} (${t(`pledges.sectors.${x.sector}`)})`).join('\n')),
          row(t('pledges.fields.timeline'), [p.startsOn ?? '—', p.endsOn ?? '—'].join(' – ')),
          row(t('pledges.fields.attachment'), p.attachment?.name ?? ''),
          row(t('pledges.fields.unId'), p.unId ?? ''),
          row(t('pledges.fields.status'), p.status ? t(`pledges.statuses.${p.status}`) : ''),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 12],
    },
    { text: t('pledges.fields.description'), style: 'h2' },
    ...pick(p.description)
      .split(/\n{2,}/)
      .map((para) => ({ text: para, margin: [0, 0, 0, 6] })),
  ];
  if (j.updates.length) {
    content.push({ text: t('pledges.page.progress'), style: 'h2' });
    for (const u of j.updates) content.push({ text: [{ text: `${u.reportedOn} · ${t(`pledges.statuses.${u.status}`)}: `, bold: true }, pick(u.note)], margin: [0, 0, 0, 4] });
  }
  content.push({ text: j.url, style: 'small', margin: [0, 16, 0, 0], color: '#555' });
  const doc = pdfmake.createPdf({
    info: { title: `${p.ref} ${pick(p.title)}` },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: { title: { fontSize: 16, bold: true, margin: [0, 4, 0, 8] }, h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] }, small: { fontSize: 8 } },
  });
  return doc.getBuffer();
}

/** Every published pledge as CSV (one row each; texts in the chosen language with the original's fallback). */
export async function pledgesCsv(db: Db, lang: Locale, list: Pledge[]): Promise<string> {
  const orgs = new Map<string, OrgSummary>((await getOrganizations(db, [...new Set(list.flatMap((p) => p.orgs.map((o) => o.orgId)))])).map((o) => [o.id, o]));
  const refs = new Map(list.map((p) => [p.id, p.ref]));
  const pick = (v: Record<string, string>) => pickTranslated(v, lang)?.text ?? '';
  const head = ['ref', 'un_id', 'title', 'description', 'pledging_entities', 'kind', 'matches', 'forms', 'gcm_objectives', 'guiding_principles', 'scope', 'countries', 'partners', 'start', 'expected_completion', 'status', 'published_at', 'next_update_due'];
  const rows = list.map((p) => [
    p.ref,
    p.unId ?? '',
    pick(p.title),
    pick(p.description),
    p.orgs.map((o) => orgs.get(o.orgId)?.name ?? '').join('; '),
    p.kind,
    p.kind === 'matching' ? (p.matchesPledgeId ? (refs.get(p.matchesPledgeId) ?? p.matchesPledgeId) : `${p.matchesExternalId ?? ''} ${p.matchesExternalTitle ?? ''}`.trim()) : '',
    p.forms.join(' '),
    p.objectives.join(' '),
    p.principles.join(' '),
    p.scope,
    p.countries.join(' '),
    p.partners.map((x) => `${x.name} (${x.sector})`).join('; '),
    p.startsOn ?? '',
    p.endsOn ?? '',
    p.status ?? '',
    p.publishedAt ?? '',
    p.nextUpdateDue ?? '',
  ]);
  return toCsv([head, ...rows], { bom: true });
}
