/** @module Events: the zod schemas of the module's forms, field by field, and what they become. */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { translatedFromForm } from '../../platform/i18n/translated.js';
import { fields } from '../../platform/http/forms.js';
import { EVENT_KINDS, EVENT_FORMATS, VISIBILITIES, REGISTRATION_MODES, SECTORS, PARTICIPANT_ROLES, QUESTION_KINDS, MATERIAL_PHASES, MATERIAL_AUDIENCES, EXTERNAL_BY } from './tables.js';
import type { QuestionInput } from './commands/questions.js';
import { fromLocalInput, isTimeZone } from './core/time.js';
import type { EventInput } from './commands/save.js';

const titleIn = z.string().trim().max(200).optional();
const descIn = z.string().trim().max(10000).optional();
const local = z.string().trim().optional().transform((v) => (v ? v : undefined));
/** How many agenda rows the form offers (blank rows are ignored). */
export const AGENDA_ROWS = 8;

const agendaFields: Record<string, z.ZodType> = {};
for (let i = 0; i < AGENDA_ROWS; i++) {
  agendaFields[`agenda_${i}_at`] = local;
  agendaFields[`agenda_${i}_title`] = fields.optionalText(300);
  agendaFields[`agenda_${i}_speakers`] = fields.optionalText(300);
}

/** Creating or editing an event. Times are wall-clock times in `time_zone` (the event's zone). */
export const EventForm = z
  .object({
    kind: z.enum(EVENT_KINDS),
    /** Title and description in as many of the four languages as the organizers write (at least one title). */
    title_es: titleIn,
    title_en: titleIn,
    title_pt: titleIn,
    title_fr: titleIn,
    description_es: descIn,
    description_en: descIn,
    description_pt: descIn,
    description_fr: descIn,
    /** The language the event was written in (translation status is measured against it). */
    original_lang: z.enum(LOCALES as unknown as [Locale, ...Locale[]]),
    /** Organizing bodies (slugs' ids, checkboxes). */
    bodies: fields.list(z.string().regex(/^[0-9a-z]{16}$/)),
    objectives: fields.list(z.coerce.number().int().min(1).max(23)),
    format: z.enum(EVENT_FORMATS),
    venue_address: fields.optionalText(300),
    venue_city: fields.optionalText(120),
    venue_country: z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.string().regex(/^[A-Z]{2}$/).optional()),
    online_url: fields.optionalUrl(),
    time_zone: z.string().refine(isTimeZone, { message: 'events.errors.timeZone' }),
    starts_at: z.string().trim().min(1),
    ends_at: z.string().trim().min(1),
    visibility: z.enum(VISIBILITIES),
    visibility_body: z.string().optional().transform((v) => (v ? v : undefined)),
    registration_mode: z.enum(REGISTRATION_MODES),
    /** Seats (empty: no limit). */
    capacity: z.string().trim().optional().transform((v) => (v ? Number(v) : undefined)).pipe(z.number().int().min(1).max(100000).optional()),
    registration_closes_at: local,
    /** Empty: the Mechanism's own event; else who organizes it (representation at others' events). */
    external_by: z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.enum(EXTERNAL_BY).optional()),
    external_organizer: fields.optionalText(300),
    ...agendaFields,
  })
  .refine((v) => !v.external_by || !!v.external_organizer, { message: 'events.errors.externalOrganizer', path: ['external_organizer'] })
  .refine((v) => LOCALES.some((l) => !!v[`title_${l}`]), { message: 'events.errors.titleRequired', path: ['title_es'] })
  .refine((v) => !!v[`title_${v.original_lang}`], { message: 'events.errors.titleInOriginal', path: ['original_lang'] })
  .refine((v) => !!fromLocalInput(v.starts_at, isTimeZone(v.time_zone) ? v.time_zone : 'UTC'), { message: 'form.error.format', path: ['starts_at'] })
  .refine((v) => !!fromLocalInput(v.ends_at, isTimeZone(v.time_zone) ? v.time_zone : 'UTC'), { message: 'form.error.format', path: ['ends_at'] })
  .refine((v) => !v.registration_closes_at || !!fromLocalInput(v.registration_closes_at, isTimeZone(v.time_zone) ? v.time_zone : 'UTC'), { message: 'form.error.format', path: ['registration_closes_at'] })
  .refine(
    (v) => {
      const z0 = isTimeZone(v.time_zone) ? v.time_zone : 'UTC';
      const s = fromLocalInput(v.starts_at, z0);
      const e = fromLocalInput(v.ends_at, z0);
      return !s || !e || s < e;
    },
    { message: 'events.errors.endBeforeStart', path: ['ends_at'] },
  )
  .refine((v) => v.format === 'online' || !!v.venue_city, { message: 'events.errors.venueRequired', path: ['venue_city'] })
  .refine((v) => v.format === 'in_person' || !!v.online_url, { message: 'events.errors.linkRequired', path: ['online_url'] })
  .refine((v) => v.visibility !== 'body' || !!v.visibility_body, { message: 'events.errors.visibilityBody', path: ['visibility_body'] });

export type EventFormData = z.output<typeof EventForm>;

/** The valid form as the command's input (times to UTC instants in the event's zone). */
export function eventInput(d: EventFormData): EventInput {
  const zone = d.time_zone;
  const at = (v: string) => fromLocalInput(v, zone)!.toISOString();
  const agenda: EventInput['agenda'] = [];
  const raw = d as unknown as Record<string, string | undefined>;
  for (let i = 0; i < AGENDA_ROWS; i++) {
    const title = raw[`agenda_${i}_title`];
    const when = raw[`agenda_${i}_at`];
    const t = when ? fromLocalInput(when, zone) : null;
    if (title && t) agenda.push({ startsAt: t.toISOString(), title, speakers: raw[`agenda_${i}_speakers`] ?? null });
  }
  agenda.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    kind: d.kind,
    title: translatedFromForm(d, 'title'),
    description: translatedFromForm(d, 'description'),
    originalLang: d.original_lang,
    format: d.format,
    venue: d.format === 'online' ? { address: null, city: null, country: null } : { address: d.venue_address ?? null, city: d.venue_city ?? null, country: d.venue_country ?? null },
    onlineUrl: d.format === 'in_person' ? null : d.online_url ?? null,
    startsAt: at(d.starts_at),
    endsAt: at(d.ends_at),
    timeZone: zone,
    visibility: d.visibility,
    visibilityBodyId: d.visibility === 'body' ? d.visibility_body ?? null : null,
    registrationMode: d.registration_mode,
    capacity: d.capacity ?? null,
    registrationClosesAt: d.registration_closes_at ? at(d.registration_closes_at) : null,
    bodyIds: [...new Set(d.bodies)],
    objectives: [...new Set(d.objectives)],
    agenda,
    external: d.external_by ? { by: d.external_by, organizer: d.external_organizer ?? '' } : null,
  };
}

/** A agenda row whose time is not a wall time is refused at that field. */
export function agendaProblem(d: EventFormData): string | null {
  const raw = d as unknown as Record<string, string | undefined>;
  for (let i = 0; i < AGENDA_ROWS; i++) {
    const when = raw[`agenda_${i}_at`];
    const title = raw[`agenda_${i}_title`];
    if ((when || title) && (!when || !title || !fromLocalInput(when, d.time_zone))) return `agenda_${i}_at`;
  }
  return null;
}

/** Registering with an account: the sector one takes part for, the organization (optional), an invitation code. */
export const RegisterInput = z.object({
  sector: z.enum(SECTORS),
  /** One of the person's member organizations (directory), or none. */
  org: z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.string().regex(/^[0-9a-z]{16}$/).optional()),
  organization: fields.optionalText(200),
  code: fields.optionalText(40),
});

/** Registering without an account. */
export const GuestInput = z.object({
  name: fields.text(200),
  email: fields.email(),
  organization: fields.optionalText(200),
  sector: z.enum(SECTORS),
  code: fields.optionalText(40),
});

/** An organizer's decision on a registration. */
export const DecideInput = z
  .object({
    decision: z.enum(['approve', 'decline']).optional(),
    role: z.enum(PARTICIPANT_ROLES).optional(),
    attendance: z.enum(['present', 'absent']).optional(),
  })
  .refine((v) => [v.decision, v.role, v.attendance].filter(Boolean).length === 1, { message: 'form.error.choice', path: ['decision'] });

/** A check-in code typed at the door. */
export const CheckInInput = z.object({ code: fields.text(12) });

export const InviteInput = z.object({ email: fields.email() });

/** How many follow-up action rows the minutes form offers. */
export const ACTION_ROWS = 5;
const minutesFields: Record<string, z.ZodType> = {};
for (const l of LOCALES) {
  minutesFields[`summary_${l}`] = z.string().trim().max(20000).optional();
  minutesFields[`agreements_${l}`] = z.string().trim().max(20000).optional();
}
for (let i = 0; i < ACTION_ROWS; i++) {
  minutesFields[`action_${i}_text`] = fields.optionalText(500);
  minutesFields[`action_${i}_body`] = z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.string().regex(/^[0-9a-z]{16}$/).optional());
  minutesFields[`action_${i}_due`] = z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.iso.date().optional());
}

/** The minutes: summary and agreements per language (Markdown), follow-up actions, publish or keep as draft. */
export const MinutesForm = z.object({ ...minutesFields, publish: fields.flag() });

export function minutesInput(d: z.output<typeof MinutesForm>) {
  const raw = d as unknown as Record<string, string | undefined>;
  const actions: { text: string; bodyId: string | null; dueOn: string | null }[] = [];
  for (let i = 0; i < ACTION_ROWS; i++) {
    const text = raw[`action_${i}_text`];
    if (text) actions.push({ text, bodyId: raw[`action_${i}_body`] ?? null, dueOn: raw[`action_${i}_due`] ?? null });
  }
  return { summary: translatedFromForm(raw, 'summary'), agreements: translatedFromForm(raw, 'agreements'), actions, publish: (d as { publish: boolean }).publish };
}

/** How many question rows the organizers' form offers (blank rows are ignored). */
export const QUESTION_ROWS = 6;
const questionFields: Record<string, z.ZodType> = {};
for (let i = 0; i < QUESTION_ROWS; i++) {
  questionFields[`question_${i}_id`] = z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.string().regex(/^[0-9a-z]{16}$/).optional());
  questionFields[`question_${i}_kind`] = z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.enum(QUESTION_KINDS).optional());
  questionFields[`question_${i}_label`] = fields.optionalText(300);
  questionFields[`question_${i}_choices`] = z.string().max(3000).optional();
  questionFields[`question_${i}_required`] = fields.flag();
}
const choicesOf = (v: unknown) => [...new Set(String(v ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean))];

/** The registration questions: each row a kind (empty: no question), its wording, its options (one per line). */
export const QuestionsForm = z.object(questionFields).superRefine((v, ctx) => {
  const raw = v as Record<string, unknown>;
  for (let i = 0; i < QUESTION_ROWS; i++) {
    const kind = raw[`question_${i}_kind`];
    if (!kind) {
      if (raw[`question_${i}_label`]) ctx.addIssue({ code: 'custom', message: 'events.errors.questionKind', path: [`question_${i}_kind`] });
      continue;
    }
    if ((kind === 'text' || kind === 'choice') && !raw[`question_${i}_label`]) ctx.addIssue({ code: 'custom', message: 'events.errors.questionLabel', path: [`question_${i}_label`] });
    const n = choicesOf(raw[`question_${i}_choices`]);
    if (kind === 'choice' && (n.length < 2 || n.length > 20 || n.some((c) => c.length > 200))) ctx.addIssue({ code: 'custom', message: 'events.errors.questionChoices', path: [`question_${i}_choices`] });
  }
});

export function questionsInput(d: z.output<typeof QuestionsForm>): QuestionInput[] {
  const raw = d as Record<string, unknown>;
  const out: QuestionInput[] = [];
  for (let i = 0; i < QUESTION_ROWS; i++) {
    const kind = raw[`question_${i}_kind`] as QuestionInput['kind'] | undefined;
    if (!kind) continue;
    out.push({ id: raw[`question_${i}_id`] as string | undefined, kind, label: (raw[`question_${i}_label`] as string | undefined) ?? '', choices: kind === 'choice' ? choicesOf(raw[`question_${i}_choices`]) : [], required: !!raw[`question_${i}_required`] });
  }
  return out;
}

/** A material: a file (checked by its bytes) or a link, before or after the event, for whom. */
export const MaterialForm = z
  .object({
    title: fields.text(200),
    kind: z.enum(['file', 'link']),
    url: fields.optionalUrl(),
    phase: z.enum(MATERIAL_PHASES),
    audience: z.enum(MATERIAL_AUDIENCES),
  })
  .refine((v) => v.kind !== 'link' || !!v.url, { message: 'events.errors.materialUrl', path: ['url'] });

const repFields: Record<string, z.ZodType> = {};
for (const l of LOCALES) {
  repFields[`mandate_${l}`] = z.string().trim().max(20000).optional();
  repFields[`report_${l}`] = z.string().trim().max(20000).optional();
}
/** The representation: representatives (`<body id>:<user id>` of current position holders), mandate and report per language. */
export const RepresentationForm = z.object({ representatives: fields.list(z.string().regex(/^[0-9a-z]{16}:[0-9A-Za-z_-]{1,64}$/)), ...repFields });

export function representationInput(d: z.output<typeof RepresentationForm>) {
  const raw = d as unknown as Record<string, string | undefined>;
  return { picked: (d as { representatives: string[] }).representatives.map((v) => ({ bodyId: v.slice(0, 16), userId: v.slice(17) })), mandate: translatedFromForm(raw, 'mandate'), report: translatedFromForm(raw, 'report') };
}
