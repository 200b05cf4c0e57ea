/** @module Plans: the zod schemas of the module's forms. */
import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales.js';
import { fields } from '../../platform/http/forms.js';
import { ACTIVITY_STATUSES } from './tables.js';

const line = (max: number) => z.string().trim().max(max).optional();
const perLang = <N extends string>(name: N, max: number) => Object.fromEntries(LOCALES.map((l) => [`${name}_${l}`, line(max)])) as Record<`${N}_${(typeof LOCALES)[number]}`, ReturnType<typeof line>>;

/** A new plan: whose (empty: the Mechanism's), its title in at least one language, its period and how progress weighs activities. */
export const PlanForm = z
  .object({
    /** A body's id, or empty for the Mechanism's plan. */
    body: z.string().optional(),
    ...perLang('title', 200),
    starts_on: z.iso.date(),
    ends_on: z.iso.date(),
    /** Share of a result's progress that comes from its activities (the rest: its indicators). */
    activity_share: z.coerce.number().int().min(0).max(100),
  })
  .refine((v) => LOCALES.some((l) => !!v[`title_${l}`]), { message: 'plans.errors.titleRequired', path: ['title_es'] })
  .refine((v) => v.starts_on <= v.ends_on, { message: 'plans.errors.periodOrder', path: ['ends_on'] });

export const StatusInput = z.object({ status: z.enum(ACTIVITY_STATUSES) });

/** A link as the picker posts it: "<type>:<id>". */
export const LinkInput = z.object({ link: z.string().regex(/^[a-z]+\.[a-z]+:[0-9A-Za-z_-]{1,64}$/) });

/** One reported value of an indicator. */
export const ValueForm = z.object({
  period: fields.text(40),
  value: fields.text(200),
  measured_on: z.iso.date(),
  source: fields.optionalText(500),
  note: fields.optionalText(1000),
});

/** The previewed file, posted back to be applied. */
export const ConfirmInput = z.object({ csv: z.string().min(1).max(900_000) });
