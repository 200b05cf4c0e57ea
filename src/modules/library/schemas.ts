/** @module Library: the zod schema of the document form, and what it becomes. */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { translatedFromForm } from '../../platform/i18n/translated.js';
import { fields } from '../../platform/http/forms.js';
import { DOC_KINDS, DOC_VISIBILITIES, LICENCES } from './tables.js';
import type { DocumentInput } from './commands/save.js';
import type { Document } from './queries.js';
import type { FormValues } from '../../platform/views/components.js';

const titleIn = z.string().trim().max(300).optional();
const summaryIn = z.string().trim().max(5000).optional();
const id = z.string().regex(/^[0-9a-z]{16}$/);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const DocumentForm = z.object({
  kind: z.enum(DOC_KINDS),
  original_lang: z.enum(LOCALES as unknown as [Locale, ...Locale[]]),
  title_es: titleIn,
  title_en: titleIn,
  title_pt: titleIn,
  title_fr: titleIn,
  summary_es: summaryIn,
  summary_en: summaryIn,
  summary_pt: summaryIn,
  summary_fr: summaryIn,
  body_id: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(id.optional()),
  org_ids: fields.list(id),
  authors: fields.optionalText(300),
  published_on: z.string().trim().refine(isDate),
  objectives: fields.list(z.coerce.number().int().min(1).max(23)),
  countries: fields.list(z.string().regex(/^[A-Z]{2}$/)),
  visibility: z.enum(DOC_VISIBILITIES),
  visibility_body_id: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(id.optional()),
  licence: z.enum(LICENCES),
});
export type DocumentFormData = z.output<typeof DocumentForm>;

export function toInput(d: DocumentFormData): DocumentInput {
  const form = d as unknown as Record<string, unknown>;
  return {
    kind: d.kind,
    title: translatedFromForm(form, 'title'),
    summary: translatedFromForm(form, 'summary'),
    originalLang: d.original_lang,
    bodyId: d.body_id ?? null,
    orgIds: [...new Set(d.org_ids)],
    authors: d.authors ?? null,
    publishedOn: d.published_on,
    objectives: [...new Set(d.objectives)],
    countries: [...new Set(d.countries)],
    visibility: d.visibility,
    visibilityBodyId: d.visibility === 'body' ? d.visibility_body_id ?? null : null,
    licence: d.licence,
  };
}

/** A stored document as form values. */
export function valuesOf(d: Document): FormValues {
  const v: FormValues = {
    kind: d.kind,
    original_lang: d.originalLang,
    body_id: d.bodyId ?? '',
    org_ids: d.orgIds,
    authors: d.authors ?? '',
    published_on: d.publishedOn,
    objectives: d.objectives.map(String),
    countries: d.countries,
    visibility: d.visibility,
    visibility_body_id: d.visibilityBodyId ?? '',
    licence: d.licence,
  };
  for (const l of LOCALES) {
    v[`title_${l}`] = d.title[l] ?? '';
    v[`summary_${l}`] = d.summary[l] ?? '';
  }
  return v;
}
