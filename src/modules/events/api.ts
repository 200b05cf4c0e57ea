/** @module Events: JSON endpoints — public events only (members-only events are never listed here). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listBodies } from '../bodies/index.js';
import { getEvent, pageEvents, agendaOf, translationStatus, EVENTS_PAGE_SIZE, type Event } from './queries.js';
import { MAX_PAGE } from '../../platform/http/page.js';
import { EVENT_KINDS, EVENT_FORMATS, EXTERNAL_BY } from './tables.js';
import { paths, apiPaths } from './paths.js';

const EventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string(),
    languages: z.record(z.string(), z.string()).openapi({ description: 'Translation status per language: original, complete or partial' }),
    status: z.enum(['scheduled', 'cancelled']),
    format: z.enum(EVENT_FORMATS),
    startsAt: z.string().openapi({ description: 'UTC instant (ISO 8601)' }),
    endsAt: z.string(),
    timeZone: z.string().openapi({ description: 'IANA zone the event happens in', example: 'America/Santiago' }),
    venue: z.object({ address: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable() }),
    bodies: z.array(z.string()).openapi({ description: 'Slugs of the organizing bodies' }),
    objectives: z.array(z.number().int()),
    registrationMode: z.enum(['open', 'approval', 'invitation']),
    capacity: z.number().int().nullable(),
    seatsTaken: z.number().int(),
    registrationClosesAt: z.string().nullable(),
    url: z.string(),
    ics: z.string(),
    external: z
      .object({ by: z.enum(EXTERNAL_BY), organizer: z.string() })
      .nullable()
      .openapi({ description: 'Set for an event organized outside the Mechanism, where the Mechanism is represented' }),
  })
  .openapi('Event');

const AgendaSchema = z.object({ startsAt: z.string(), title: z.string(), speakers: z.string().nullable() });

function present(e: Event, slugs: Map<string, string>, lang: Locale) {
  return {
    id: e.id,
    kind: e.kind,
    title: pickTranslated(e.title, lang)?.text ?? '',
    description: pickTranslated(e.description, lang)?.text ?? '',
    languages: translationStatus(e) as Record<string, string>,
    status: e.status,
    format: e.format,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    venue: e.venue,
    bodies: e.bodyIds.map((b) => slugs.get(b) ?? '').filter(Boolean),
    objectives: e.objectives,
    registrationMode: e.registrationMode,
    capacity: e.capacity,
    seatsTaken: e.registeredCount,
    registrationClosesAt: e.registrationClosesAt,
    url: paths.event.href(lang, { id: e.id }),
    ics: paths.ics.href(lang, { id: e.id }),
    external: e.external,
  };
}

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });

export function eventsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Events'],
      summary: 'Public events',
      description: `Public events, ${EVENTS_PAGE_SIZE} per page, with the total and the number of pages. A page past the last answers the last page.`,
      request: {
        query: LangQuery.extend({
          when: z.enum(['upcoming', 'past']).default('upcoming').openapi({ description: 'Upcoming (soonest first) or past (latest first)' }),
          kind: z.enum(EVENT_KINDS).optional(),
          body: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().openapi({ description: 'Only this organizing body (slug)' }),
          objective: z.coerce.number().int().min(1).max(23).optional(),
          page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).openapi({ description: `Page number (1-based, ${EVENTS_PAGE_SIZE} events per page)` }),
        }),
      },
      responses: {
        200: {
          description: 'Events',
          content: {
            'application/json': {
              schema: z.object({
                data: z.array(EventSchema),
                total: z.number().int().openapi({ description: 'Events matching the filters, on every page' }),
                page: z.number().int(),
                pages: z.number().int(),
              }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { lang, when, kind, body, objective, page } = c.req.valid('query');
      const { db } = c.get('deps');
      const bodies = await listBodies(db);
      const b = body ? bodies.find((x) => x.slug === body) : undefined;
      if (body && !b) return problem(c, 404, 'not_found', 'No body with that slug') as any;
      const slugs = new Map(bodies.map((x) => [x.id, x.slug]));
      const r = await pageEvents(db, { when, kind, bodyId: b?.id, objective, visibilities: ['public'], page });
      return c.json({ data: r.items.map((e) => present(e, slugs, lang)), total: r.total, page: r.page, pages: r.pages }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.event,
      tags: ['Events'],
      summary: 'One public event, with its agenda',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: { description: 'The event', content: { 'application/json': { schema: z.object({ data: EventSchema.extend({ agenda: z.array(AgendaSchema) }) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const e = await getEvent(db, c.req.valid('param').id);
      if (!e || e.visibility !== 'public') return problem(c, 404, 'not_found', 'No public event with that id') as any;
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      const agenda = (await agendaOf(db, e.id)).map((a) => ({ startsAt: a.startsAt, title: a.title, speakers: a.speakers }));
      return c.json({ data: { ...present(e, slugs, lang), agenda } }, 200);
    },
  );
}
