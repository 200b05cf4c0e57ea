/** @module Reports: how its history entries read (`report.*`: an edition by its subject and date). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const reportsAudit: AuditReading = {
  prefix: 'report.',
  names: {
    report: async (db, ids, locale) =>
      new Map(
        (await db.selectFrom('report_editions').select(['id', 'subject', 'scope_kind', 'edition_date', 'objective_n']).where('id', 'in', ids).execute()).map((r) => {
          const subject = pickTranslated(r.subject, locale)?.text;
          return [r.id, subject ? `${subject} (${r.edition_date})` : r.edition_date];
        }),
      ),
  },
  params: (data) => ({ from: typeof data.from === 'string' ? data.from : '', to: typeof data.to === 'string' ? data.to : '' }),
};
