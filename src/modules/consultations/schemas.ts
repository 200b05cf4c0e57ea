/** @module Consultations: the zod schemas of the module's forms, and what they become. */
import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales.js';
import { translatedFromForm, type Translated } from '../../platform/i18n/translated.js';
import { fields } from '../../platform/http/forms.js';
import { ok, fail, type Outcome } from '../../platform/outcome.js';
import { KINDS, SOURCES, ITEM_KINDS, RELEASES } from './model.js';
import type { ConsultationInput, QuestionInput } from './commands/lifecycle.js';

const optDate = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());
const line = (max: number) => z.string().trim().max(max).optional();
const perLang = <N extends string>(name: N, max: number) => Object.fromEntries(LOCALES.map((l) => [`${name}_${l}`, line(max)])) as Record<`${N}_${(typeof LOCALES)[number]}`, ReturnType<typeof line>>;
const hasAny = (v: Record<string, unknown>, name: string) => LOCALES.some((l) => !!v[`${name}_${l}`]);

export const ConsultationForm = z
  .object({
    body: z.string().optional(),
    ...perLang('title', 200),
    ...perLang('purpose', 4000),
    ...perLang('instructions', 4000),
    /** The language the texts are written in (else the first language the title has). */
    original_lang: z.enum(LOCALES).optional().catch(undefined),
    audience: z.enum(['members', 'body', 'link']),
    publish_answers: fields.flag(),
    results_release: z.enum(RELEASES).optional().default('organizers'),
    opens_on: optDate,
    closes_on: optDate,
  })
  .refine((v) => hasAny(v, 'title'), { message: 'consultations.errors.titleRequired', path: ['title_es'] })
  // The title in the language the consultation is written in (the others translate it).
  .superRefine((v, ctx) => {
    if (v.original_lang && hasAny(v, 'title') && !v[`title_${v.original_lang}`]) ctx.addIssue({ code: 'custom', message: 'consultations.errors.titleInOriginal', path: [`title_${v.original_lang}`] });
  })
  .refine((v) => !v.opens_on || !v.closes_on || v.opens_on <= v.closes_on, { message: 'consultations.errors.closeBeforeOpen', path: ['closes_on'] });

export function consultationInput(d: z.output<typeof ConsultationForm>, bodyId: string): ConsultationInput {
  return {
    bodyId,
    title: translatedFromForm(d, 'title'),
    purpose: translatedFromForm(d, 'purpose'),
    instructions: translatedFromForm(d, 'instructions'),
    originalLang: d.original_lang,
    audience: d.audience,
    publishAnswers: d.publish_answers,
    resultsRelease: d.results_release,
    opensAt: d.opens_on ? `${d.opens_on}T00:00:00.000Z` : null,
    closesAt: d.closes_on ? `${d.closes_on}T23:59:59.999Z` : null,
  };
}

/** The texts of a consultation and their translations (changed at any time by its organizers). */
export const TextsForm = z
  .object({
    ...perLang('title', 200),
    ...perLang('purpose', 4000),
    ...perLang('instructions', 4000),
    original_lang: z.enum(LOCALES).optional().catch(undefined),
  })
  .refine((v) => hasAny(v, 'title'), { message: 'consultations.errors.titleRequired', path: ['title_es'] })
  .superRefine((v, ctx) => {
    if (v.original_lang && hasAny(v, 'title') && !v[`title_${v.original_lang}`]) ctx.addIssue({ code: 'custom', message: 'consultations.errors.titleInOriginal', path: [`title_${v.original_lang}`] });
  });

export const textsInput = (d: z.output<typeof TextsForm>) => ({ title: translatedFromForm(d, 'title'), purpose: translatedFromForm(d, 'purpose'), instructions: translatedFromForm(d, 'instructions'), originalLang: d.original_lang });

const optInt = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : undefined))
  .pipe(z.number().int().min(0).max(1000).optional());

export const QuestionForm = z
  .object({
    kind: z.enum(KINDS as [string, ...string[]]),
    required: fields.flag(),
    ...perLang('prompt', 500),
    ...perLang('help', 1000),
    source: z.enum(SOURCES as [string, ...string[]]).optional().catch(undefined),
    /** Custom items, one per line, in each language (same lines in the same order). */
    ...perLang('items', 6000),
    min_n: optInt,
    max_n: optInt,
    ...perLang('low', 100),
    ...perLang('high', 100),
    /** "Show only if question … has value …" (the value is an item key or a scale number). */
    show_if: z.string().trim().max(120).optional(),
  })
  .refine((v) => hasAny(v, 'prompt'), { message: 'consultations.errors.promptRequired', path: ['prompt_es'] });

const translated = (d: Record<string, unknown>, name: string): Translated => translatedFromForm(d, name);

/** The valid form as the command's input; refuses what only makes sense together (items for an item question…). */
export function questionInput(d: z.output<typeof QuestionForm>): Outcome<{ input: QuestionInput }> {
  const kind = d.kind as QuestionInput['kind'];
  const itemKind = ITEM_KINDS.includes(kind);
  let customItems: QuestionInput['customItems'] = [];
  const source = itemKind ? ((d.source ?? null) as QuestionInput['source']) : null;
  if (itemKind && !source) return fail('consultations.errors.sourceRequired', { field: 'source' });
  if (source === 'custom') {
    const lines = Object.fromEntries(LOCALES.map((l) => [l, (d[`items_${l}`] ?? '').split('\n').map((x: string) => x.trim()).filter(Boolean)]));
    const n = Math.max(...LOCALES.map((l) => lines[l]!.length));
    if (n < 2) return fail('consultations.errors.itemsRequired', { field: 'items_es' });
    if (n > 100) return fail('consultations.errors.tooManyItems', { field: 'items_es' });
    for (const l of LOCALES) if (lines[l]!.length && lines[l]!.length !== n) return fail('consultations.errors.itemsMismatch', { field: `items_${l}` });
    customItems = Array.from({ length: n }, (_, i) => ({ key: String(i + 1), label: Object.fromEntries(LOCALES.filter((l) => lines[l]!.length).map((l) => [l, lines[l]![i]!])) as Translated }));
  }
  if (kind === 'many' && d.min_n !== undefined && d.max_n !== undefined && d.min_n > d.max_n) return fail('consultations.errors.minOverMax', { field: 'min_n' });
  if (kind === 'points' && !d.max_n) return fail('consultations.errors.pointsTotal', { field: 'max_n' });
  let showIf: QuestionInput['showIf'] = null;
  if (d.show_if) {
    const m = /^([0-9a-z]{16}):([A-Za-z0-9_-]{1,100})$/.exec(d.show_if);
    if (!m) return fail('form.error.choice', { field: 'show_if' });
    showIf = { questionId: m[1]!, value: m[2]! };
  }
  return ok({
    input: {
      kind,
      required: d.required,
      prompt: translated(d, 'prompt'),
      help: translated(d, 'help'),
      source,
      customItems,
      minN: kind === 'many' ? (d.min_n ?? null) : null,
      maxN: kind === 'many' || kind === 'rank' || kind === 'points' ? (d.max_n ?? null) : null,
      lowLabel: kind === 'scale' ? translated(d, 'low') : null,
      highLabel: kind === 'scale' ? translated(d, 'high') : null,
      showIf,
    },
  });
}

/** The answer form's one fixed field: the organization answered for (the questions are read by model.ts). */
export const AnswerForm = z.object({ org: z.string().regex(/^[0-9a-z]{16}$/).optional().catch(undefined) });

/** Who answers a consultation open to anyone with the link: a name and an address to confirm the answer from. */
export const PersonForm = z.object({
  name: z.string().trim().min(1, { message: 'consultations.errors.nameRequired' }).max(200),
  email: z.email({ message: 'form.error.email' }).max(254).transform((v) => v.trim().toLowerCase()),
});

/** How many of a ranking's top objectives become the body's prioritized objectives. */
export const PrioritizeForm = z.object({ count: z.coerce.number().int().min(1).max(10) });
