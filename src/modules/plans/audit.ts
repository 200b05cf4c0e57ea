/** @module Plans: how its history entries read (`plan.*`: a plan by its title in the reader's language). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const plansAudit: AuditReading = {
  prefix: 'plan.',
  names: {
    plan: async (db, ids, locale) =>
      new Map((await db.selectFrom('plans').select(['id', 'title']).where('id', 'in', ids).execute()).map((p) => [p.id, pickTranslated(p.title, locale)?.text ?? p.id])),
  },
  params: (data, t) => ({
    ...(typeof data.from === 'string' && typeof data.code === 'string' ? { from: t(`plans.activityStatus.${data.from}`) } : {}),
    ...(typeof data.to === 'string' && typeof data.code === 'string' ? { to: t(`plans.activityStatus.${data.to}`) } : {}),
    ...(typeof data.kind === 'string' ? { kind: t(`plans.item.kind.${data.kind}`) } : {}),
  }),
};
