/**
 * @module Library: seed and demo. The seed adds the Mechanism's 2023 factsheet as the first public document
 * (Spanish; its PDF made with pdfmake from the factsheet's text, its text searchable at once). The demo adds a
 * few documents, every title marked "[Demo]", with small PDFs made at demo time.
 */
import { readFileSync } from 'node:fs';
import type { SeedContext } from '../../platform/module.js';
import { listBodies } from '../bodies/index.js';
import { createDocument, type DocumentInput } from './commands/save.js';
import { bumpSearchVersion, indexDocument } from './search.js';
import { textPdf } from './pdf.js';
import { FACTSHEET_PDF, FACTSHEET_TITLE, factsheetParagraphs } from './seed/factsheet.js';

export async function seedLibrary({ db, adminId, dataDir, log }: SeedContext): Promise<void> {
  if (!dataDir) return;
  if (await db.selectFrom('library_documents').select('id').limit(1).executeTakeFirst()) return;
  const input: DocumentInput = {
    kind: 'info_sheet',
    title: { es: FACTSHEET_TITLE },
    summary: {
      es: 'Qué es el Mecanismo, qué avances ha logrado desde su creación en febrero de 2022 (adhesión de organizaciones, cuatro Mesas de Trabajo, la Mesa de Vinculación y la Mesa Técnica, consultas), qué objetivos se planteó y qué resultados espera alcanzar en 2023. Texto obtenido por reconocimiento óptico del PDF público de la Red de las Naciones Unidas sobre la Migración: algunas tildes aparecen alteradas.',
    },
    originalLang: 'es',
    bodyId: null,
    orgIds: [],
    authors: 'Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe',
    publishedOn: '2023-01-01',
    objectives: [],
    countries: [],
    visibility: 'public',
    visibilityBodyId: null,
    licence: 'all_rights_reserved',
  };
  const r = await createDocument(db, adminId, dataDir, input, { es: { name: 'mecanismo-hoja-informativa-2023.pdf', bytes: readFileSync(FACTSHEET_PDF) } });
  if (!r.ok) throw new Error(`library seed: ${r.reason}`);
  // The text is the factsheet's own: searchable now, no extraction needed.
  await db.updateTable('library_files').set({ text: [FACTSHEET_TITLE, ...factsheetParagraphs()].join('\n\n'), text_status: 'done' }).where('document_id', '=', r.id).execute();
  await indexDocument(db, r.id);
  await bumpSearchVersion(db);
  log.info('library: the 2023 factsheet was added');
}

export async function demoLibrary({ db, adminId, dataDir }: SeedContext): Promise<void> {
  if (!dataDir) return;
  const bodies = await listBodies(db);
  const mesa = bodies.find((b) => b.slug === 'mt1') ?? bodies[0];
  const docs: { input: Partial<DocumentInput> & Pick<DocumentInput, 'kind' | 'title' | 'summary'>; files: Record<string, string[]> }[] = [
    {
      input: {
        kind: 'manual',
        title: { es: '[Demo] Manual de procedimientos y de coordinación técnica', pt: '[Demo] Manual de procedimentos e de coordenação técnica' },
        summary: { es: 'Documento de demostración: cómo se coordinan las Mesas de Trabajo.', pt: 'Documento de demonstração: como as Mesas de Trabalho se coordenam.' },
        visibility: 'members',
        objectives: [23],
      },
      files: {
        es: ['Manual de procedimientos (demostración)', 'Las Mesas de Trabajo se reúnen cada mes y su secretaría levanta el acta de cada reunión.'],
        pt: ['Manual de procedimentos (demonstração)', 'As Mesas de Trabalho se reúnem todo mês e sua secretaria redige a ata de cada reunião.'],
      },
    },
    {
      input: {
        kind: 'study',
        title: { es: '[Demo] Estudio sobre narrativas de la migración en la región' },
        summary: { es: 'Documento de demostración: narrativas sobre personas migrantes en medios de comunicación.' },
        bodyId: mesa?.id ?? null,
        objectives: [17],
        countries: ['CL', 'PE', 'CO'],
      },
      files: { es: ['Narrativas de la migración (demostración)', 'Los medios de comunicación de la región presentan a las personas migrantes con estereotipos que este estudio describe.'] },
    },
    {
      input: {
        kind: 'communication_strategy',
        title: { es: '[Demo] Estrategia de comunicación 2024', en: '[Demo] Communication strategy 2024' },
        summary: { es: 'Documento de demostración: ejes y productos de comunicación.', en: 'Demo document: communication axes and products.' },
        licence: 'cc_by_4',
      },
      files: { es: ['Estrategia de comunicación (demostración)', 'Generar mayor comunicación y visibilidad del Mecanismo y de su mandato.'] },
    },
  ];
  for (const d of docs) {
    const input: DocumentInput = {
      originalLang: 'es',
      bodyId: null,
      orgIds: [],
      authors: null,
      publishedOn: '2024-06-01',
      objectives: [],
      countries: [],
      visibility: 'public',
      visibilityBodyId: null,
      licence: 'cc_by_nc_4',
      ...d.input,
    };
    const files: Record<string, { name: string; bytes: Uint8Array }> = {};
    for (const [l, [title, ...paras]] of Object.entries(d.files)) files[l] = { name: `demo-${l}.pdf`, bytes: await textPdf(title!, paras) };
    const r = await createDocument(db, adminId, dataDir, input, files);
    if (!r.ok) throw new Error(`library demo: ${r.reason}`);
  }
}
