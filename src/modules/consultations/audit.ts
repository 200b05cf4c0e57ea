/**
 * @module Consultations: how its history entries read (`consultation.*`: a consultation by its title in the
 * reader's language; an answer, whose subject id is `<consultation>:<organization>`, by its consultation's).
 */
import type { AuditReading } from '../../platform/module.js';
import type { Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

async function titles(db: Db, ids: string[], locale: Locale): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('consultations').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((k) => [k.id, pickTranslated(k.title, locale)?.text ?? k.id]));
}

export const consultationsAudit: AuditReading = {
  prefix: 'consultation.',
  names: {
    consultation: titles,
    consultation_answer: async (db, ids, locale) => {
      const byConsultation = await titles(db, [...new Set(ids.map((id) => id.split(':')[0]!))], locale);
      return new Map(ids.flatMap((id) => (byConsultation.has(id.split(':')[0]!) ? [[id, byConsultation.get(id.split(':')[0]!)!] as [string, string]] : [])));
    },
  },
};
