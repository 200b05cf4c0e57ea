/**
 * Events' report section on both engines: events held in the period (cancelled, future and other periods' left
 * out), by kind; attendance (people checked in) by stakeholder sector, registrations apart; only public events
 * named; by body and by objective; null where no event was held.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { newId } from '../../db/ids.js';
import { eventsReport, type EventsReportData } from './report.js';

const Y25 = { from: '2025-01-01', to: '2026-01-01' };

describe.each(DIALECTS)('events report section (%s)', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const ev = async (o: { kind: string; at: string; status?: string; visibility?: string; body?: string; objective?: number; people?: [string, boolean][] }) => {
      const id = newId();
      const ends = new Date(Date.parse(o.at) + 7200000).toISOString();
      await ctx.db
        .insertInto('events')
        .values({
          id, kind: o.kind as any, title: JSON.stringify({ es: `Evento ${o.kind}`, fr: `Événement ${o.kind}` }), description: '{}', original_lang: 'es', format: 'online',
          venue_address: null, venue_city: null, venue_country: null, online_url: null, starts_at: o.at, ends_at: ends, time_zone: 'UTC',
          visibility: (o.visibility ?? 'public') as any, visibility_body_id: null, registration_mode: 'open', capacity: null, registration_closes_at: null,
          registered_count: 0, status: (o.status ?? 'scheduled') as any, sequence: 0, created_by: null, created_at: o.at, updated_at: o.at,
        })
        .execute();
      if (o.body) await ctx.db.insertInto('event_bodies').values({ event_id: id, body_id: o.body }).execute();
      if (o.objective) await ctx.db.insertInto('event_objectives').values({ event_id: id, objective_n: o.objective }).execute();
      for (const [i, [sector, came]] of (o.people ?? []).entries()) {
        await ctx.db
          .insertInto('event_registrations')
          .values({
            id: newId(), event_id: id, user_id: null, email: `p${i}-${id}@x.test`, name: 'P', organization: null, org_id: null, locale: 'es', sector: sector as any, role: 'participant',
            status: 'registered', token: newId() + newId(), check_in_code: newId(), waitlisted_at: null, reminded_at: null, attended_at: came ? ends : null, created_at: o.at, updated_at: o.at,
          })
          .execute();
      }
    };
    await ev({ kind: 'workshop', at: '2025-03-10T14:00:00.000Z', body: 'b1', objective: 3, people: [['government', true], ['civil_society', true], ['civil_society', false]] });
    await ev({ kind: 'workshop', at: '2025-06-10T14:00:00.000Z', visibility: 'members', people: [['civil_society', true]] });
    await ev({ kind: 'seminar', at: '2025-11-10T14:00:00.000Z', objective: 3 });
    await ev({ kind: 'seminar', at: '2025-07-10T14:00:00.000Z', status: 'cancelled' });
    await ev({ kind: 'course', at: '2024-07-10T14:00:00.000Z' });
  }, 90_000);
  afterAll(() => ctx?.close());

  const data = (scope: Record<string, unknown>) => eventsReport.data({ db: ctx.db, dialect }, { kind: 'mechanism', ...Y25, ...scope } as any) as Promise<EventsReportData | null>;

  it('counts events held, by kind, and attendance by sector', async () => {
    const d = (await data({}))!;
    expect(d.held).toBe(3);
    expect(d.byKind).toEqual({ workshop: 2, seminar: 1 });
    expect(d.attended).toEqual({ civil_society: 2, government: 1 });
    expect(d.registered).toEqual({ civil_society: 3, government: 1 });
    expect(d.eventsWithAttendance).toBe(2);
    // The members-only event is counted, not named.
    expect(d.listed.map((e) => e.kind)).toEqual(['workshop', 'seminar']);
  });

  it('filters by body and objective; null when nothing was held', async () => {
    expect((await data({ kind: 'body', bodyId: 'b1' }))!.held).toBe(1);
    expect(await data({ kind: 'body', bodyId: 'b2' })).toBeNull();
    expect((await data({ kind: 'objective', objective: 3 }))!.held).toBe(2);
    expect(await data({ kind: 'objective', objective: 4 })).toBeNull();
    expect(await data({ from: '2030-01-01', to: '2031-01-01' })).toBeNull();
  });

  it('is written in each language; says when attendance was not taken', async () => {
    const d = (await data({}))!;
    const fr = eventsReport.render(d, { locale: 'fr', t: ctx.deps.i18n.t('fr'), fmt: formatters('fr') });
    expect((fr[0] as any).items.map((i: any) => i.label)).toEqual(['événements tenus', 'personnes présentes', 'inscriptions confirmées']);
    expect(JSON.stringify(fr)).toContain('Événement workshop');
    const none = eventsReport.render({ ...d, attended: {}, eventsWithAttendance: 0 }, { locale: 'es', t: ctx.deps.i18n.t('es'), fmt: formatters('es') });
    expect(none.some((b) => b.kind === 'empty' && b.text.includes('No se registró la asistencia'))).toBe(true);
  });
});
