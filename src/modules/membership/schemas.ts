/** @module Membership: input schemas (forms, API, CSV import) and the normalizations they share. */
import { z } from 'zod';
import { fields } from '../../platform/http/forms.js';
import { parsePage } from '../../platform/http/page.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { newPassword, notPersonal } from '../../platform/auth/password.js';

/** Kinds of organization, in the order forms show them. */
export const ORG_TYPES = [
  'ngo',
  'network',
  'migrant_led',
  'faith_based',
  'academic',
  'trade_union',
  'women',
  'youth',
  'indigenous_afro',
  'lgbtiq',
  'humanitarian',
  'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Working languages offered (ISO 639-1): the four of the interface, then others spoken in the region. */
export const WORKING_LANGUAGES = ['es', 'en', 'pt', 'fr', 'ht', 'nl', 'qu', 'gn', 'ay', 'other'] as const;

/** Fields an organization may make public (name, country and status are always public for members). */
export const PUBLIC_FIELDS = ['acronym', 'city', 'type', 'website', 'social', 'description', 'countries', 'objectives', 'bodies', 'languages', 'logo'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export const SORTS = ['name', 'newest', 'country'] as const;

/** Lower case, accents removed, spaces collapsed: for search and duplicate checks. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The website's host without "www.", or null. */
export function websiteKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return (u.host.replace(/^www\./, '') + u.pathname.replace(/\/+$/, '')).toLowerCase();
  } catch {
    return null;
  }
}

const alpha2 = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/);
const socialList = z
  .string()
  .max(2000)
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/\s+/)
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ }).max(500)).max(10, { message: 'membership.errors.tooManyLinks' }));

/** The organization's own data, shared by the application and the profile form. */
export const OrgFields = {
  name: fields.text(200),
  acronym: fields.optionalText(30),
  country: alpha2,
  countries: fields.list(alpha2).pipe(z.array(alpha2).max(60)),
  city: fields.optionalText(120),
  type: z.enum(ORG_TYPES),
  objectives: fields.list(z.coerce.number().int().min(1).max(23)).pipe(z.array(z.number()).min(1).max(23)),
  languages: fields.list(z.enum(WORKING_LANGUAGES)).pipe(z.array(z.enum(WORKING_LANGUAGES)).min(1)),
  website: fields.optionalUrl(),
  social: socialList,
};

export const ApplicationSchema = z
  .object({
    ...OrgFields,
    description: fields.optionalText(3000),
    description_lang: z.enum(LOCALES),
    role_title: fields.text(120),
    accept_principles: fields.accepted('membership.errors.acceptPrinciples'),
    accept_terms: fields.accepted('membership.errors.acceptTerms'),
  })
  .strip();
export type ApplicationInput = z.output<typeof ApplicationSchema>;

/** Account fields on the application when the applicant is not signed in. */
export const ApplicantAccountSchema = z
  .object({
    person_name: fields.text(120),
    email: fields.email(),
    password: newPassword(),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' })
  .superRefine(notPersonal('person_name'));

export const ProfileSchema = z.object({
  ...OrgFields,
  description_es: fields.optionalText(3000),
  description_en: fields.optionalText(3000),
  description_pt: fields.optionalText(3000),
  description_fr: fields.optionalText(3000),
  public_fields: fields.list(z.enum(PUBLIC_FIELDS)),
  contact_name: fields.optionalText(120),
  contact_email: fields.optionalText(254).pipe(z.email().optional()),
  contact_phone: fields.optionalText(40),
  contact_role: fields.optionalText(120),
});
export type ProfileInput = z.output<typeof ProfileSchema>;

export const ReasonSchema = z.object({ reason: fields.text(2000) });
/** A review step's reason: each step's form has its own field (required by the steps that need one). */
export const ReviewSchema = z.object({
  reason_request_info: fields.optionalText(2000),
  reason_decline: fields.optionalText(2000),
  reason_suspend: fields.optionalText(2000),
  reason_withdraw: fields.optionalText(2000),
});
export const InviteSchema = z.object({ email: fields.email() });
export const PeopleSchema = z.object({
  representatives: fields.list(z.string().max(40)),
  voter: z.string().max(40).optional(),
});

export const DirectoryQuery = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional()
    .catch(undefined),
  type: z.enum(ORG_TYPES).optional().catch(undefined),
  objective: z.coerce.number().int().min(1).max(23).optional().catch(undefined),
  body: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z
    .unknown()
    .transform((v) => (v === undefined || v === null ? undefined : parsePage(String(v))))
    .optional(),
});
export type DirectoryFilter = z.output<typeof DirectoryQuery>;
