/**
 * @module Outcome
 * What every command returns: success with its value, or a refusal whose reason is an i18n message key
 * (`'bodies.errors.alreadyMember'`), so a refusal can always be shown to a person in their language. The
 * i18n test checks that every `fail('…')` key exists in the four catalogs.
 */

/** A command's result: `{ ok: true, …value }` or `{ ok: false, reason }` (reason = message key). */
export type Outcome<T extends object = object, Reason extends string = string> = ({ ok: true } & T) | Refusal<Reason>;

/** A refusal: the reason is a message key; `field` places the message beside a form field; `params` fill it. */
export interface Refusal<Reason extends string = string> {
  ok: false;
  reason: Reason;
  field?: string;
  params?: Record<string, string | number>;
  /** Anything the page needs to explain the refusal (e.g. the existing organization a duplicate points to). */
  detail?: Record<string, unknown>;
}

/** Success, with the value's fields spread next to `ok`. */
export function ok(): { ok: true };
export function ok<T extends object>(value: T): { ok: true } & T;
export function ok<T extends object>(value?: T) {
  return { ok: true as const, ...(value ?? {}) };
}

/** A refusal with a message key (and optionally the form field it belongs beside). */
export function fail<Reason extends string>(reason: Reason, opts: Omit<Refusal<Reason>, 'ok' | 'reason'> = {}): Refusal<Reason> {
  return { ok: false, reason, ...opts };
}
