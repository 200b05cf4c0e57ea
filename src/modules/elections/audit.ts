/** @module Elections: how its history entries read (`election.*`: an election by its title). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const electionsAudit: AuditReading = {
  prefix: 'election.',
  names: {
    election: async (db, ids, locale) =>
      new Map((await db.selectFrom('elections').select(['id', 'title']).where('id', 'in', ids).execute()).map((e) => [e.id, pickTranslated(e.title, locale)?.text ?? ''])),
  },
};
