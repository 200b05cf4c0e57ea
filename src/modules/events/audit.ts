/** @module Events: how its history entries read (`event.*`: an event by its title in the reader's language). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const eventsAudit: AuditReading = {
  prefix: 'event.',
  names: {
    event: async (db, ids, locale) =>
      new Map((await db.selectFrom('events').select(['id', 'title']).where('id', 'in', ids).execute()).map((e) => [e.id, pickTranslated(e.title, locale)?.text ?? e.id])),
  },
  params: (data, t) => ({
    ...(typeof data.role === 'string' ? { role: t(`events.roles.${data.role}`) } : {}),
    ...(typeof data.status === 'string' ? { status: t(`events.registrationStatus.${data.status}`) } : {}),
  }),
};
