/**
 * @module News: clearly labelled demo posts (npm start -- --demo): each is flagged `demo` (a "Demo" badge on every
 * page, `demo: true` in the API) and says so in its title. Their subjects come from the Mechanism's 2023 factsheet
 * (communication as the first strategic axis; the Mesas' manual of procedures); dates are illustrative.
 */
import type { SeedContext } from '../../platform/module.js';
import type { Db } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { stringifyTranslated, type Translated } from '../../platform/i18n/translated.js';
import { audit } from '../../platform/audit/audit.js';
import { listBodies } from '../bodies/index.js';

interface DemoPost {
  title: Translated;
  summary: Translated;
  body: Translated;
  /** Days before now it was published. */
  daysAgo: number;
  /** Index into the bodies (by position); null: the Mechanism's own news. */
  body_at: number | null;
}

const POSTS: DemoPost[] = [
  {
    title: { es: 'Demo: la comunicación, primer eje estratégico de 2023', en: 'Demo: communication, the first strategic axis of 2023', pt: 'Demo: a comunicação, primeiro eixo estratégico de 2023', fr: 'Démo : la communication, premier axe stratégique de 2023' },
    summary: { es: 'Texto de demostración: el Mecanismo se propuso generar mayor comunicación y visibilidad de su mandato.', en: 'Demo text: the Mechanism set out to communicate more and make its mandate better known.', pt: 'Texto de demonstração: o Mecanismo propôs-se gerar maior comunicação e visibilidade do seu mandato.', fr: 'Texte de démonstration : le Mécanisme s\'est proposé de mieux communiquer et de faire connaître son mandat.' },
    body: {
      es: '## Qué se propuso\n\nTexto de **demostración**. Según la hoja informativa 2023, el primer eje estratégico es *generar mayor comunicación y visibilidad del Mecanismo y de su mandato*.\n\n- Productos de comunicación\n- Materiales de conocimiento\n\nMás en la [página del Mecanismo](https://www.iom.int).',
      en: '## What it set out to do\n\n**Demo** text. According to the 2023 factsheet, the first strategic axis is to communicate more and make the Mechanism and its mandate more visible.\n\n- Communication products\n- Knowledge materials',
      pt: '## O que se propôs\n\nTexto de **demonstração**. Segundo a ficha informativa de 2023, o primeiro eixo estratégico é gerar maior comunicação e visibilidade do Mecanismo e do seu mandato.',
      fr: '## Ce qui était prévu\n\nTexte de **démonstration**. Selon la fiche d\'information 2023, le premier axe stratégique est de mieux communiquer et de rendre le Mécanisme et son mandat plus visibles.',
    },
    daysAgo: 2,
    body_at: null,
  },
  {
    title: { es: 'Demo: manual de procedimientos y coordinación técnica de las Mesas', en: 'Demo: the Mesas\' manual of procedures and technical coordination' },
    summary: { es: 'Texto de demostración: las Mesas socializaron su manual de procedimientos.', en: 'Demo text: the Mesas shared their manual of procedures.' },
    body: {
      es: 'Texto de **demostración**. Las Mesas escribieron un *Manual de Procedimientos y de Coordinación Técnica* que fue socializado con las organizaciones miembro.',
      en: '**Demo** text. The Mesas wrote a manual of procedures and technical coordination that was shared with the member organizations.',
    },
    daysAgo: 9,
    body_at: 0,
  },
  {
    title: { es: 'Demo: estudio sobre narrativas de la migración' },
    summary: { es: 'Texto de demostración: un estudio sobre narrativas migrantes.' },
    body: { es: 'Texto de **demostración** sobre un estudio de narrativas de la migración.\n\n1. Contexto\n2. Hallazgos\n3. Recomendaciones' },
    daysAgo: 20,
    body_at: 1,
  },
];

export async function demoNews({ db, adminId }: SeedContext): Promise<void> {
  if (await db.selectFrom('news_posts').select('id').where('demo', '=', 1).limit(1).executeTakeFirst()) return;
  const bodies = await listBodies(db);
  for (const p of POSTS) await insertDemo(db, adminId, p, p.body_at === null ? null : (bodies[p.body_at]?.id ?? null));
}

async function insertDemo(db: Db, adminId: string, p: DemoPost, bodyId: string | null) {
  const at = new Date(Date.now() - p.daysAgo * 86_400_000).toISOString();
  const id = newId();
  await db
    .insertInto('news_posts')
    .values({
      id,
      body_id: bodyId,
      title: stringifyTranslated(p.title),
      summary: stringifyTranslated(p.summary),
      body: stringifyTranslated(p.body),
      original_lang: 'es',
      status: 'published',
      publish_at: null,
      published_at: at,
      image_file: null,
      image_alt: null,
      demo: 1,
      created_by: adminId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await audit(db, { actorId: adminId, action: 'news.published', subjectType: 'news', subjectId: id, from: null, to: 'published' });
}
