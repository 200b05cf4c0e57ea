/**
 * @module Events: demo data — the 2023 hybrid workshop on migration narratives in Santiago de Chile (named in
 * the Mechanism's 2023 factsheet) as a past event, and one upcoming public event. Clearly labelled: the
 * factsheet gives no date, so the date shown is illustrative.
 */
import type { SeedContext } from '../../platform/module.js';
import { fromLocalInput } from './core/time.js';
import { createEvent, type EventInput } from './commands/save.js';
import { listBodies } from '../bodies/index.js';

const at = (local: string) => fromLocalInput(local, 'America/Santiago')!.toISOString();

export async function demoEvents(ctx: SeedContext): Promise<void> {
  const { db, adminId } = ctx;
  if (await db.selectFrom('events').select('id').limit(1).executeTakeFirst()) return;
  const bodies = await listBodies(db);
  const first = bodies.find((b) => b.kind === 'working_group') ?? bodies[0];
  const base: Omit<EventInput, 'title' | 'description' | 'startsAt' | 'endsAt' | 'kind' | 'agenda'> = {
    originalLang: 'es',
    format: 'hybrid',
    venue: { address: null, city: 'Santiago', country: 'CL' },
    onlineUrl: 'https://example.org/demo-meeting',
    timeZone: 'America/Santiago',
    visibility: 'public',
    visibilityBodyId: null,
    registrationMode: 'open',
    capacity: 60,
    registrationClosesAt: null,
    bodyIds: first ? [first.id] : [],
    objectives: [17],
  };
  await createEvent(db, adminId, {
    ...base,
    kind: 'workshop',
    title: {
      es: '[Demo] Taller híbrido sobre narrativas migratorias y contribuciones de las personas migrantes al desarrollo sostenible',
      en: '[Demo] Hybrid workshop on migration narratives and migrants’ contributions to sustainable development',
      pt: '[Demo] Oficina híbrida sobre narrativas migratórias e contribuições das pessoas migrantes ao desenvolvimento sustentável',
      fr: '[Démo] Atelier hybride sur les récits migratoires et les contributions des personnes migrantes au développement durable',
    },
    description: {
      es: 'Primer taller híbrido del Mecanismo en Santiago de Chile (informe 2023). Datos de demostración: la fecha es ilustrativa.',
      en: 'The Mechanism’s first hybrid workshop, in Santiago de Chile (2023 factsheet). Demo data: the date is illustrative.',
    },
    startsAt: at('2023-06-15T10:00'),
    endsAt: at('2023-06-15T17:00'),
    agenda: [
      { startsAt: at('2023-06-15T10:00'), title: 'Apertura', speakers: null },
      { startsAt: at('2023-06-15T11:00'), title: 'Estudios sobre narrativas y contribuciones de las personas migrantes', speakers: null },
    ],
  });
  const soon = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  await createEvent(db, adminId, {
    ...base,
    kind: 'conversatorio',
    format: 'online',
    venue: { address: null, city: null, country: null },
    title: { es: '[Demo] Conversatorio multiactoral con la Red Regional', en: '[Demo] Multi-stakeholder dialogue with the Regional Network' },
    description: { es: 'Datos de demostración.', en: 'Demo data.' },
    startsAt: at(`${soon}T10:00`),
    endsAt: at(`${soon}T12:00`),
    agenda: [],
  });
}
