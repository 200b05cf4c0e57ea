/** @module Practices: how its history entries read (`practice.*`: a practice by its title in the reader's language). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const practicesAudit: AuditReading = {
  prefix: 'practice.',
  names: {
    practice: async (db, ids, locale) =>
      new Map((await db.selectFrom('practices').select(['id', 'title']).where('id', 'in', ids).execute()).map((p) => [p.id, pickTranslated(p.title, locale)?.text ?? ''])),
  },
};
