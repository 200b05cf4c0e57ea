/** @module Practices: clearly labelled demo practices (npm start -- --demo). */
import type { SeedContext } from '../../platform/module.js';
import { listMemberOrganizations } from '../membership/index.js';
import { makePractice, practiceInput, userStub } from './factories.js';

const D = '[DEMO] ';
const DEMOS: { es: [string, string]; en?: [string, string]; pt?: [string, string]; fr?: [string, string]; obj: number[]; pr: string[]; c: string[]; type: string; scope: string; start: string }[] = [
  { es: ['Casas de acogida en la ruta migratoria del Darién', 'Red de albergues comunitarios que ofrecen alojamiento, alimentación y orientación jurídica a personas migrantes en tránsito.'], en: ['Shelters along the Darién migration route', 'A network of community shelters offering lodging, food and legal guidance to migrants in transit.'], obj: [8, 7], pr: ['human-rights', 'people-centred'], c: ['PA', 'CO'], type: 'practice', scope: 'regional', start: '2019-05-01' },
  { es: ['Regularización migratoria con acompañamiento comunitario', 'Acompañamiento a familias venezolanas en los trámites del permiso temporal de protección.'], pt: ['Regularização migratória com acompanhamento comunitário', 'Acompanhamento de famílias venezuelanas nos trâmites de autorização de residência.'], obj: [5, 4], pr: ['rule-of-law-and-due-process'], c: ['CO'], type: 'practice', scope: 'national', start: '2021-03-01' },
  { es: ['Guía de acceso a la salud para personas migrantes', 'Guía práctica en cuatro idiomas sobre cómo acceder a la atención primaria de salud.'], fr: ["Guide d'accès à la santé pour les personnes migrantes", "Guide pratique en quatre langues sur l'accès aux soins de santé primaires."], obj: [15], pr: ['people-centred', 'gender-responsive'], c: ['CL'], type: 'guidance', scope: 'national', start: '2020-01-15' },
  { es: ['Escuelas sin fronteras: inclusión educativa de niñas y niños migrantes', 'Programa de nivelación escolar y apoyo psicosocial en escuelas públicas.'], obj: [16, 15], pr: ['child-sensitive'], c: ['PE', 'EC'], type: 'practice', scope: 'local', start: '2019-09-01' },
  { es: ['Observatorio de datos sobre movilidad humana', 'Sistema abierto de datos desagregados por sexo, edad y nacionalidad sobre movilidad humana.'], en: ['Human mobility data observatory', 'An open system of data disaggregated by sex, age and nationality on human mobility.'], obj: [1], pr: ['sustainable-development'], c: ['MX', 'GT'], type: 'tool', scope: 'regional', start: '2022-02-01' },
  { es: ['Remesas más baratas con cooperativas de ahorro', 'Alianza con cooperativas para reducir el costo de enviar remesas y promover la inclusión financiera.'], obj: [20, 19], pr: ['whole-of-society'], c: ['SV', 'HN'], type: 'practice', scope: 'national', start: '2020-06-01' },
  { es: ['Campaña contra la xenofobia en medios locales', 'Campaña con periodistas y radios comunitarias para un discurso público basado en evidencia.'], pt: ['Campanha contra a xenofobia na mídia local', 'Campanha com jornalistas e rádios comunitárias por um discurso público baseado em evidências.'], obj: [17], pr: ['human-rights', 'whole-of-society'], c: ['BR'], type: 'training', scope: 'local', start: '2021-08-01' },
  { es: ['Reintegración sostenible de personas retornadas', 'Apoyo psicosocial, formación y capital semilla para personas que regresan a su país.'], obj: [21], pr: ['people-centred'], c: ['HN', 'GT'], type: 'practice', scope: 'national', start: '2019-02-01' },
  { es: ['Alternativas a la detención para familias', 'Modelo de gestión de casos en comunidad como alternativa a la detención migratoria.'], en: ['Alternatives to detention for families', 'A community case-management model as an alternative to immigration detention.'], obj: [13], pr: ['child-sensitive', 'rule-of-law-and-due-process'], c: ['MX'], type: 'study', scope: 'national', start: '2020-10-01' },
  { es: ['Protección social portátil para trabajadoras domésticas', 'Incidencia para que las trabajadoras domésticas migrantes conserven sus aportes de seguridad social.'], obj: [22, 6], pr: ['gender-responsive'], c: ['AR', 'PY', 'BO'], type: 'study', scope: 'regional', start: '2022-05-01' },
];

export async function demoPractices({ db, adminId }: SeedContext): Promise<void> {
  const orgs = await listMemberOrganizations(db).catch(() => []);
  const admin = userStub(adminId, 'admin');
  let i = 0;
  for (const d of DEMOS) {
    const title: Record<string, string> = { es: D + d.es[0] };
    const summary: Record<string, string> = { es: d.es[1] };
    for (const l of ['en', 'pt', 'fr'] as const) if (d[l]) (title[l] = D + d[l]![0]), (summary[l] = d[l]![1]);
    await makePractice(
      db,
      admin,
      practiceInput({
        orgId: orgs.length ? orgs[i++ % orgs.length]!.id : null,
        texts: {
          title,
          summary,
          problem: { es: 'Situación que la práctica busca atender (texto de demostración).' },
          actions: { es: 'Actividades realizadas por la organización y sus aliados (texto de demostración).' },
          results: { es: 'Resultados e impacto observados (texto de demostración).' },
          lessons: { es: 'Lecciones aprendidas (texto de demostración).' },
          replication: { es: 'Cómo replicarla en otro contexto (texto de demostración).' },
        },
        objectives: d.obj,
        principles: d.pr,
        countries: d.c,
        resourceType: d.type,
        scope: d.scope,
        startDate: d.start,
        contactName: 'Contacto de demostración',
        contactEmail: 'demo@dialogo.local',
      }),
      'published',
    );
  }
}
