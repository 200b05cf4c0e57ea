/**
 * @module Unsubscribe
 * /:lang/unsubscribe/:token — the link in every digest and its List-Unsubscribe header (RFC 8058). No sign-in: the
 * signed token (platform/digest/token.ts) names the person and what to stop. GET shows what the button will
 * stop; POST stops it — from the page's form, or one-click from a mail provider (body
 * `List-Unsubscribe=One-Click`, no cookie: the CSRF check exempts this path only, and the token is the proof).
 * A forged, altered, expired or deleted person's token is refused (404) and changes nothing.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import type { Db } from '../../db/schema.js';
import type { ModuleManifest } from '../module.js';
import { paths } from '../paths.js';
import { action } from '../http/action.js';
import { platformPolicy } from '../policy.js';
import { ok, fail, type Outcome } from '../outcome.js';
import { Form, Button } from '../views/components.js';
import { preferencesOf, savePreferences } from '../notify/notify.js';
import { modesFor, updateKinds } from './kinds.js';
import { verifyUnsubscribeToken, type UnsubscribeClaim } from './token.js';

export const digestRoutes = new Hono<AppEnv>({ strict: false });

interface Subject extends UnsubscribeClaim {
  email: string;
}

/** The token's claim with its person's address; null when the token or the person is not genuine. */
async function load(c: Context<AppEnv>): Promise<Subject | null> {
  const { config, db, modules } = c.get('deps');
  const claim = verifyUnsubscribeToken(config.authSecret, c.req.param('token') ?? '');
  if (!claim) return null;
  if (claim.scope !== 'all' && !updateKinds(modules).some((k) => k.kind === claim.scope)) return null;
  const user = await db.selectFrom('users').select(['email']).where('id', '=', claim.userId).executeTakeFirst();
  if (!user || user.email.endsWith('@deleted.invalid')) return null;
  return { ...claim, email: user.email };
}

/** Turns off the token's scope: one update kind, or every update kind. */
export async function unsubscribe(db: Db, modules: ManifestList, claim: UnsubscribeClaim): Promise<Outcome> {
  const kinds = updateKinds(modules).filter((k) => claim.scope === 'all' || k.kind === claim.scope);
  if (!kinds.length) return fail('digest.unsubscribe.invalidTitle');
  await savePreferences(db, claim.userId, kinds, Object.fromEntries(kinds.map((k) => [k.kind, 'off' as const])));
  return ok();
}
type ManifestList = ModuleManifest[];

digestRoutes.get(paths.unsubscribe.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const s = await load(c);
  if (!s) {
    c.status(404);
    return c.render(
      <>
        <h1>{t('digest.unsubscribe.invalidTitle')}</h1>
        <p>{t('digest.unsubscribe.invalidText')}</p>
        <p>
          <a href={paths.accountNotifications.href(l)}>{t('notify.settings.title')}</a>
        </p>
      </>,
      { title: t('digest.unsubscribe.invalidTitle'), noindex: true },
    );
  }
  const { db, modules } = c.get('deps');
  const kinds = updateKinds(modules);
  const modes = modesFor(kinds, await preferencesOf(db, s.userId));
  const scoped = kinds.filter((k) => s.scope === 'all' || k.kind === s.scope);
  const stopped = scoped.every((k) => modes[k.kind] === 'off');
  const kind = kinds.find((k) => k.kind === s.scope);
  return c.render(
    <>
      <h1>{t('digest.unsubscribe.title')}</h1>
      {stopped ? (
        <p>{t('digest.unsubscribe.already', { email: s.email })}</p>
      ) : (
        <>
          <p>{kind ? t('digest.unsubscribe.leadKind', { kind: t(kind.label), email: s.email }) : t('digest.unsubscribe.leadAll', { email: s.email })}</p>
          <Form action={paths.unsubscribe.href(l, { token: c.req.param('token') ?? '' })}>
            <Button>{t('digest.unsubscribe.button')}</Button>
          </Form>
        </>
      )}
      <p>{t('digest.unsubscribe.settings')}</p>
      <p>
        <a href={paths.accountNotifications.href(l)}>{t('notify.settings.title')}</a>
      </p>
    </>,
    { title: t('digest.unsubscribe.title'), noindex: true },
  );
});

digestRoutes.post(
  paths.unsubscribe.pattern,
  action({
    public: true,
    load: (c) => load(c),
    allow: (actor, subject) => platformPolicy.can(actor, 'unsubscribeByLink', subject),
    run: (trx, { deps, subject }) => unsubscribe(trx, deps.modules, subject),
    done: ({ c, locale }) => ({ to: paths.unsubscribe.href(locale, { token: c.req.param('token') ?? '' }), flash: 'digest.unsubscribe.done' }),
  }),
);
