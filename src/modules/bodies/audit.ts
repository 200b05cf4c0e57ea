/** @module Bodies: how its history entries read (`body.*`: a Mesa by its name, a position by its label). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const bodiesAudit: AuditReading = {
  prefix: 'body.',
  names: {
    body: async (db, ids, locale) =>
      new Map((await db.selectFrom('bodies').select(['id', 'name', 'slug']).where('id', 'in', ids).execute()).map((b) => [b.id, pickTranslated(b.name, locale)?.text ?? b.slug])),
  },
  params: (data, t) => (typeof data.position === 'string' ? { position: t(`bodies.positions.names.${data.position}`) } : {}),
};
