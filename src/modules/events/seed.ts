/**
 * @module Events: demo data — the 2023 hybrid workshop on migration narratives in Santiago de Chile (named in
 * the Mechanism's 2023 factsheet) as a past event, and one upcoming public event. Clearly labelled: the
 * factsheet gives no date, so the date shown is illustrative.
 */
import type { SeedContext } from '../../platform/module.js';
import { fromLocalInput } from './core/time.js';
import { createEvent, type EventInput } from './commands/save.js';
import { listBodies } from '../bodies/index.js';
import { saveMinutes } from './commands/minutes.js';
import { addMaterial } from './commands/materials.js';
import { saveRepresentation } from './commands/representation.js';
import type { EventsTx } from './commands/context.js';
import { isoDate } from '../../db/ids.js';

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
  const workshop = await createEvent(db, adminId, {
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
  if (workshop.ok) await completeWorkshop(ctx, workshop.id, first?.id ?? null);
  // The Mechanism represented at an event organized by others: the UN Regional Network's first Conversatorio
  // Multiactoral (second half of 2023, per the factsheet), with the mandate the Mesas carried and the report back.
  const conversatorio = await createEvent(db, adminId, {
    ...base,
    kind: 'conversatorio',
    format: 'hybrid',
    registrationMode: 'invitation',
    capacity: null,
    title: {
      es: '[Demo] Primer Conversatorio Multiactoral de la Red Regional',
      en: '[Demo] The Regional Network’s first Multi-stakeholder Dialogue',
      pt: '[Demo] Primeiro Diálogo Multiatores da Rede Regional',
      fr: '[Démo] Premier dialogue multipartite du Réseau régional',
    },
    description: { es: 'Convocado por la Red Regional de Naciones Unidas sobre Migración para América Latina y el Caribe. Datos de demostración: la fecha es ilustrativa.', en: 'Convened by the UN Regional Network on Migration for Latin America and the Caribbean. Demo data: the date is illustrative.' },
    startsAt: at('2023-10-24T09:00'),
    endsAt: at('2023-10-24T18:00'),
    agenda: [],
    external: { by: 'un_network', organizer: 'Red Regional de Naciones Unidas sobre Migración' },
  });
  if (conversatorio.ok)
    await saveRepresentation(db, adminId, conversatorio.id, {
      representatives: [],
      mandate: { es: 'Llevar los **insumos consolidados** de las consultas de las Mesas: áreas prioritarias de trabajo en la región.', en: 'Carry the **consolidated inputs** of the Mesas’ consultations: priority areas of work in the region.' },
      report: { es: 'Demostración: el informe de vuelta resume los acuerdos del conversatorio y los pasos para cada Mesa.', en: 'Demo: the report back summarizes the dialogue’s agreements and the next steps for each Mesa.' },
    });
  const soon = isoDate(new Date(Date.now() + 30 * 86400000));
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

/** The 2023 workshop's materials (links: the demo has no files of its own) and its published minutes. */
async function completeWorkshop(ctx: SeedContext, id: string, bodyId: string | null): Promise<void> {
  const { db, adminId } = ctx;
  // Links only: addMaterial writes no file for them, so no data directory is needed.
  for (const m of [
    { title: '[Demo] Programa del taller', url: 'https://example.org/demo/programa-taller-narrativas.pdf', phase: 'before' as const },
    { title: '[Demo] Presentación: estudios sobre narrativas y contribuciones', url: 'https://example.org/demo/presentacion-narrativas', phase: 'after' as const },
    { title: '[Demo] Grabación de la sesión en línea', url: 'https://example.org/demo/grabacion-taller', phase: 'after' as const },
  ])
    await addMaterial(db, adminId, '', id, { ...m, kind: 'link', audience: 'public' });
  // saveMinutes writes rows and history only (no mail): the translator and address are not used.
  const tx = { db } as EventsTx;
  await saveMinutes(tx, adminId, id, {
    summary: {
      es: 'Demostración. El taller reunió en Santiago y en línea a organizaciones de la Mesa de Visibilización para socializar estudios sobre narrativas migratorias y las contribuciones de las personas migrantes al desarrollo sostenible.',
      en: 'Demo. The workshop brought together, in Santiago and online, organizations of the Visibility Mesa to share studies on migration narratives and migrants’ contributions to sustainable development.',
    },
    agreements: {
      es: '- Difundir los estudios en los cuatro idiomas del Mecanismo.\n- Preparar insumos para el Conversatorio Multiactoral.',
      en: '- Share the studies in the Mechanism’s four languages.\n- Prepare inputs for the Multi-stakeholder Dialogue.',
    },
    actions: [
      { text: 'Traducir y publicar el resumen de los estudios', bodyId, dueOn: '2023-08-31' },
      { text: 'Consolidar insumos para el Conversatorio Multiactoral', bodyId, dueOn: '2023-09-30' },
    ],
    publish: true,
  });
}
