/**
 * @module Membership demo data: twelve clearly labelled "[Demo]" organizations across the region, each with
 * a demo member account (verified, with a random password that is never printed: sign in through
 * "forgot password" and the outbox). Also some history so the coverage page has a timeline.
 */
import { randomBytes } from 'node:crypto';
import { ensureVerifiedUser } from '../../platform/auth/users.js';
import type { SeedContext } from '../../platform/module.js';
import type { Db } from '../../db/schema.js';
import { nowIso } from '../../db/ids.js';
import { insertOrganization } from './commands/profile.js';
import { recordStep } from './commands/history.js';

const DEMO: { name: string; acronym: string; country: string; city: string; type: string; objectives: number[]; languages: string[]; es: string; months: number }[] = [
  { name: '[Demo] Red Andina de Migraciones', acronym: 'RAM', country: 'PE', city: 'Lima', type: 'network', objectives: [1, 3, 23], languages: ['es', 'qu'], es: 'Red de organizaciones andinas que acompaña a personas migrantes en tránsito.', months: 11 },
  { name: '[Demo] Casa del Migrante Tapachula', acronym: 'CMT', country: 'MX', city: 'Tapachula', type: 'faith_based', objectives: [7, 8, 15], languages: ['es'], es: 'Albergue y orientación jurídica para personas en movilidad en la frontera sur.', months: 10 },
  { name: '[Demo] Colectivo Mujeres sin Fronteras', acronym: 'CMF', country: 'CO', city: 'Cúcuta', type: 'women', objectives: [7, 16, 17], languages: ['es'], es: 'Mujeres migrantes y refugiadas que se organizan por sus derechos.', months: 9 },
  { name: '[Demo] Instituto de Estudios Migratorios del Cono Sur', acronym: 'IEMCS', country: 'AR', city: 'Buenos Aires', type: 'academic', objectives: [1, 17], languages: ['es', 'pt'], es: 'Investigación y datos sobre migración en el Cono Sur.', months: 8 },
  { name: '[Demo] Associação Haitiana de São Paulo', acronym: 'AHSP', country: 'BR', city: 'São Paulo', type: 'migrant_led', objectives: [16, 18, 20], languages: ['pt', 'ht', 'fr'], es: 'Asociación de la diáspora haitiana en São Paulo.', months: 7 },
  { name: '[Demo] Juventud Migrante Centroamericana', acronym: 'JMC', country: 'GT', city: 'Ciudad de Guatemala', type: 'youth', objectives: [2, 6, 18], languages: ['es'], es: 'Jóvenes que trabajan por alternativas a la migración forzada.', months: 6 },
  { name: '[Demo] Sindicato de Trabajadoras del Hogar', acronym: 'STH', country: 'CL', city: 'Santiago', type: 'trade_union', objectives: [6, 22], languages: ['es'], es: 'Derechos laborales de trabajadoras del hogar migrantes.', months: 5 },
  { name: '[Demo] Konbit Fanm Ayiti', acronym: 'KFA', country: 'HT', city: 'Port-au-Prince', type: 'women', objectives: [2, 21], languages: ['fr', 'ht'], es: 'Organización de mujeres haitianas que acompaña a personas retornadas.', months: 4 },
  { name: '[Demo] Consejo Afrodescendiente del Caribe', acronym: 'CAC', country: 'DO', city: 'Santo Domingo', type: 'indigenous_afro', objectives: [4, 17], languages: ['es', 'fr'], es: 'Documentación y lucha contra la apatridia y el racismo.', months: 3 },
  { name: '[Demo] Diversidad en Movimiento', acronym: 'DEM', country: 'EC', city: 'Quito', type: 'lgbtiq', objectives: [7, 15], languages: ['es'], es: 'Personas LGBTIQ+ en movilidad: refugio seguro y salud.', months: 2 },
  { name: '[Demo] Caribbean Migrants Forum', acronym: 'CMFo', country: 'TT', city: 'Port of Spain', type: 'ngo', objectives: [5, 12], languages: ['en'], es: 'Foro de organizaciones del Caribe anglófono.', months: 1 },
  { name: '[Demo] Ayuda Humanitaria en Frontera', acronym: 'AHF', country: 'PA', city: 'Darién', type: 'humanitarian', objectives: [8, 9], languages: ['es', 'en'], es: 'Asistencia humanitaria en la selva del Darién.', months: 0 },
];

async function demoUser(db: Db, email: string, name: string): Promise<string> {
  // A random password nobody knows: demo people sign in through "forgot password" and the outbox.
  return (await ensureVerifiedUser(db, { email, name, password: randomBytes(18).toString('base64url') })).id;
}

export async function demoMembership({ db, log }: SeedContext): Promise<void> {
  const already = await db.selectFrom('organizations').select('id').where('name', 'like', '[Demo]%').executeTakeFirst();
  if (already) return;
  let i = 0;
  for (const d of DEMO) {
    i++;
    const when = new Date(Date.now() - d.months * 30 * 86400_000);
    const applied = new Date(when.getTime() - 20 * 86400_000).toISOString();
    const { id } = await insertOrganization(
      db,
      { name: d.name, acronym: d.acronym, country: d.country, countries: [d.country], city: d.city, type: d.type, objectives: d.objectives, languages: d.languages, social: [], description: { es: d.es } },
      { status: 'member', appliedAt: applied, admittedAt: when.toISOString(), commitmentAt: applied },
    );
    const userId = await demoUser(db, `demo${i}@demo.dialogo.local`, `Demo ${d.acronym}`);
    await db.insertInto('organization_people').values({ org_id: id, user_id: userId, role_title: 'Coordinación', is_representative: 1, is_voter: 1, created_at: nowIso() }).execute();
    await recordStep(db, { orgId: id, actorId: userId, action: 'applied', to: 'applicant', note: 'demo' });
    await recordStep(db, { orgId: id, actorId: null, action: 'approved', from: 'applicant', to: 'member', note: 'demo' });
  }
  log.info({ organizations: DEMO.length }, 'membership demo data: sign in as demo1..demo12@demo.dialogo.local through "forgot password" and the outbox');
}
