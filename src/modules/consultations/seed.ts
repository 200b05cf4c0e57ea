/**
 * @module Consultations: demo data — one closed 2023 consultation on priority areas per thematic Mesa (MT2 and
 * MT3), answered by the demo organizations of that Mesa, whose counted result is the three objectives the Mesa
 * prioritized in the factsheet (MT2: 4, 8, 13; MT3: 16, 19, 22). Not announced (nobody is mailed).
 */
import type { SeedContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { getBodyBySlug, bodyMemberOrganizations } from '../bodies/index.js';
import { designatedVoter } from '../membership/index.js';
import { createConsultation, addQuestion } from './commands/lifecycle.js';
import { submitAnswer } from './commands/answer.js';

const PRIORITIES: [string, number[], number[]][] = [
  // slug, the Mesa's prioritized objectives, other objectives its organizations also name
  ['mt2', [4, 8, 13], [7, 15, 23]],
  ['mt3', [16, 19, 22], [17, 18, 21]],
];

export async function demoConsultations({ db, adminId }: SeedContext): Promise<void> {
  for (const [slug, top, others] of PRIORITIES) {
    const body = await getBodyBySlug(db, slug);
    if (!body) continue;
    const orgs = (await bodyMemberOrganizations(db, body.id)).filter((o) => o.name.startsWith('[Demo]'));
    if (!orgs.length) continue;
    if (await db.selectFrom('consultations').select('id').where('body_id', '=', body.id).executeTakeFirst()) continue;
    const name = (l: 'es' | 'en' | 'pt' | 'fr') => pickTranslated(body.shortName, l)?.text ?? slug;
    const created = await createConsultation(
      db,
      adminId,
      {
        bodyId: body.id,
        title: {
          es: `[Demo] Áreas prioritarias 2023 — ${name('es')}`,
          en: `[Demo] Priority areas 2023 — ${name('en')}`,
          pt: `[Demo] Áreas prioritárias 2023 — ${name('pt')}`,
          fr: `[Démo] Domaines prioritaires 2023 — ${name('fr')}`,
        },
        purpose: {
          es: 'Identificar las áreas prioritarias de trabajo de la Mesa de cara al primer Conversatorio Multiactoral.',
          en: 'Identify the Mesa’s priority areas of work ahead of the first Multi-stakeholder Dialogue.',
          pt: 'Identificar as áreas prioritárias de trabalho da Mesa para o primeiro Diálogo Multiator.',
          fr: 'Identifier les domaines de travail prioritaires de la Table en vue du premier Dialogue multi-acteurs.',
        },
        instructions: { es: 'Ordene hasta cinco objetivos del PMM.', en: 'Rank up to five GCM objectives.', pt: 'Ordene até cinco objetivos do PMM.', fr: 'Classez jusqu’à cinq objectifs du PMM.' },
        audience: 'body',
        resultsRelease: 'close',
        publishAnswers: false,
        opensAt: '2023-03-01T00:00:00.000Z',
        closesAt: '2023-03-31T23:59:59.999Z',
      },
      '2023-02-20T12:00:00.000Z',
    );
    if (!created.ok) continue;
    const id = created.id;
    const rank = await addQuestion(db, adminId, id, {
      kind: 'rank',
      required: true,
      prompt: { es: 'Sus cinco objetivos prioritarios', en: 'Your five priority objectives', pt: 'Os seus cinco objetivos prioritários', fr: 'Vos cinq objectifs prioritaires' },
      help: { es: '1 = el más importante.', en: '1 = the most important.', pt: '1 = o mais importante.', fr: '1 = le plus important.' },
      source: 'objectives',
      customItems: [],
      minN: null,
      maxN: 5,
      lowLabel: null,
      highLabel: null,
      showIf: null,
    });
    const scale = await addQuestion(db, adminId, id, {
      kind: 'scale',
      required: false,
      prompt: { es: '¿Cuánto trabaja hoy su organización en estos objetivos?', en: 'How much does your organization work on these objectives today?', pt: 'Quanto a sua organização trabalha hoje nesses objetivos?', fr: 'Dans quelle mesure votre organisation travaille-t-elle aujourd’hui sur ces objectifs ?' },
      help: {},
      source: null,
      customItems: [],
      minN: null,
      maxN: null,
      lowLabel: { es: 'Nada', en: 'Not at all', pt: 'Nada', fr: 'Pas du tout' },
      highLabel: { es: 'Mucho', en: 'A lot', pt: 'Muito', fr: 'Beaucoup' },
      showIf: null,
    });
    if (!rank.ok || !scale.ok) continue;
    await db.updateTable('consultations').set({ status: 'open', opened_at: '2023-03-01T00:00:00.000Z' }).where('id', '=', id).execute();
    for (const [i, o] of orgs.entries()) {
      const who = (await designatedVoter(db, o.id)) ?? adminId;
      // The Mesa's three objectives first (in rotating order), then two of the others: the count puts them on top.
      const ranking = [...top.slice(i % 3), ...top.slice(0, i % 3), others[i % 3]!, others[(i + 1) % 3]!].map(String);
      await submitAnswer(db, who, { consultationId: id, orgId: o.id, answers: { [rank.id]: ranking, [scale.id]: 2 + (i % 4) } }, `2023-03-${String(10 + i).padStart(2, '0')}T15:00:00.000Z`);
    }
    await db.updateTable('consultations').set({ status: 'closed', closed_at: '2023-04-01T00:00:00.000Z', results_published_at: '2023-04-01T00:00:00.000Z', updated_at: '2023-04-01T00:00:00.000Z' }).where('id', '=', id).execute();
  }
}
