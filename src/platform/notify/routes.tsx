/**
 * @module Notification settings
 * /:lang/account/notifications: each kind of mail the platform and its modules send, with its translated
 * label and a choice — immediately, or not at all (a digest comes later). Account security mails are
 * listed as always sent. Saved by one form post through the action helper.
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

export const notifyRoutes = new Hono<AppEnv>({ strict: false });

const MODES: NotificationMode[] = ['immediate', 'off'];
/** The form field of a kind (kinds hold dots and dashes; field names stay plain). */
const field = (kind: string) => `kind_${kind.replace(/[^a-zA-Z0-9]/g, '_')}`;

async function renderSettings(c: Context<AppEnv>, form?: FormState) {
  const user = requireUser(c);
  const t = c.get('t');
  const l = c.get('locale');
  const { db, modules } = c.get('deps');
  const kinds = notificationKinds(modules);
  const prefs = await preferencesOf(db, user.id);
  const state = form ?? emptyForm(Object.fromEntries(kinds.filter((k) => !k.mandatory).map((k) => [field(k.kind), prefs[k.kind] ?? 'immediate'])));
  const optional = kinds.filter((k) => !k.mandatory);
  const mandatory = kinds.filter((k) => k.mandatory);
  return c.render(
    <>
      <h1>{t('notify.settings.title')}</h1>
      <p class="lead">{t('notify.settings.lead')}</p>
      <ErrorSummary errors={state.errors} />
      {optional.length ? (
        <Form action={paths.accountNotifications.href(l)}>
          {optional.map((k) => (
            <ChoiceField
              name={field(k.kind)}
              legend={t(k.label)}
              form={state}
              options={MODES.map((m) => ({ value: m, label: t(`notify.modes.${m}`) }))}
              columns
            />
          ))}
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
      const kinds = notificationKinds(deps.modules).filter((k) => !k.mandatory);
      const choices: Record<string, NotificationMode> = {};
      for (const k of kinds) {
        const v = values[field(k.kind)];
        if (v === undefined) continue;
        if (typeof v !== 'string' || !MODES.includes(v as NotificationMode)) return fail('notify.errors.invalid', { field: field(k.kind) });
        choices[k.kind] = v as NotificationMode;
      }
      await savePreferences(trx, actor.id, kinds, choices);
      return ok();
    },
    form: (c, { form }) => renderSettings(c, form),
    done: ({ locale }) => ({ to: paths.accountNotifications.href(locale), flash: 'notify.settings.saved' }),
  }),
);
