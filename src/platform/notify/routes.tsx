/**
 * @module Notification settings
 * /:lang/account/notifications: one page, one form, for every mail a person can get —
 * - what is new on the platform (every module's `updates`, platform/digest): right away, in a daily or weekly
 *   digest, or not at all (default: the weekly digest);
 * - messages about their work (every module's `notifications`): right away, or not at all;
 * - account security mails, listed as always sent.
 * Saved by one form post through the action helper, into the one `notification_preferences` table.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { requireUser } from '../authz/authz.js';
import { platformPolicy } from '../policy.js';
import { paths } from '../paths.js';
import { action } from '../http/action.js';
import { ok, fail } from '../outcome.js';
import { Form, Button, ChoiceField, ErrorSummary, emptyForm, type FormState } from '../views/components.js';
import { notificationKinds, preferencesOf, savePreferences, type NotificationMode } from './notify.js';
import { modesFor, modesOf, updateKinds } from '../digest/kinds.js';
import type { ModuleManifest } from '../module.js';

export const notifyRoutes = new Hono<AppEnv>({ strict: false });

const MESSAGE_MODES: NotificationMode[] = ['immediate', 'off'];
/** The form field of a kind (kinds hold dots and dashes; field names stay plain). */
export const field = (kind: string) => `kind_${kind.replace(/[^a-zA-Z0-9]/g, '_')}`;

/** Every choice on the page: each kind with the modes it offers. */
function choicesOf(modules: ModuleManifest[]) {
  const updates = updateKinds(modules).map((k) => ({ kind: k.kind, label: k.label, modes: modesOf(k) }));
  const taken = new Set(updates.map((u) => u.kind));
  const messages = notificationKinds(modules)
    .filter((k) => !k.mandatory && !taken.has(k.kind))
    .map((k) => ({ kind: k.kind, label: k.label, modes: MESSAGE_MODES }));
  return { updates, messages };
}

async function renderSettings(c: Context<AppEnv>, form?: FormState) {
  const user = requireUser(c);
  const t = c.get('t');
  const l = c.get('locale');
  const { db, modules } = c.get('deps');
  const { updates, messages } = choicesOf(modules);
  const mandatory = notificationKinds(modules).filter((k) => k.mandatory);
  const prefs = await preferencesOf(db, user.id);
  const updateModes = modesFor(updateKinds(modules), prefs);
  const state =
    form ??
    emptyForm({
      ...Object.fromEntries(updates.map((k) => [field(k.kind), updateModes[k.kind]!])),
      ...Object.fromEntries(messages.map((k) => [field(k.kind), prefs[k.kind] === 'off' ? 'off' : 'immediate'])),
    });
  const choice = (k: { kind: string; label: string; modes: NotificationMode[] }) => (
    <ChoiceField name={field(k.kind)} legend={t(k.label)} form={state} options={k.modes.map((m) => ({ value: m, label: t(`notify.modes.${m}`) }))} columns />
  );
  return c.render(
    <>
      <h1>{t('notify.settings.title')}</h1>
      <p class="lead">{t('notify.settings.lead')}</p>
      <ErrorSummary errors={state.errors} />
      {updates.length || messages.length ? (
        <Form action={paths.accountNotifications.href(l)}>
          {updates.length ? (
            <section aria-labelledby="updates-title">
              <h2 id="updates-title">{t('notify.settings.updatesTitle')}</h2>
              <p>{t('notify.settings.updatesLead')}</p>
              {updates.map(choice)}
            </section>
          ) : null}
          {messages.length ? (
            <section aria-labelledby="messages-title">
              <h2 id="messages-title">{t('notify.settings.messagesTitle')}</h2>
              <p>{t('notify.settings.messagesLead')}</p>
              {messages.map(choice)}
            </section>
          ) : null}
          <Button>{t('form.save')}</Button>
        </Form>
      ) : null}
      <h2>{t('notify.settings.mandatoryTitle')}</h2>
      <p>{t('notify.settings.mandatoryLead')}</p>
      <ul>
        {mandatory.map((k) => (
          <li>{t(k.label)}</li>
        ))}
      </ul>
      <p>
        <a href={paths.account.href(l)}>{t('notify.settings.back')}</a>
      </p>
    </>,
    { title: t('notify.settings.title'), noindex: true, crumbs: [[t('nav.account'), paths.account.href(l)]] },
  );
}

notifyRoutes.get(paths.accountNotifications.pattern, (c) => {
  requireUser(c);
  return renderSettings(c);
});

notifyRoutes.post(
  paths.accountNotifications.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'manageOwnAccount'),
    run: async (trx, { deps, actor, values }) => {
      const { updates, messages } = choicesOf(deps.modules);
      const all = [...updates, ...messages];
      const choices: Record<string, NotificationMode> = {};
      for (const k of all) {
        const v = values[field(k.kind)];
        if (v === undefined) continue;
        if (typeof v !== 'string' || !k.modes.includes(v as NotificationMode)) return fail('notify.errors.invalid', { field: field(k.kind) });
        choices[k.kind] = v as NotificationMode;
      }
      await savePreferences(trx, actor.id, all, choices);
      return ok();
    },
    form: (c, { form }) => renderSettings(c, form),
    done: ({ locale }) => ({ to: paths.accountNotifications.href(locale), flash: 'notify.settings.saved' }),
  }),
);
