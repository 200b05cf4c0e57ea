/** @module Elections: the zod schemas of the module's forms, field by field, and what they become. */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { translatedFromForm, type Translated } from '../../platform/i18n/translated.js';
import { fields, deadlineFields, deadlineAt } from '../../platform/http/forms.js';
import { ok, fail, type Outcome } from '../../platform/outcome.js';
import { POSITIONS, type Position } from './core/index.js';
import type { ElectionInput } from './commands/lifecycle.js';

const optDate = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());
const position = z.enum(POSITIONS as [Position, ...Position[]]);
const titleIn = z.string().trim().max(200).optional();

/** Calling or editing an election. */
export const ElectionForm = z
  .object({
    /** The body (slug) the election is called for; read by the call action's loader. */
    body: z.string().optional(),
    /** The failed election this one calls again. */
    previous: z.string().regex(/^[0-9a-z]{16}$/).optional().catch(undefined),
    /** The title, in as many of the four languages as the secretary writes (at least one). */
    title_es: titleIn,
    title_en: titleIn,
    title_pt: titleIn,
    title_fr: titleIn,
    /** The positions filled (checkboxes), among those of the body's kind. */
    positions: fields.list(position).pipe(z.array(position).min(1)),
    /** Share of the roll that must vote for a result, in percent. */
    quorum_pct: z.coerce.number().int().min(1).max(100),
    /**
     * Optional deadlines, each a date, a time and a time zone (platform DeadlineField). Without a time,
     * nominations and voting close at 23:59 and voting opens at 00:00 on the clocks of the zone given.
     * The election keeps one zone, voting close's (see `electionInput`).
     */
    ...deadlineFields('nominations_close'),
    ...deadlineFields('voting_opens'),
    ...deadlineFields('voting_closes'),
    /** The elected people's term. */
    term_start: z.iso.date(),
    term_end: optDate,
    /** Publish the list of organizations that voted (not how) in the record. */
    publish_voters: fields.flag(),
  })
  .refine((v) => LOCALES.some((l) => !!v[`title_${l}`]), { message: 'elections.errors.titleRequired', path: ['title_es'] })
  .refine((v) => before(deadlines(v).nominationsCloseAt, deadlines(v).votingOpensAt), { message: 'elections.errors.nominationsAfterOpen', path: ['nominations_close_on'] })
  .refine((v) => before(deadlines(v).votingOpensAt, deadlines(v).votingClosesAt), { message: 'elections.errors.closeBeforeOpen', path: ['voting_closes_on'] })
  .refine((v) => !v.term_end || v.term_start < v.term_end, { message: 'elections.errors.termOrder', path: ['term_end'] });

/** The three deadlines of the form as instants (ISO, UTC), null where no date was given. */
function deadlines(d: Record<string, unknown>) {
  return {
    nominationsCloseAt: deadlineAt(d, 'nominations_close', '23:59'),
    votingOpensAt: deadlineAt(d, 'voting_opens', '00:00'),
    votingClosesAt: deadlineAt(d, 'voting_closes', '23:59'),
  };
}
const before = (a: string | null, b: string | null) => !a || !b || a < b;

/** The valid form as the commands' input; refuses positions the body's kind does not have. */
export function electionInput(d: z.output<typeof ElectionForm>, allowed: readonly Position[]): Outcome<{ input: ElectionInput }> {
  if (d.positions.some((p) => !allowed.includes(p))) return fail('form.error.choice', { field: 'positions' });
  return ok({
    input: {
      title: translatedFromForm(d, 'title'),
      positions: allowed.filter((p) => d.positions.includes(p)),
      quorumPct: d.quorum_pct,
      ...deadlines(d),
      // One zone per election: the one voting close was typed in (the form offers the same default in all
      // three, and each deadline's instant is read in its own zone, so none moves).
      timeZone: d.voting_closes_zone ?? 'UTC',
      termStart: d.term_start,
      termEnd: d.term_end ?? null,
      publishVoters: d.publish_voters,
    },
  });
}

const statement = {
  /** A statement of the candidate (optional), in one language. */
  statement: z.string().trim().max(3000).optional(),
  /** The statement's language. */
  statement_lang: z.enum(LOCALES as unknown as [Locale, ...Locale[]]).optional().catch(undefined),
};

/** A statement as translated text (empty when none was written). */
export function statementOf(d: { statement?: string; statement_lang?: Locale }): Translated {
  return d.statement ? { [d.statement_lang ?? 'es']: d.statement } : {};
}

/** Nominating oneself (with the organization one stands for) or another person (by their email). */
export const NominateInput = z.object({
  position,
  who: z.enum(['self', 'other']),
  org: z.string().optional(),
  email: z.string().trim().toLowerCase().max(254).optional(),
  ...statement,
});

/** The nominee's answer: accept (standing for an organization, with a statement) or decline / withdraw. */
export const RespondInput = z.object({
  answer: z.enum(['accept', 'decline']).catch('decline'),
  org: z.string().optional(),
  ...statement,
});

/** A ballot: the organization voting, and `race_<id>` = a candidate's id or 'blank' for each race. */
export const BallotInput = z.looseObject({ org: z.string().max(40).optional(), step: z.enum(['review', 'change', 'confirm']).optional() });

/** Mailing oneself a receipt just shown: the receipt and the ballot's hash, as the receipt page carries them. */
export const ReceiptMailInput = z.object({ receipt: z.string().max(40), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** A receipt lookup: the code (read from a POST body, never a URL). */
export const ReceiptInput = z.object({ code: z.string().optional().transform((v) => (v ?? '').slice(0, 60).trim()) });
