/**
 * @module Practices: the form's schema. A draft only has to be well formed; submitting also needs what
 * the Hub's template requires (see `missingForSubmit`).
 */
import { z } from 'zod';
import { fields } from '../../platform/http/forms.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { SCOPES, RESOURCE_TYPES, TEXT_FIELDS, type TextField } from './model.js';

/** Longest text accepted per field and language. */
export const MAX: Record<TextField, number> = { title: 250, summary: 2000, problem: 8000, actions: 8000, results: 8000, lessons: 8000, replication: 8000 };

const textShape: Record<string, z.ZodType> = {};
for (const f of TEXT_FIELDS) for (const l of LOCALES) textShape[`${f}_${l}`] = fields.optionalText(MAX[f]);

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());

export const PracticeForm = z
  .object({
    /** Which button: save the draft, or save and submit it for review. */
    action: z
      .string()
      .optional()
      .transform((v) => (v === 'submit' ? 'submit' : 'save')),
    /** The member organization documenting it. */
    org_id: fields.optionalText(40),
    /** The language it was first written in. */
    original_lang: z.enum(LOCALES),
    ...textShape,
    /** Other implementing organizations and partners, as free text. */
    implementers: fields.optionalText(1000),
    partners: fields.optionalText(1000),
    scope: z.union([z.enum(SCOPES), z.literal('').transform(() => undefined)]).optional(),
    start_date: optionalDate,
    end_date: optionalDate,
    resource_type: z.union([z.enum(RESOURCE_TYPES), z.literal('').transform(() => undefined)]).optional(),
    /** One web address per line. */
    links: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ }).max(500)).max(20)),
    contact_name: fields.optionalText(200),
    contact_email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.email().optional()),
    objectives: fields.list(z.coerce.number().int().min(1).max(23)).pipe(z.array(z.number()).max(23)),
    principles: fields.list(z.string().regex(/^[a-z_-]{1,40}$/)).pipe(z.array(z.string()).max(10)),
    countries: fields.list(z.string().regex(/^[A-Z]{2}$/)).pipe(z.array(z.string()).max(60)),
    country_other: z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('')]).optional(),
  })
  .refine((v) => !v.start_date || !v.end_date || v.end_date >= v.start_date, { path: ['end_date'], message: 'practices.errors.endBeforeStart' })
  // Submitting needs what the Hub's template requires: every missing part is shown beside its field at once.
  .superRefine((v, ctx) => {
    if (v.action !== 'submit') return;
    for (const [field, message] of Object.entries(missingForSubmit(toInput(v)))) ctx.addIssue({ code: 'custom', path: [field], message });
  });

export type PracticeFormData = z.output<typeof PracticeForm>;

/** What a command stores. */
export interface PracticeInput {
  orgId: string | null;
  originalLang: Locale;
  texts: Record<TextField, Translated>;
  implementers: string | null;
  partners: string | null;
  scope: string | null;
  startDate: string | null;
  endDate: string | null;
  resourceType: string | null;
  links: string[];
  contactName: string | null;
  contactEmail: string | null;
  objectives: number[];
  principles: string[];
  countries: string[];
}

export function toInput(d: PracticeFormData): PracticeInput {
  const raw = d as unknown as Record<string, string | undefined>;
  const texts = {} as Record<TextField, Translated>;
  for (const f of TEXT_FIELDS) {
    texts[f] = {};
    for (const l of LOCALES) if (raw[`${f}_${l}`]) texts[f][l] = raw[`${f}_${l}`];
  }
  const countries = [...new Set([...d.countries, ...(d.country_other ? [d.country_other] : [])])];
  return {
    orgId: d.org_id ?? null,
    originalLang: d.original_lang,
    texts,
    implementers: d.implementers ?? null,
    partners: d.partners ?? null,
    scope: d.scope ?? null,
    startDate: d.start_date ?? null,
    endDate: d.end_date ?? null,
    resourceType: d.resource_type ?? null,
    links: d.links,
    contactName: d.contact_name ?? null,
    contactEmail: d.contact_email ?? null,
    objectives: [...new Set(d.objectives)].sort((a, b) => a - b),
    principles: [...new Set(d.principles)],
    countries,
  };
}

/**
 * What is still missing before a practice can be submitted: form field name → i18n key. A practice
 * needs a title, a summary, what was done and its results in its original language, an organization,
 * at least one objective and one principle, where (countries, or global scope), its scope, type, start
 * date and a contact email.
 */
export function missingForSubmit(p: PracticeInput): Record<string, string> {
  const out: Record<string, string> = {};
  const l = p.originalLang;
  if (!p.texts.title[l]) out[`title_${l}`] = 'practices.errors.titleRequired';
  if (!p.texts.summary[l]) out[`summary_${l}`] = 'practices.errors.summaryRequired';
  if (!p.texts.actions[l]) out[`actions_${l}`] = 'practices.errors.actionsRequired';
  if (!p.texts.results[l]) out[`results_${l}`] = 'practices.errors.resultsRequired';
  if (!p.objectives.length) out.objectives = 'practices.errors.objectiveRequired';
  if (!p.principles.length) out.principles = 'practices.errors.principleRequired';
  if (!p.scope) out.scope = 'practices.errors.scopeRequired';
  if (!p.countries.length && p.scope !== 'global') out.countries = 'practices.errors.countryRequired';
  if (!p.resourceType) out.resource_type = 'practices.errors.typeRequired';
  if (!p.startDate) out.start_date = 'practices.errors.startRequired';
  if (!p.contactEmail) out.contact_email = 'practices.errors.contactRequired';
  return out;
}
