/**
 * @module New passwords
 * The one check of every new password (sign-up, the join form, reset, change), per OWASP ASVS 5.0 §6.2:
 * 10 to 200 characters, not only whitespace or one repeated character, not one of the ~49,000 common and
 * breached passwords of @zxcvbn-ts/language-common (shipped in the package: no network call), and not the
 * account's own name or address. `newPassword()` is the zod field; `personalPasswordProblem` checks a
 * password against a name and address (schemas refine with it, the change form calls it with the actor's).
 * Each problem is a message key shown beside the field.
 */
import { z } from 'zod';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** The message key of what is wrong with a password on its own, or null. */
export function passwordProblem(password: string): string | null {
  if (/^\s*$/.test(password)) return 'auth.errors.passwordBlank';
  if (new Set([...password]).size === 1) return 'auth.errors.passwordRepeated';
  if (COMMON.has(password.toLowerCase()) || COMMON.has(password.trim().toLowerCase())) return 'auth.errors.passwordCommon';
  return null;
}

/** The message key when the password is, or contains, the account's name or address (or its local part). */
export function personalPasswordProblem(password: string, who: { name?: string | null; email?: string | null }): string | null {
  // Compared on letters and digits only: `Marta.Gomez-2024` contains the name `Marta Gómez`.
  const bare = (s: string) => s.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const p = bare(password);
  const email = (who.email ?? '').trim();
  const parts = [email, email.split('@')[0] ?? '', who.name ?? ''].map(bare).filter((s) => s.length >= 4);
  return parts.some((s) => p.includes(s)) ? 'auth.errors.passwordPersonal' : null;
}

/** The zod field of a new password (length, blank, repeated, common). */
export const newPassword = () =>
  z
    .string()
    .min(PASSWORD_MIN)
    .max(PASSWORD_MAX)
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A refinement for a form object with the password and the account's name and address fields. */
export const notPersonal =
  <K extends string>(nameField: K) =>
  (v: Record<K | 'email' | 'password', unknown>, ctx: z.RefinementCtx) => {
    const problem = typeof v.password === 'string' ? personalPasswordProblem(v.password, { name: String(v[nameField] ?? ''), email: String(v.email ?? '') }) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  };
