/**
 * @module Pledges: demo data — five clearly labelled "[Demo]" pledges of the demo organizations in several
 * states: a published joint pledge (two organizations, in progress, with a progress note), a published matching
 * pledge that matches it, a submitted one, a returned one and a draft awaiting a co-pledging organization's
 * confirmation. Written through the commands (history included); nobody is mailed (the demo has no people to ask).
 */
import type { SeedContext } from '../../platform/module.js';
import { listMemberOrganizations } from '../membership/index.js';
import { savePledge } from './commands/save.js';
import { publishPledge, returnPledge, addUpdate, type PledgesTx } from './commands/workflow.js';
import type { PledgeInput } from './schemas.js';
import { todayIso } from '../../db/ids.js';

const text = (es: string, en: string) => {
  // The UN form asks for 300–3,000 characters: the demo texts say so plainly and are padded to a real length.
  const pad = (s: string, tail: string) => (s.length >= 320 ? s : `${s} ${tail}`.padEnd(320, '.'));
  return {
    es: pad(es, 'Este compromiso es un ejemplo de demostración: no lo asumió ninguna organización real y sirve para mostrar cómo se escribe, se revisa, se publica y se sigue un compromiso del PMM en el Mecanismo.'),
    en: pad(en, 'This pledge is a demonstration example: no real organization made it; it shows how a GCM pledge is written, reviewed, published and followed up in the Mechanism.'),
  };
};

const base = (over: Partial<PledgeInput>): PledgeInput => ({
  leadOrg: '',
  coOrgs: [],
  bodySlug: null,
  kind: 'common',
  matchesRef: null,
  matchesExternalId: null,
  matchesExternalTitle: null,
  title: {},
  description: {},
  forms: ['process'],
  objectives: [16],
  principles: [1],
  countries: [],
  scope: 'national',
  partners: [],
  startsOn: '2024-01-01',
  endsOn: '2026-12-31',
  removeAttachment: false,
  ...over,
});

export async function demoPledges({ db, adminId }: SeedContext): Promise<void> {
  if (await db.selectFrom('pledges').select('id').where('is_demo', '=', 1).executeTakeFirst()) return;
  const orgs = (await listMemberOrganizations(db)).filter((o) => o.name.startsWith('[Demo]'));
  if (orgs.length < 3) return;
  const [a, b, c] = orgs as [(typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0]];
  const x = { actorId: adminId, mayLead: () => true, dataDir: '' };
  const save = async (input: PledgeInput) => {
    const r = await savePledge(db, x, input, null);
    if (!r.ok) throw new Error(`pledges demo: ${r.reason}`);
    await db.updateTable('pledges').set({ is_demo: 1 }).where('id', '=', r.id).execute();
    return r.id;
  };
  const confirmAll = (id: string) => db.updateTable('pledge_organizations').set({ confirmed_at: new Date().toISOString(), confirmed_by: adminId }).where('pledge_id', '=', id).execute();
  const toReview = (id: string) => db.updateTable('pledges').set({ state: 'submitted', submitted_at: new Date().toISOString() }).where('id', '=', id).execute();
  const tx = { db, i18n: undefined as never, baseUrl: '', quiet: true } satisfies PledgesTx;

  const joint = await save(
    base({
      leadOrg: a.id,
      coOrgs: [b.id],
      bodySlug: 'mt3',
      kind: 'partnership',
      title: { es: '[Demo] Ventanilla conjunta de orientación para la inclusión laboral', en: '[Demo] Joint guidance desk for migrants’ labour inclusion' },
      description: text(
        'Dos organizaciones miembro abren juntas una ventanilla de orientación laboral y de acceso a servicios para personas migrantes en tres ciudades, con capacitación del personal municipal y un informe anual.',
        'Two member organizations jointly open a guidance desk on work and access to services for migrants in three cities, with training for municipal staff and a yearly report.',
      ),
      forms: ['human_resources', 'process'],
      objectives: [15, 16],
      principles: [1, 6, 10],
      countries: [a.country, b.country].filter((v, i, s) => s.indexOf(v) === i),
      partners: [{ name: 'Municipalidad (demo)', sector: 'government' }],
    }),
  );
  await confirmAll(joint);
  await toReview(joint);
  await publishPledge(tx, adminId, joint, null);
  await addUpdate(tx, adminId, joint, { status: 'in_progress', reportedOn: todayIso(), note: { es: '[Demo] La ventanilla atiende en dos de las tres ciudades.', en: '[Demo] The desk is open in two of the three cities.' } });

  const jointRef = (await db.selectFrom('pledges').select('ref').where('id', '=', joint).executeTakeFirstOrThrow()).ref;
  const matching = await save(
    base({
      leadOrg: c.id,
      kind: 'matching',
      matchesRef: jointRef,
      title: { es: '[Demo] Compromiso equivalente: materiales en lenguas indígenas', en: '[Demo] Matching pledge: materials in indigenous languages' },
      description: text('Una organización se suma al compromiso conjunto traduciendo sus materiales de orientación a dos lenguas indígenas.', 'An organization matches the joint pledge by translating its guidance materials into two indigenous languages.'),
      forms: ['financial'],
      objectives: [3, 16],
      principles: [1, 7],
      countries: [c.country],
    }),
  );
  await confirmAll(matching);
  await toReview(matching);
  await publishPledge(tx, adminId, matching, null);

  const submitted = await save(base({ leadOrg: b.id, title: { es: '[Demo] Datos desagregados sobre retorno', en: '[Demo] Disaggregated data on return' }, description: text('Publicar datos desagregados por sexo y edad sobre el retorno y la reintegración.', 'Publish data on return and reintegration disaggregated by sex and age.'), forms: ['policy'], objectives: [1, 21], countries: [b.country] }));
  await confirmAll(submitted);
  await toReview(submitted);

  const returned = await save(base({ leadOrg: c.id, title: { es: '[Demo] Alternativas a la detención', en: '[Demo] Alternatives to detention' }, description: text('Acompañar casos y proponer alternativas a la detención migratoria.', 'Support cases and propose alternatives to immigration detention.'), objectives: [13], countries: [c.country], scope: 'local' }));
  await confirmAll(returned);
  await toReview(returned);
  await returnPledge(tx, adminId, returned, '[Demo] Indiquen metas medibles y un plazo.');

  await save(base({ leadOrg: a.id, coOrgs: [c.id], title: { es: '[Demo] Red regional de alerta temprana', en: '[Demo] Regional early-warning network' }, description: text('Una red regional que alerta sobre personas migrantes desaparecidas en rutas de tránsito.', 'A regional network alerting on missing migrants on transit routes.'), objectives: [8, 23], scope: 'regional', countries: [a.country, c.country].filter((v, i, s) => s.indexOf(v) === i) }));
}
