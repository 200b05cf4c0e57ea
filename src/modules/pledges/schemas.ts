/**
 * @module Pledges: the zod schemas of the module's forms. The pledge form refuses what the UN form refuses: a
 * description outside 300–3,000 characters in any language it is written in, no objective, no form, a matching
 * pledge naming nothing; the rules that need the database (organizations, the matched pledge) are the command's.
 */
import { z } from 'zod';
import { fields } from '../../platform/http/forms.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { translatedFromForm, type Translated } from '../../platform/i18n/translated.js';
import { pledgeKinds, pledgeScopes, pledgeForms, pledgeStatuses, partnerSectors, type Partner, type PledgeForm as Form, type PledgeKind, type PledgeScope } from './tables.js';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, PARTNER_ROWS, TITLE_MAX, charCount } from './model.js';

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());
const id = z.string().regex(/^[0-9a-z]{16}$/);

const texts: Record<string, z.ZodType> = {};
for (const l of LOCALES) {
  texts[`title_${l}`] = fields.optionalText(TITLE_MAX);
  // The length is checked below (in characters), so a long text gets the UN form's message, not a generic one.
  texts[`description_${l}`] = fields.optionalText(DESCRIPTION_MAX * 4);
}
const partners: Record<string, z.ZodType> = {};
for (let i = 1; i <= PARTNER_ROWS; i++) {
  partners[`partner_name_${i}`] = fields.optionalText(200);
  partners[`partner_sector_${i}`] = z.union([z.enum(partnerSectors), z.literal('').transform(() => undefined)]).optional();
}

export const PledgeFormSchema = z
  .object({
    /** The organization that writes and submits it. */
    lead_org: id,
    /** Co-pledging member organizations (a joint pledge): each confirms before it goes to review. */
    co_orgs: fields.list(id).pipe(z.array(z.string()).max(50)),
    /** The body it comes from (a slug), if any. */
    body: fields.optionalText(80),
    kind: z.enum(pledgeKinds),
    /** A matching pledge: one of ours by its number (PL-0003), or an external one by its UN id and title. */
    matches_ref: z
      .string()
      .trim()
      .toUpperCase()
      .max(20)
      .optional()
      .transform((v) => (v ? v : undefined)),
    matches_external_id: fields.optionalText(100),
    matches_external_title: fields.optionalText(300),
    ...texts,
    forms: fields.list(z.enum(pledgeForms)).pipe(z.array(z.enum(pledgeForms)).min(1, 'pledges.errors.formRequired')),
    objectives: fields.list(z.coerce.number().int().min(1).max(23)).pipe(z.array(z.number()).min(1, 'pledges.errors.objectiveRequired').max(23)),
    principles: fields.list(z.coerce.number().int().min(1).max(10)).pipe(z.array(z.number()).max(10)),
    countries: fields.list(z.string().regex(/^[A-Z]{2}$/)).pipe(z.array(z.string()).max(60)),
    scope: z.enum(pledgeScopes),
    ...partners,
    starts_on: optionalDate,
    ends_on: optionalDate,
    /** Remove the current attachment (a new file replaces it anyway). */
    remove_attachment: fields.flag(),
  })
  .superRefine((v, ctx) => {
    const r = v as Record<string, unknown>;
    if (!LOCALES.some((l) => r[`title_${l}`])) ctx.addIssue({ code: 'custom', path: [`title_${LOCALES[0]}`], message: 'pledges.errors.titleRequired' });
    const given = LOCALES.filter((l) => r[`description_${l}`]);
    if (!given.length) ctx.addIssue({ code: 'custom', path: [`description_${LOCALES[0]}`], message: 'pledges.errors.descriptionRequired' });
    for (const l of given) {
      const n = charCount(String(r[`description_${l}`]));
      if (n < DESCRIPTION_MIN || n > DESCRIPTION_MAX) ctx.addIssue({ code: 'custom', path: [`description_${l}`], message: 'pledges.errors.descriptionLength' });
    }
    if (v.kind === 'matching') {
      const external = !!v.matches_external_id || !!v.matches_external_title;
      if (!v.matches_ref && !external) ctx.addIssue({ code: 'custom', path: ['matches_ref'], message: 'pledges.errors.matchRequired' });
      if (v.matches_ref && external) ctx.addIssue({ code: 'custom', path: ['matches_ref'], message: 'pledges.errors.matchOne' });
      if (external && !v.matches_external_id) ctx.addIssue({ code: 'custom', path: ['matches_external_id'], message: 'pledges.errors.externalIdRequired' });
      if (external && !v.matches_external_title) ctx.addIssue({ code: 'custom', path: ['matches_external_title'], message: 'pledges.errors.externalTitleRequired' });
    }
    if (v.starts_on && v.ends_on && v.ends_on < v.starts_on) ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'pledges.errors.endBeforeStart' });
    for (let i = 1; i <= PARTNER_ROWS; i++) {
      if (r[`partner_name_${i}`] && !r[`partner_sector_${i}`]) ctx.addIssue({ code: 'custom', path: [`partner_sector_${i}`], message: 'pledges.errors.sectorRequired' });
    }
  });

export type PledgeFormData = z.output<typeof PledgeFormSchema>;

/** What the save command stores. */
export interface PledgeInput {
  leadOrg: string;
  coOrgs: string[];
  bodySlug: string | null;
  kind: PledgeKind;
  matchesRef: string | null;
  matchesExternalId: string | null;
  matchesExternalTitle: string | null;
  title: Translated;
  description: Translated;
  forms: Form[];
  objectives: number[];
  principles: number[];
  countries: string[];
  scope: PledgeScope;
  partners: Partner[];
  startsOn: string | null;
  endsOn: string | null;
  removeAttachment: boolean;
}

export function toInput(d: PledgeFormData): PledgeInput {
  const r = d as unknown as Record<string, string | undefined>;
  const partnerList: Partner[] = [];
  for (let i = 1; i <= PARTNER_ROWS; i++) {
    const name = r[`partner_name_${i}`];
    const sector = r[`partner_sector_${i}`];
    if (name && sector) partnerList.push({ name, sector: sector as Partner['sector'] });
  }
  const matching = d.kind === 'matching';
  return {
    leadOrg: d.lead_org,
    coOrgs: [...new Set(d.co_orgs)].filter((o) => o !== d.lead_org),
    bodySlug: d.body ?? null,
    kind: d.kind,
    matchesRef: matching ? (d.matches_ref ?? null) : null,
    matchesExternalId: matching && !d.matches_ref ? (d.matches_external_id ?? null) : null,
    matchesExternalTitle: matching && !d.matches_ref ? (d.matches_external_title ?? null) : null,
    title: translatedFromForm(d, 'title'),
    description: translatedFromForm(d, 'description'),
    forms: [...new Set(d.forms)],
    objectives: [...new Set(d.objectives)].sort((a, b) => a - b),
    principles: [...new Set(d.principles)].sort((a, b) => a - b),
    countries: [...new Set(d.countries)].sort(),
    scope: d.scope,
    partners: partnerList,
    startsOn: d.starts_on ?? null,
    endsOn: d.ends_on ?? null,
    removeAttachment: d.remove_attachment,
  };
}

/** The reviewers' decision: publish (with the starting status) or return with a comment. */
export const ReviewForm = z
  .object({
    decision: z.enum(['publish', 'return']),
    comment: z
      .string()
      .optional()
      .transform((v) => v?.slice(0, 5000).trim() || null),
  })
  .refine((v) => v.decision !== 'return' || !!v.comment, { path: ['comment'], message: 'pledges.errors.commentRequired' });

/** A dated progress note with the status it reports. */
export const UpdateForm = z
  .object({
    status: z.enum(pledgeStatuses),
    reported_on: z.iso.date(),
    ...Object.fromEntries(LOCALES.map((l) => [`note_${l}`, fields.optionalText(5000)])),
  })
  .refine((v) => LOCALES.some((l) => !!(v as Record<string, unknown>)[`note_${l}`]), { path: [`note_${LOCALES[0]}`], message: 'pledges.errors.noteRequired' });

/** The UN initiative's id (empty: clear it). */
export const UnIdForm = z.object({ un_id: fields.optionalText(100) });

/** A co-pledging organization confirming (the person may act for several). */
export const ConfirmForm = z.object({ org: id.optional().catch(undefined) });

export const WithdrawForm = z.object({ comment: fields.text(5000) });

/** Adding a link: the target's type and id (the picker offers them). */
export const LinkForm = z.object({ type: z.string().regex(/^[a-z]+\.[a-zA-Z_]+$/).max(60), target: z.string().min(1).max(100) });
