/**
 * @module Events: the section of a body's members' area (used by the bodies module through events' index.ts).
 * It imports nothing of the bodies module, so bodies → events stays without a cycle; the bodies module says what
 * the reader is to the body (its own facts), and this section shows what that allows.
 */
import type { Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { bodyEventsSection } from './views/body.js';
import type { Visibility } from './tables.js';

export interface AreaReader {
  /** An administrator (sees every event). */
  admin: boolean;
  /** Acts for a member organization in good standing (sees members-only events). */
  memberOrg: boolean;
  /** Belongs to the body or is its secretary (sees the body's own members-only events). */
  ofBody: boolean;
}

/** The body's upcoming events and representations, as the members' area shows them. */
export function bodyAreaEvents(x: { db: Db; locale: Locale; t: (key: string, opts?: Record<string, unknown>) => string; bodyId: string; reader: AreaReader }) {
  const visibilities: Visibility[] = x.reader.admin ? ['public', 'members', 'body'] : x.reader.memberOrg ? ['public', 'members'] : ['public'];
  const bodyIds = x.reader.admin || x.reader.ofBody ? [x.bodyId] : [];
  return bodyEventsSection({ db: x.db, locale: x.locale, t: x.t, bodyId: x.bodyId, visible: { visibilities, bodyIds }, heading: x.t('events.body.areaTitle') });
}
