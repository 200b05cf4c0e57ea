/**
 * @module Events: what the digest and "since your last visit" list — events announced, and events starting in the
 * span ahead (a look-ahead kind: digests only) — each only when the reader may see it (policy `visibleTo`).
 */
import type { UpdateKind, UpdateContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { paths } from './paths.js';
import { readerBodies } from '../bodies/index.js';
import { visibleTo } from './policy.js';

const DAY = 86_400_000;
const ahead = (ctx: UpdateContext) =>
  new Date(new Date(ctx.until).getTime() + Math.min(31 * DAY, Math.max(0, new Date(ctx.until).getTime() - new Date(ctx.since).getTime()))).toISOString();

/** The reader's visibilities, loaded once per reader (both kinds share them through the memo). */
async function seen(ctx: UpdateContext) {
  const key = 'events.visibleTo';
  const hit = ctx.memo?.get(key) as ReturnType<typeof visibleTo> | undefined;
  if (hit) return hit;
  const v = visibleTo(ctx.user ?? null, await readerBodies(ctx.db, ctx.user?.id));
  ctx.memo?.set(key, v);
  return v;
}

async function base(ctx: UpdateContext) {
  const { visibilities, bodyIds } = await seen(ctx);
  const plain = visibilities.filter((v) => v !== 'body');
  return ctx.db
    .selectFrom('events')
    .where('status', '=', 'scheduled')
    .where((eb) => {
      const ors = [];
      if (plain.length) ors.push(eb('visibility', 'in', plain));
      if (bodyIds.length) ors.push(eb.and([eb('visibility', '=', 'body'), eb('visibility_body_id', 'in', bodyIds)]));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
}

const announced = async (ctx: UpdateContext) => (await base(ctx)).where('created_at', '>=', ctx.since).where('created_at', '<', ctx.until).where('ends_at', '>=', ctx.since);
const upcoming = async (ctx: UpdateContext) => (await base(ctx)).where('starts_at', '>=', ctx.until).where('starts_at', '<', ahead(ctx));

/** One formatter per language and zone (making an Intl.DateTimeFormat costs far more than using one). */
const formats = new Map<string, Intl.DateTimeFormat | null>();
const when = (iso: string, locale: string, zone: string) => {
  const key = `${locale}|${zone}`;
  let f = formats.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone, timeZoneName: 'short' });
    } catch {
      f = null;
    }
    if (formats.size > 500) formats.clear();
    formats.set(key, f);
  }
  return f ? f.format(new Date(iso)) : iso;
};

type Row = { id: string; title: string; starts_at: string; created_at: string; time_zone: string };
const item = (ctx: UpdateContext & { baseUrl: string }, r: Row, at: string) => ({
  title: pickTranslated(r.title, ctx.locale)?.text ?? '',
  href: ctx.baseUrl ? paths.event.url(ctx.baseUrl, ctx.locale, { id: r.id }) : paths.event.href(ctx.locale, { id: r.id }),
  at,
  note: when(r.starts_at, ctx.locale, r.time_zone),
});

export const eventsUpdates: UpdateKind[] = [
  {
    kind: 'events.announced',
    label: 'events.updates.announced',
    order: 30,
    href: (l) => paths.list.href(l),
    items: async (ctx) => {
      const rows = await (await announced(ctx)).select(['id', 'title', 'starts_at', 'created_at', 'time_zone']).orderBy('created_at', 'desc').orderBy('id').limit(ctx.limit).execute();
      return rows.map((r) => item(ctx, r, r.created_at));
    },
    count: async (ctx) => Number((await (await announced(ctx)).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
  {
    kind: 'events.upcoming',
    label: 'events.updates.upcoming',
    order: 31,
    cadences: ['daily', 'weekly'],
    href: (l) => paths.list.href(l),
    items: async (ctx) => {
      const rows = await (await upcoming(ctx)).select(['id', 'title', 'starts_at', 'created_at', 'time_zone']).orderBy('starts_at').orderBy('id').limit(ctx.limit).execute();
      return rows.map((r) => item(ctx, r, r.starts_at));
    },
    count: async (ctx) => Number((await (await upcoming(ctx)).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
];
