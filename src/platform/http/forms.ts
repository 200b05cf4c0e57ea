/**
 * @module Form input
 * Reads a posted form into plain values (repeated names become arrays) and validates it with a zod
 * schema, turning each problem into a translated message next to its field.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './env.js';
import type { FieldErrors, FormValues } from '../views/components.js';
import type { T } from '../i18n/i18n.js';
import { isTimeZone, zonedToUtc } from '../i18n/zones.js';

const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());

/**
 * The three inputs of a `DeadlineField` named `base`: `${base}_on` (a date, optional), `${base}_time` (HH:MM,
 * optional) and `${base}_zone` (an IANA zone, optional: UTC). Spread into an object schema; read the instant
 * with `deadlineAt`.
 */
export function deadlineFields<B extends string>(base: B) {
  return {
    [`${base}_on`]: optionalIsoDate,
    [`${base}_time`]: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.slice(0, 5) : undefined))
      .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'form.error.time' }).optional()),
    [`${base}_zone`]: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || isTimeZone(v), { message: 'form.error.choice' }),
  } as unknown as Record<`${B}_on` | `${B}_time` | `${B}_zone`, z.ZodType<string | undefined>>;
}

/**
 * The instant (ISO-8601, UTC) that a DeadlineField's parsed values name: the date at its time (or
 * `defaultTime` when none was given) on the clocks of its zone (UTC when none); null without a date.
 */
export function deadlineAt(d: Record<string, unknown>, base: string, defaultTime: string): string | null {
  const date = d[`${base}_on`];
  if (typeof date !== 'string' || !date) return null;
  const time = typeof d[`${base}_time`] === 'string' && d[`${base}_time`] ? (d[`${base}_time`] as string) : defaultTime;
  const zone = isTimeZone(d[`${base}_zone`]) ? (d[`${base}_zone`] as string) : 'UTC';
  return zonedToUtc(date, time, zone).toISOString();
}

/** The posted form as strings and arrays of strings; files are left out (see `readFiles`). */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates values against a schema. Messages come from the `form.error.*` catalog; a schema may give a
 * custom message that is itself an i18n key (e.g. `.refine(…, { message: 'membership.errors.duplicate' })`).
 */
export function validate<S extends z.ZodType>(schema: S, values: unknown, t: T): Validated<z.output<S>> {
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    errors[field] = issueMessage(issue, t);
  }
  return { ok: false, errors };
}

function issueMessage(issue: z.core.$ZodIssue, t: T): string {
  if (issue.message && /^[a-z]+(\.[a-zA-Z0-9_]+)+$/.test(issue.message)) return t(issue.message);
  const i = issue as any;
  switch (issue.code) {
    case 'too_small':
      if (i.origin === 'string') return i.minimum <= 1 ? t('form.error.required') : t('form.error.tooShort', { min: i.minimum });
      if (i.origin === 'array' || i.origin === 'set') return i.minimum <= 1 ? t('form.error.chooseOne') : t('form.error.chooseAtLeast', { min: i.minimum });
      return t('form.error.tooSmall', { min: i.minimum });
    case 'too_big':
      if (i.origin === 'string') return t('form.error.tooLong', { max: i.maximum });
      if (i.origin === 'array') return t('form.error.tooMany', { max: i.maximum, count: Number(i.maximum) });
      return t('form.error.tooBig', { max: i.maximum });
    case 'invalid_format':
      if (i.format === 'email') return t('form.error.email');
      if (i.format === 'url') return t('form.error.url');
      if (i.format === 'date') return t('form.error.date');
      return t('form.error.format');
    case 'invalid_value':
      return t('form.error.choice');
    case 'invalid_type':
      return i.input === undefined ? t('form.error.required') : t('form.error.format');
    default:
      return t('form.error.format');
  }
}

/** Common field schemas, so every form says the same thing the same way. */
export const fields = {
  /** Required trimmed text, 1..max characters. */
  text: (max: number) => z.string().trim().min(1).max(max),
  /** Optional trimmed text (empty → undefined). */
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((v) => (v ? v : undefined)),
  email: () => z.string().trim().toLowerCase().max(254).pipe(z.email()),
  /** Optional http(s) URL. */
  optionalUrl: () =>
    z
      .string()
      .trim()
      .max(500)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** A list from checkboxes (one value arrives as a string). */
  list: <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item)),
  /** An optional checkbox: true when ticked. */
  flag: () => z.preprocess((v) => v === 'on' || v === 'yes' || v === 'true', z.boolean()),
  /** A checkbox that must be ticked. */
  accepted: (message: string) => z.preprocess((v) => v === 'on' || v === 'yes' || v === 'true', z.literal(true, { message })),
};
