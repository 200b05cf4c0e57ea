/** @module Membership: how its history entries read (`membership.*`: an organization by its name and acronym). */
import type { AuditReading } from '../../platform/module.js';

export const membershipAudit: AuditReading = {
  prefix: 'membership.',
  names: {
    organization: async (db, ids) =>
      new Map(
        (await db.selectFrom('organizations').select(['id', 'name', 'acronym']).where('id', 'in', ids).execute()).map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name]),
      ),
  },
};
