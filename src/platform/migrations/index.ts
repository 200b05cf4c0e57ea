/** The platform's frozen migrations, by name. */
import type { Migrations } from '../../db/migrator.js';
import * as core from './2026_11_28_1000_platform_core.js';
import * as reference from './2026_11_28_1010_platform_reference.js';
import * as auditIndex from './2026_12_02_1100_platform_audit_index.js';
import * as jobs from './2026_12_02_1200_platform_jobs.js';
import * as userTimeZone from './2026_12_02_1310_platform_user_time_zone.js';
import * as digest from './2026_12_02_1400_platform_digest.js';
import * as outboxAttachments from './2026_12_02_1420_platform_outbox_attachments.js';

export const platformMigrations: Migrations = {
  '2026_11_28_1000_platform_core': core,
  '2026_11_28_1010_platform_reference': reference,
  '2026_12_02_1100_platform_audit_index': auditIndex,
  '2026_12_02_1200_platform_jobs': jobs,
  '2026_12_02_1310_platform_user_time_zone': userTimeZone,
  '2026_12_02_1400_platform_digest': digest,
  '2026_12_02_1420_platform_outbox_attachments': outboxAttachments,
};
