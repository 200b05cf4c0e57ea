/** @module Pledges: how its history entries read (`pledge.*`: a pledge by its number and title in the reader's language). */
import type { AuditReading } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export const pledgesAudit: AuditReading = {
  prefix: 'pledge.',
  names: {
    pledge: async (db, ids, locale) => {
      if (!ids.length) return new Map();
      const rows = await db.selectFrom('pledges').select(['id', 'ref', 'title']).where('id', 'in', ids).execute();
      return new Map(rows.map((p) => [p.id, `${p.ref} «${pickTranslated(p.title, locale)?.text ?? ''}»`]));
    },
  },
  params: (data, t) => ({
    ...(typeof data.from === 'string' ? { fromLabel: t(`pledges.auditStates.${data.from}`) } : {}),
    ...(typeof data.to === 'string' ? { toLabel: t(`pledges.auditStates.${data.to}`) } : {}),
  }),
};
