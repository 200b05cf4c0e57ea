/**
 * @module Events as link targets ('events.event'): another module (a plan's activity) links to an event that shows
 * something happened; only events the reader may see resolve (the module's own `view` rule and list filter).
 */
import type { LinkTarget } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { getEvent, listEvents } from './queries.js';
import { eventsPolicy, visibleTo } from './policy.js';
import { pageReaderBodies } from '../bodies/index.js';
import { paths } from './paths.js';

export const eventLinks: LinkTarget = {
  type: 'events.event',
  label: 'events.list.event',
  resolve: async (ctx, ids) => {
    const { db, locale, user } = ctx;
    const f = await pageReaderBodies(ctx);
    const out = new Map<string, { title: string; href: string }>();
    for (const id of ids) {
      const e = /^[0-9a-z]{16}$/.test(id) ? await getEvent(db, id) : undefined;
      if (e && eventsPolicy.can(user ?? null, 'view', { e, f })) out.set(id, { title: pickTranslated(e.title, locale)?.text ?? id, href: paths.event.href(locale, { id }) });
    }
    return out;
  },
  search: async (ctx, q, limit) => {
    const { db, locale, user } = ctx;
    const f = await pageReaderBodies(ctx);
    const needle = q.trim().toLowerCase();
    const events = await listEvents(db, { ...visibleTo(user ?? null, f), limit: needle ? 500 : limit });
    return events
      .map((e) => ({ id: e.id, title: pickTranslated(e.title, locale)?.text ?? e.id }))
      .filter((e) => !needle || e.title.toLowerCase().includes(needle))
      .slice(0, limit);
  },
};
