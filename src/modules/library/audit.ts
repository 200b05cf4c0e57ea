/** @module Library: how its history entries read (`library.*`: a document by its title in the reader's language). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALE_NAMES, type Locale } from '../../platform/i18n/locales.js';

export const libraryAudit: AuditReading = {
  prefix: 'library.',
  names: {
    library_document: async (db, ids, locale) =>
      new Map((await db.selectFrom('library_documents').select(['id', 'title']).where('id', 'in', ids).execute()).map((d) => [d.id, pickTranslated(d.title, locale)?.text ?? ''])),
  },
  params: (data) => (typeof data.lang === 'string' ? { lang: LOCALE_NAMES[data.lang as Locale] ?? data.lang } : {}),
};
