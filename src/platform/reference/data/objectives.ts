/**
 * @module Reference data: the 23 objectives of the Global Compact for Safe, Orderly and Regular
 * Migration (GCM; in Spanish and French PMM, in Portuguese GCM, as Brazilian UN usage keeps the English acronym — see mechanism.ts).
 *
 * Sources:
 * - `title.en`, `title.es`, `title.fr`: the official texts of General Assembly resolution
 *   A/RES/73/195 (19 December 2018), annex, paragraph 16, in English, Spanish and French, as also
 *   shown on the objective pages of the UN Network on Migration's Hub
 *   (migrationnetwork.un.org/{es,fr}/taxonomy/term/<hubId>).
 * - `title.pt`: the GCM has no official Portuguese text; this is the project's own translation
 *   (Brazilian usage, with Brazil's legal terms: "tráfico ilícito de migrantes" for smuggling,
 *   "tráfico de pessoas" for trafficking).
 * - `short.en`, `short.es`, `short.fr`: the Hub's own facet labels; `short.pt` follows them.
 * - `hubId`: the Hub's taxonomy term id (used in `/hub?gcm_objectives=<hubId>`), 278 + n; confirmed
 *   for 1 (279) and 8 (286), consistent with every link in the Mechanism's 2023 factsheet.
 *
 * French text uses the straight apostrophe (') throughout.
 */
import type { Localized } from './locale.js';

export interface Objective {
  /** 1..23, the objective's number in the GCM. */
  n: number;
  /** The Hub's taxonomy term id (278 + n). */
  hubId: number;
  /** Short label, as on the Hub's filters. */
  short: Localized;
  /** Full title, as in A/RES/73/195. */
  title: Localized;
}

/** The 23 GCM objectives, in order. */
export const OBJECTIVES: readonly Objective[] = [
  {
    n: 1,
    hubId: 279,
    short: { es: 'Datos', en: 'Data', pt: 'Dados', fr: 'Données' },
    title: {
      es: 'Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
      en: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
      pt: 'Coletar e utilizar dados precisos e desagregados como base para políticas baseadas em evidências',
      fr: "Collecter et utiliser des données précises et ventilées qui serviront à l'élaboration de politiques fondées sur la connaissance des faits",
    },
  },
  {
    n: 2,
    hubId: 280,
    short: {
      es: 'Minimizar factores adversos',
      en: 'Minimize adverse drivers',
      pt: 'Minimizar fatores adversos',
      fr: 'Lutter contre les facteurs négatifs',
    },
    title: {
      es: 'Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
      en: 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
      pt: 'Minimizar os fatores adversos e estruturais que obrigam as pessoas a deixar seu país de origem',
      fr: "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d'origine",
    },
  },
  {
    n: 3,
    hubId: 281,
    short: {
      es: 'Proporcionar información',
      en: 'Information provision',
      pt: 'Fornecimento de informações',
      fr: "Fourniture d'informations",
    },
    title: {
      es: 'Proporcionar información exacta y oportuna en todas las etapas de la migración',
      en: 'Provide accurate and timely information at all stages of migration',
      pt: 'Fornecer informações precisas e oportunas em todas as etapas da migração',
      fr: 'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration',
    },
  },
  {
    n: 4,
    hubId: 282,
    short: {
      es: 'Identidad jurídica y documentación',
      en: 'Legal identity and documentation',
      pt: 'Identidade legal e documentação',
      fr: 'Identité légale et papiers',
    },
    title: {
      es: 'Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada',
      en: 'Ensure that all migrants have proof of legal identity and adequate documentation',
      pt: 'Garantir que todos os migrantes tenham prova de identidade legal e documentação adequada',
      fr: "Munir tous les migrants d'une preuve d'identité légale et de papiers adéquats",
    },
  },
  {
    n: 5,
    hubId: 283,
    short: {
      es: 'Vías de migración regular',
      en: 'Regular pathways',
      pt: 'Vias de migração regular',
      fr: 'Filières de migration régulière',
    },
    title: {
      es: 'Aumentar la disponibilidad y flexibilidad de las vías de migración regular',
      en: 'Enhance availability and flexibility of pathways for regular migration',
      pt: 'Aumentar a disponibilidade e a flexibilidade das vias de migração regular',
      fr: 'Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
    },
  },
  {
    n: 6,
    hubId: 284,
    short: {
      es: 'Contratación y trabajo decente',
      en: 'Recruitment and decent work',
      pt: 'Recrutamento e trabalho decente',
      fr: 'Recrutement et travail décent',
    },
    title: {
      es: 'Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente',
      en: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
      pt: 'Facilitar o recrutamento justo e ético e salvaguardar as condições que garantem o trabalho decente',
      fr: "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d'un travail décent",
    },
  },
  {
    n: 7,
    hubId: 285,
    short: {
      es: 'Reducir vulnerabilidades',
      en: 'Reduce vulnerabilities',
      pt: 'Reduzir vulnerabilidades',
      fr: 'Réduire la vulnérabilité',
    },
    title: {
      es: 'Abordar y reducir las vulnerabilidades en la migración',
      en: 'Address and reduce vulnerabilities in migration',
      pt: 'Abordar e reduzir as vulnerabilidades na migração',
      fr: "S'attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
    },
  },
  {
    n: 8,
    hubId: 286,
    short: { es: 'Salvar vidas', en: 'Save lives', pt: 'Salvar vidas', fr: 'Sauver des vies' },
    title: {
      es: 'Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos',
      en: 'Save lives and establish coordinated international efforts on missing migrants',
      pt: 'Salvar vidas e estabelecer esforços internacionais coordenados sobre migrantes desaparecidos',
      fr: 'Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus',
    },
  },
  {
    n: 9,
    hubId: 287,
    short: {
      es: 'Combatir el tráfico de migrantes',
      en: 'Counter smuggling',
      pt: 'Combater o tráfico ilícito de migrantes',
      fr: 'Combattre le trafic de migrants',
    },
    title: {
      es: 'Reforzar la respuesta transnacional al tráfico ilícito de migrantes',
      en: 'Strengthen the transnational response to smuggling of migrants',
      pt: 'Fortalecer a resposta transnacional ao tráfico ilícito de migrantes',
      fr: "Renforcer l'action transnationale face au trafic de migrants",
    },
  },
  {
    n: 10,
    hubId: 288,
    short: {
      es: 'Erradicar la trata de personas',
      en: 'Eradicate trafficking',
      pt: 'Erradicar o tráfico de pessoas',
      fr: 'Éradiquer la traite de personnes',
    },
    title: {
      es: 'Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional',
      en: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
      pt: 'Prevenir, combater e erradicar o tráfico de pessoas no contexto da migração internacional',
      fr: 'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales',
    },
  },
  {
    n: 11,
    hubId: 289,
    short: {
      es: 'Gestión de fronteras',
      en: 'Manage borders',
      pt: 'Gestão de fronteiras',
      fr: 'Gérer les frontières',
    },
    title: {
      es: 'Gestionar las fronteras de manera integrada, segura y coordinada',
      en: 'Manage borders in an integrated, secure and coordinated manner',
      pt: 'Gerenciar as fronteiras de forma integrada, segura e coordenada',
      fr: 'Gérer les frontières de manière intégrée, sûre et coordonnée',
    },
  },
  {
    n: 12,
    hubId: 290,
    short: {
      es: 'Verificación de antecedentes y derivación',
      en: 'Screening and referral',
      pt: 'Triagem e encaminhamento',
      fr: 'Contrôle, évaluation et orientation',
    },
    title: {
      es: 'Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación',
      en: 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
      pt: 'Aumentar a segurança jurídica e a previsibilidade dos procedimentos migratórios para a triagem, a avaliação e o encaminhamento adequados',
      fr: "Veiller à l'invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés",
    },
  },
  {
    n: 13,
    hubId: 291,
    short: {
      es: 'Alternativas a la detención',
      en: 'Alternatives to detention',
      pt: 'Alternativas à detenção',
      fr: 'Alternatives à la rétention',
    },
    title: {
      es: 'Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas',
      en: 'Use migration detention only as a measure of last resort and work towards alternatives',
      pt: 'Utilizar a detenção migratória apenas como medida de último recurso e buscar alternativas',
      fr: "Ne recourir au placement en rétention administrative des migrants qu'en dernier ressort et chercher des solutions de rechange",
    },
  },
  {
    n: 14,
    hubId: 292,
    short: {
      es: 'Protección consular',
      en: 'Consular protection',
      pt: 'Proteção consular',
      fr: 'Protection consulaire',
    },
    title: {
      es: 'Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio',
      en: 'Enhance consular protection, assistance and cooperation throughout the migration cycle',
      pt: 'Melhorar a proteção, a assistência e a cooperação consulares ao longo de todo o ciclo migratório',
      fr: "Renforcer la protection, l'assistance et la coopération consulaires tout au long du cycle migratoire",
    },
  },
  {
    n: 15,
    hubId: 293,
    short: {
      es: 'Acceso a los servicios básicos',
      en: 'Access to basic services',
      pt: 'Acesso a serviços básicos',
      fr: 'Accès aux services de base',
    },
    title: {
      es: 'Proporcionar a los migrantes acceso a servicios básicos',
      en: 'Provide access to basic services for migrants',
      pt: 'Proporcionar aos migrantes acesso a serviços básicos',
      fr: "Assurer l'accès des migrants aux services de base",
    },
  },
  {
    n: 16,
    hubId: 294,
    short: {
      es: 'Inclusión y cohesión social',
      en: 'Inclusion and social cohesion',
      pt: 'Inclusão e coesão social',
      fr: 'Intégration et cohésion sociale',
    },
    title: {
      es: 'Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social',
      en: 'Empower migrants and societies to realize full inclusion and social cohesion',
      pt: 'Empoderar migrantes e sociedades para alcançar a plena inclusão e a coesão social',
      fr: 'Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration et de la cohésion sociale',
    },
  },
  {
    n: 17,
    hubId: 295,
    short: {
      es: 'Eliminar la discriminación',
      en: 'Eliminate discrimination',
      pt: 'Eliminar a discriminação',
      fr: 'Éliminer les discriminations',
    },
    title: {
      es: 'Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración',
      en: 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
      pt: 'Eliminar todas as formas de discriminação e promover um discurso público baseado em evidências para moldar as percepções sobre a migração',
      fr: "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l'analyse des faits afin de faire évoluer la manière dont les migrations sont perçues",
    },
  },
  {
    n: 18,
    hubId: 296,
    short: {
      es: 'Desarrollo y reconocimiento de competencias',
      en: 'Skills development and recognition',
      pt: 'Desenvolvimento e reconhecimento de competências',
      fr: 'Perfectionnement et reconnaissance des qualifications',
    },
    title: {
      es: 'Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias',
      en: 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
      pt: 'Investir no desenvolvimento de habilidades e facilitar o reconhecimento mútuo de habilidades, qualificações e competências',
      // Not checked against the published French text (the other 22 were); wording from memory of A/RES/73/195.
      fr: 'Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences',
    },
  },
  {
    n: 19,
    hubId: 297,
    short: {
      es: 'Contribución de migrantes y diásporas',
      en: 'Migrant and diaspora contributions',
      pt: 'Contribuições de migrantes e diásporas',
      fr: 'Contributions des migrants et diaspora',
    },
    title: {
      es: 'Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países',
      en: 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
      pt: 'Criar condições para que migrantes e diásporas contribuam plenamente para o desenvolvimento sustentável em todos os países',
      fr: 'Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays',
    },
  },
  {
    n: 20,
    hubId: 298,
    short: { es: 'Remesas', en: 'Remittances', pt: 'Remessas', fr: 'Envois de fonds' },
    title: {
      es: 'Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes',
      en: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
      pt: 'Promover transferências de remessas mais rápidas, seguras e baratas e fomentar a inclusão financeira dos migrantes',
      fr: "Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l'inclusion financière des migrants",
    },
  },
  {
    n: 21,
    hubId: 299,
    short: {
      es: 'Retorno y reintegración dignos',
      en: 'Dignified return and reintegration',
      pt: 'Retorno e reintegração dignos',
      fr: 'Retour digne et réintégration durable',
    },
    title: {
      es: 'Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible',
      en: 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
      pt: 'Cooperar para facilitar o retorno e a readmissão seguros e dignos, bem como a reintegração sustentável',
      fr: 'Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dignité, ainsi que leur réintégration durable',
    },
  },
  {
    n: 22,
    hubId: 300,
    short: { es: 'Protección social', en: 'Social protection', pt: 'Proteção social', fr: 'Protection sociale' },
    title: {
      es: 'Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas',
      en: 'Establish mechanisms for the portability of social security entitlements and earned benefits',
      pt: 'Estabelecer mecanismos para a portabilidade dos direitos de seguridade social e dos benefícios adquiridos',
      fr: 'Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis',
    },
  },
  {
    n: 23,
    hubId: 301,
    short: {
      es: 'Cooperación internacional',
      en: 'International cooperation',
      pt: 'Cooperação internacional',
      fr: 'Coopération internationale',
    },
    title: {
      es: 'Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular',
      en: 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
      pt: 'Fortalecer a cooperação internacional e as parcerias globais para a migração segura, ordenada e regular',
      fr: 'Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières',
    },
  },
];

/** The objective with number `n`, or undefined. */
export function objectiveByNumber(n: number): Objective | undefined {
  return OBJECTIVES.find((o) => o.n === n);
}
