/**
 * @module Actions
 * The one way to handle a form post. An action is declared once, in the fixed order every handler follows:
 *
 *   sign-in (401) → load the subject (404) → the named policy rule (403) → the zod input (422, what was
 *   typed kept, each problem beside its field) → the command, in one transaction → a refusal's reason (a
 *   message key) shown beside its field or as a flash → redirect with a flash on success.
 *
 * A refusal rolls the transaction back, so a refused command changes nothing. After the commit the mail
 * pipeline is woken (notifications written by the command are delivered by a background job).
 *
 * ```ts
 * app.post(paths.join.pattern, action({
 *   load: (c) => getBodyBySlug(c.get('deps').db, c.req.param('slug')),
 *   allow: (actor, body) => bodiesPolicy.can(actor, 'requestJoin', body.facts),
 *   input: JoinInput,
 *   run: (trx, { actor, subject, input }) => requestJoin(trx, actor, { bodyId: subject.id, orgId: input.org }),
 *   form: (c, { subject, form }) => renderArea(c, subject, form),     // optional: re-render with 422
 *   done: ({ subject, locale }) => ({ to: paths.area.href(locale, { slug: subject.slug }), flash: 'bodies.area.requested' }),
 * }));
 * ```
 */
import type { Context, Handler } from 'hono';
import type { z } from 'zod';
import type { AppDeps, AppEnv, CurrentUser } from './env.js';
import type { Db } from '../../db/schema.js';
import type { Locale } from '../i18n/locales.js';
import type { T } from '../i18n/i18n.js';
import type { FieldErrors, FormState, FormValues } from '../views/components.js';
import type { Outcome, Refusal } from '../outcome.js';
import { readForm, validate } from './forms.js';
import { redirectWith, type FlashMessage } from './flash.js';
import { AuthzError } from '../authz/authz.js';

/** What every step of an action sees. */
export interface ActionContext<Actor, S, I> {
  c: Context<AppEnv>;
  deps: AppDeps;
  actor: Actor;
  subject: S;
  input: I;
  locale: Locale;
  t: T;
  /** The posted values as typed (files left out). */
  values: FormValues;
}

/** Where to go after success, and what to say there (a message key, or a full flash). */
export type Done = { to: string; flash?: string | FlashMessage } | Response;

export interface ActionSpec<S, Schema extends z.ZodType | undefined, V extends object, Public extends boolean, K extends object = object> {
  /** true when a signed-out visitor may post (sign-in, the join form); otherwise 401 comes first. */
  public?: Public;
  /** Loads the subject of the action (null or undefined → 404). */
  load?: (c: Context<AppEnv>, actor: Public extends true ? CurrentUser | null : CurrentUser) => Promise<S | null | undefined>;
  /** The named policy rule: false → 401 when signed out, 403 when signed in. */
  allow: (actor: Public extends true ? CurrentUser | null : CurrentUser, subject: S, c: Context<AppEnv>) => boolean | Promise<boolean>;
  /** The zod schema of the form; messages come from `form.error.*` or the schema's own message keys. */
  input?: Schema;
  /** The command, run inside one transaction. A refusal rolls it back. */
  run: (trx: Db, x: ActionContext<Public extends true ? CurrentUser | null : CurrentUser, S, Schema extends z.ZodType ? z.output<Schema> : undefined>) => Promise<Outcome<V>>;
  /** Success: where to go, with which flash. */
  done: (x: ActionContext<Public extends true ? CurrentUser | null : CurrentUser, S, Schema extends z.ZodType ? z.output<Schema> : undefined> & { value: V }) => Done | Promise<Done>;
  /**
   * Renders the form again (the action sets status 422) with what was typed and each problem beside its
   * field. Without it, invalid input and refusals go back (`back`, or the Referer's path) with an error flash.
   */
  form?: (c: Context<AppEnv>, x: { actor: Public extends true ? CurrentUser | null : CurrentUser; subject: S; form: FormState; kept?: K }) => Response | Promise<Response>;
  /**
   * Where drafts exist: when the input or the command is refused, what was typed is still saved — by this
   * laxer schema and command, in a transaction of its own — before the form comes back with its problems
   * (`form` receives the saved value as `kept`). A failed "submit for review" then loses nothing. When the
   * draft itself is not valid or is refused, nothing is saved and the form comes back as usual.
   */
  keep?: {
    input: z.ZodType;
    run: (trx: Db, x: ActionContext<Public extends true ? CurrentUser | null : CurrentUser, S, any>) => Promise<Outcome<K>>;
  };
  /** Where a button-post goes back to with an error flash (defaults to the page it was posted from). */
  back?: (x: { c: Context<AppEnv>; subject: S; locale: Locale }) => string;
  /** Work after the commit (enqueue a job, …); failures are logged, never shown as the action's failure. */
  after?: (x: ActionContext<Public extends true ? CurrentUser | null : CurrentUser, S, Schema extends z.ZodType ? z.output<Schema> : undefined> & { value: V }) => Promise<void> | void;
}

class Rollback extends Error {
  constructor(readonly refusal: Refusal) {
    super('rollback');
  }
}

/** Declares a form action; returns a Hono handler for `app.post(pattern, action({…}))`. */
export function action<S = undefined, Schema extends z.ZodType | undefined = undefined, V extends object = object, Public extends boolean = false, K extends object = object>(
  spec: ActionSpec<S, Schema, V, Public, K>,
): Handler<AppEnv> {
  return async (c) => {
    const deps = c.get('deps');
    const user = c.get('user');
    if (!spec.public && !user) throw new AuthzError(401);
    const actor = user as Public extends true ? CurrentUser | null : CurrentUser;
    let subject = undefined as S;
    if (spec.load) {
      const loaded = await spec.load(c, actor);
      if (loaded === null || loaded === undefined) return c.notFound();
      subject = loaded;
    }
    if (!(await spec.allow(actor, subject, c))) throw new AuthzError(user ? 403 : 401);

    const t = c.get('t');
    const locale = c.get('locale');
    const values = await readForm(c);
    let input: unknown = undefined;
    if (spec.input) {
      const v = validate(spec.input, values, t);
      if (!v.ok) return refuse(c, spec, { actor, subject, locale, values, errors: v.errors });
      input = v.data;
    }
    const x = { c, deps, actor, subject, input, locale, t, values } as ActionContext<typeof actor, S, any>;
    let outcome: Outcome<V>;
    try {
      outcome = await deps.db.transaction().execute(async (trx) => {
        const r = await spec.run(trx, x);
        if (!r.ok) throw new Rollback(r);
        return r;
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
      const r = err.refusal;
      const message = t(r.reason, r.params);
      return refuse(c, spec, { actor, subject, locale, values, errors: { [r.field ?? '_form']: message }, flash: { type: 'error', key: r.reason, params: r.params } });
    }
    const { ok: _ok, ...value } = outcome as { ok: true } & V;
    const done = { ...x, value: value as unknown as V };
    void deps.mailer.wake();
    if (spec.after) {
      try {
        await spec.after(done);
      } catch (err) {
        c.get('log').error({ err }, 'after-commit work failed');
      }
    }
    const d = await spec.done(done);
    if (d instanceof Response) return d;
    const flash = typeof d.flash === 'string' ? ({ type: 'success', key: d.flash } as FlashMessage) : d.flash;
    return redirectWith(c, d.to, flash);
  };
}

async function refuse<S>(
  c: Context<AppEnv>,
  spec: ActionSpec<S, any, any, any, any>,
  x: { actor: any; subject: S; locale: Locale; values: FormValues; errors: FieldErrors; flash?: FlashMessage },
): Promise<Response> {
  const kept = spec.keep ? await keepDraft(c, spec, x) : undefined;
  if (spec.form) {
    c.status(422);
    const res = await spec.form(c, { actor: x.actor, subject: x.subject, form: { values: x.values, errors: x.errors }, kept });
    return res.status === 422 ? res : new Response(res.body, { status: 422, headers: res.headers });
  }
  const to = spec.back ? spec.back({ c, subject: x.subject, locale: x.locale }) : sameOriginReferer(c) ?? `/${x.locale}/`;
  const flash = x.flash ?? { type: 'error' as const, key: 'form.error.invalid' };
  return redirectWith(c, to, flash);
}

/** Saves what was typed with the action's `keep` schema and command; the saved value, or undefined. */
async function keepDraft<S>(
  c: Context<AppEnv>,
  spec: ActionSpec<S, any, any, any, any>,
  x: { actor: any; subject: S; locale: Locale; values: FormValues },
): Promise<object | undefined> {
  const keep = spec.keep!;
  const t = c.get('t');
  const v = validate(keep.input, x.values, t);
  if (!v.ok) return undefined;
  const deps = c.get('deps');
  const ax = { c, deps, actor: x.actor, subject: x.subject, input: v.data, locale: x.locale, t, values: x.values };
  try {
    const r = await deps.db.transaction().execute(async (trx) => {
      const r = await keep.run(trx, ax);
      if (!r.ok) throw new Rollback(r);
      return r;
    });
    const { ok: _ok, ...value } = r as { ok: true };
    return value;
  } catch (err) {
    if (err instanceof Rollback) return undefined;
    throw err;
  }
}

/** The path of the page the form was posted from, when it is ours. */
function sameOriginReferer(c: Context<AppEnv>): string | null {
  const ref = c.req.header('referer');
  if (!ref) return null;
  try {
    const u = new URL(ref);
    if (u.host !== new URL(c.req.url).host) return null;
    return u.pathname + u.search;
  } catch {
    return null;
  }
}
