/**
 * @module Reference data: the Mechanism, its bodies and its 2023 plan, for seeding on first start.
 *
 * Source: the Mechanism's 2023 factsheet, published by the UN Network on Migration
 * (shared/seed/mecanismo-factsheet-2023.txt, OCR text), read together with
 * shared/reference/gcm.md. Nothing here goes beyond the factsheet except:
 * - the English, Portuguese and French wording (the factsheet is in Spanish only);
 * - where the factsheet is silent on what a body does (MT1, the three MT4 sub-groups), a general
 *   sentence on what the body is for, marked as such in a comment;
 * - short titles for the three strategic axes (the factsheet numbers them without titles; the
 *   titles follow the headings of the expected results).
 * Body names in English and French ("Working Group", "Liaison Group", "groupe de travail") are the
 * project's translations of "Mesa"; Portuguese keeps "Mesa".
 *
 * French text uses the straight apostrophe (') throughout.
 */
import type { Localized } from './locale.js';

// ---------------------------------------------------------------------------------------------
// The Mechanism
// ---------------------------------------------------------------------------------------------

export interface Mechanism {
  name: Localized;
  /** How the factsheet refers to it in running text ("El Mecanismo"). */
  shortName: Localized;
  /**
   * The factsheet uses no acronym for the Mechanism, so none is invented here (null). Set it when
   * the Mechanism adopts one.
   */
  acronym: string | null;
  /** Year and month of creation (YYYY-MM). */
  created: string;
  /** The Global Compact the Mechanism works within, and its usual acronym in each language. */
  compact: { name: Localized; acronym: Localized };
  about: Localized;
  /** What it has achieved since 2022, as listed in the factsheet ("¿Qué avances ha logrado?"). */
  achievements: readonly Localized[];
}

export const MECHANISM: Mechanism = {
  name: {
    es: 'Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe',
    en: 'Permanent Civil Society Dialogue Mechanism in Latin America and the Caribbean',
    pt: 'Mecanismo de Diálogo Permanente da Sociedade Civil na América Latina e no Caribe',
    fr: 'Mécanisme de dialogue permanent de la société civile en Amérique latine et dans les Caraïbes',
  },
  shortName: { es: 'el Mecanismo', en: 'the Mechanism', pt: 'o Mecanismo', fr: 'le Mécanisme' },
  acronym: null,
  created: '2022-02',
  compact: {
    name: {
      es: 'Pacto Mundial para la Migración Segura, Ordenada y Regular',
      en: 'Global Compact for Safe, Orderly and Regular Migration',
      pt: 'Pacto Global para uma Migração Segura, Ordenada e Regular',
      fr: 'Pacte mondial pour des migrations sûres, ordonnées et régulières',
    },
    // Portuguese: Brazilian UN usage keeps the English acronym ("GCM, na sigla em inglês").
    acronym: { es: 'PMM', en: 'GCM', pt: 'GCM', fr: 'PMM' },
  },
  about: {
    es: 'El Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe es un espacio de diálogo, asesoría y consulta en el marco del Pacto Mundial para la Migración Segura, Ordenada y Regular (PMM). Está compuesto por más de 80 organizaciones de la sociedad civil de la región. Desde su creación en febrero de 2022, ha consolidado su arquitectura y su gobernanza de trabajo; ha identificado áreas prioritarias, desafíos, buenas prácticas, lecciones aprendidas y oportunidades de acción, y ha reforzado su compromiso con la implementación, el seguimiento y la revisión del PMM y de su Declaración sobre los Progresos.',
    en: 'The Permanent Civil Society Dialogue Mechanism in Latin America and the Caribbean is a space for dialogue, advice and consultation within the framework of the Global Compact for Safe, Orderly and Regular Migration (GCM). It brings together more than 80 civil society organizations from the region. Since it was created in February 2022, it has consolidated its structure and the way it governs its work; identified priority areas, challenges, good practices, lessons learned and opportunities for action; and strengthened its commitment to the implementation, follow-up and review of the GCM and its Progress Declaration.',
    pt: 'O Mecanismo de Diálogo Permanente da Sociedade Civil na América Latina e no Caribe é um espaço de diálogo, assessoria e consulta no marco do Pacto Global para uma Migração Segura, Ordenada e Regular (GCM). Reúne mais de 80 organizações da sociedade civil da região. Desde sua criação, em fevereiro de 2022, consolidou sua arquitetura e sua governança de trabalho; identificou áreas prioritárias, desafios, boas práticas, lições aprendidas e oportunidades de ação; e reforçou seu compromisso com a implementação, o acompanhamento e a revisão do GCM e de sua Declaração de Progresso.',
    fr: "Le Mécanisme de dialogue permanent de la société civile en Amérique latine et dans les Caraïbes est un espace de dialogue, de conseil et de consultation dans le cadre du Pacte mondial pour des migrations sûres, ordonnées et régulières (PMM). Il réunit plus de 80 organisations de la société civile de la région. Depuis sa création en février 2022, il a consolidé son architecture et sa gouvernance de travail ; il a recensé des domaines prioritaires, des défis, des bonnes pratiques, des enseignements et des possibilités d'action ; et il a renforcé son engagement dans la mise en œuvre, le suivi et l'examen du PMM et de sa Déclaration sur les progrès.",
  },
  achievements: [
    {
      es: 'Adhesión al Mecanismo de diversos miembros de la sociedad civil y otras partes interesadas de toda la región.',
      en: 'Civil society members and other stakeholders from across the region joined the Mechanism.',
      pt: 'Adesão ao Mecanismo de diversos membros da sociedade civil e outras partes interessadas de toda a região.',
      fr: "Adhésion au Mécanisme de divers membres de la société civile et d'autres parties prenantes de toute la région.",
    },
    {
      es: 'Consolidación de cuatro Mesas de Trabajo (MT) por área temática y designación de secretarios/as y delegados/as por MT.',
      en: 'Four thematic Working Groups (WG) consolidated, each with its own secretary and delegates.',
      pt: 'Consolidação de quatro Mesas de Trabalho (MT) por área temática e designação de secretários/as e delegados/as por MT.',
      fr: 'Consolidation de quatre groupes de travail (GT) thématiques et désignation de secrétaires et de délégués pour chacun.',
    },
    {
      es: 'Conformación de una Mesa de Vinculación (MV) responsable de articular esfuerzos entre las MT y el Sistema de las Naciones Unidas.',
      en: 'A Liaison Group set up to coordinate efforts between the Working Groups and the United Nations system.',
      pt: 'Constituição de uma Mesa de Vinculação (MV) responsável por articular os esforços entre as MT e o Sistema das Nações Unidas.',
      fr: 'Création d\'un groupe de liaison chargé de coordonner les efforts entre les groupes de travail et le système des Nations Unies.',
    },
    {
      es: 'Creación de una Mesa Técnica encargada de asegurar la operatividad de las cuatro MT mediante el desarrollo y la aplicación del Plan Operativo Anual 2023-2024 (POA).',
      en: 'A Technical Group created to keep the four Working Groups running by developing and applying the 2023-2024 Annual Operational Plan.',
      pt: 'Criação de uma Mesa Técnica encarregada de assegurar o funcionamento das quatro MT por meio da elaboração e aplicação do Plano Operativo Anual 2023-2024 (POA).',
      fr: 'Création d\'un groupe technique chargé d\'assurer le fonctionnement des quatre groupes de travail grâce à l\'élaboration et à l\'application du plan opérationnel annuel 2023-2024.',
    },
    {
      es: 'Procesos de consulta inclusivos para identificar áreas prioritarias de trabajo en la región de cara al primer Conversatorio Multiactoral, previsto para el segundo semestre de 2023 en el marco del compromiso asumido por la Red Regional de las Naciones Unidas sobre Migración para América Latina y el Caribe.',
      en: 'Inclusive consultations to identify priority areas of work in the region ahead of the first Multi-Stakeholder Dialogue, planned for the second half of 2023 as part of the commitment made by the United Nations Regional Network on Migration for Latin America and the Caribbean.',
      pt: 'Processos de consulta inclusivos para identificar áreas prioritárias de trabalho na região, com vistas ao primeiro Diálogo Multiatores, previsto para o segundo semestre de 2023 no marco do compromisso assumido pela Rede Regional das Nações Unidas sobre Migração para a América Latina e o Caribe.',
      fr: "Consultations inclusives pour définir les domaines de travail prioritaires dans la région en vue du premier dialogue multipartite, prévu au second semestre 2023 dans le cadre de l'engagement pris par le Réseau régional des Nations Unies sur les migrations pour l'Amérique latine et les Caraïbes.",
    },
    {
      es: 'Celebración en Santiago de Chile de un primer taller híbrido sobre Narrativas Migratorias y Contribuciones de las Personas Migrantes al Desarrollo Sostenible.',
      en: 'A first hybrid workshop in Santiago, Chile, on migration narratives and migrants\' contributions to sustainable development.',
      pt: 'Realização, em Santiago do Chile, de uma primeira oficina híbrida sobre Narrativas Migratórias e Contribuições das Pessoas Migrantes para o Desenvolvimento Sustentável.',
      fr: "Tenue à Santiago du Chili d'un premier atelier hybride sur les récits migratoires et les contributions des personnes migrantes au développement durable.",
    },
    {
      es: 'Fortalecimiento de capacidades de la Mesa de Vinculación mediante la socialización de estudios sobre narrativas y contribuciones de las personas migrantes al desarrollo sostenible.',
      en: 'Capacity building for the Liaison Group through shared studies on narratives and migrants\' contributions to sustainable development.',
      pt: 'Fortalecimento das capacidades da Mesa de Vinculação por meio da socialização de estudos sobre narrativas e contribuições das pessoas migrantes para o desenvolvimento sustentável.',
      fr: "Renforcement des capacités du groupe de liaison grâce au partage d'études sur les récits et les contributions des personnes migrantes au développement durable.",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

export type BodyKind = 'working_group' | 'sub_group' | 'liaison' | 'technical';

/** What each kind of body is called. */
export const BODY_KIND_LABELS: Readonly<Record<BodyKind, Localized>> = {
  working_group: { es: 'Mesa de Trabajo', en: 'Working Group', pt: 'Mesa de Trabalho', fr: 'Groupe de travail' },
  sub_group: { es: 'Submesa', en: 'Sub-group', pt: 'Submesa', fr: 'Sous-groupe' },
  liaison: { es: 'Mesa de Vinculación', en: 'Liaison Group', pt: 'Mesa de Vinculação', fr: 'Groupe de liaison' },
  technical: { es: 'Mesa Técnica', en: 'Technical Group', pt: 'Mesa Técnica', fr: 'Groupe technique' },
};

/**
 * The elected positions of each Working Group (factsheet: "secretaría y delegatura principal y
 * suplente", elected by vote).
 */
export const BODY_ROLES: Readonly<Record<'secretary' | 'principal_delegate' | 'alternate_delegate', Localized>> = {
  secretary: { es: 'Secretaría', en: 'Secretary', pt: 'Secretaria', fr: 'Secrétariat' },
  principal_delegate: {
    es: 'Delegatura principal',
    en: 'Principal delegate',
    pt: 'Delegação principal',
    fr: 'Délégation principale',
  },
  alternate_delegate: {
    es: 'Delegatura suplente',
    en: 'Alternate delegate',
    pt: 'Delegação suplente',
    fr: 'Délégation suppléante',
  },
};

export interface Body {
  /** Stable slug, e.g. 'mt1', 'mt4-2', 'mv'. */
  slug: string;
  kind: BodyKind;
  /** For sub-groups: the slug of the Working Group they belong to; otherwise null. */
  parentSlug: string | null;
  /** Display order among its siblings (top-level bodies, or the sub-groups of one parent). */
  order: number;
  name: Localized;
  /** Short label: "MT1" (es, pt), "WG1" (en), "GT1" (fr), ... */
  shortName: Localized;
  /** 2-3 plain sentences. */
  mandate: Localized;
  /** GCM objective numbers the body prioritizes, as stated in the factsheet. */
  prioritizedObjectives: readonly number[];
  /** Progress and achievements 2022-23 listed in the factsheet. */
  achievements2023: readonly Localized[];
}

const VOTE_AND_ELECTION: Localized = {
  es: 'Votación y elección de la secretaría y de la delegatura principal y suplente de la Mesa.',
  en: 'Vote and election of the group\'s secretary and its principal and alternate delegates.',
  pt: 'Votação e eleição da secretaria e da delegação principal e suplente da Mesa.',
  fr: 'Vote et élection du secrétariat et de la délégation principale et suppléante du groupe.',
};

const WG_GOVERNANCE: Localized = {
  es: 'Como cada Mesa de Trabajo, elige por votación una secretaría y una delegatura principal y suplente.',
  en: 'Like every Working Group, it elects a secretary and principal and alternate delegates by vote.',
  pt: 'Como cada Mesa de Trabalho, elege por votação uma secretaria e uma delegação principal e suplente.',
  fr: 'Comme chaque groupe de travail, il élit par vote un secrétariat et une délégation principale et suppléante.',
};

function join(...parts: Localized[]): Localized {
  return {
    es: parts.map((p) => p.es).join(' '),
    en: parts.map((p) => p.en).join(' '),
    pt: parts.map((p) => p.pt).join(' '),
    fr: parts.map((p) => p.fr).join(' '),
  };
}

/** The Mechanism's bodies as of 2023: four Working Groups (MT4 with three sub-groups), the Liaison Group and the Technical Group. */
export const BODIES: readonly Body[] = [
  {
    slug: 'mt1',
    kind: 'working_group',
    parentSlug: null,
    order: 1,
    name: {
      es: 'Factores de la migración y rutas regulares',
      en: 'Drivers of migration and regular pathways',
      pt: 'Fatores da migração e rotas regulares',
      fr: 'Facteurs de migration et voies régulières',
    },
    shortName: { es: 'MT1', en: 'WG1', pt: 'MT1', fr: 'GT1' },
    // The factsheet states the theme but no mandate: the second sentence says what a thematic
    // Working Group is for, in general terms.
    mandate: join(
      {
        es: 'Mesa de Trabajo temática del Mecanismo sobre los factores que impulsan la migración y las rutas de migración regular.',
        en: 'The Mechanism\'s thematic Working Group on the drivers of migration and regular migration pathways.',
        pt: 'Mesa de Trabalho temática do Mecanismo sobre os fatores que impulsionam a migração e as rotas de migração regular.',
        fr: 'Groupe de travail thématique du Mécanisme consacré aux facteurs de migration et aux voies de migration régulière.',
      },
      {
        es: 'Es un espacio para que las organizaciones miembro analicen estos temas, intercambien información y buenas prácticas y formulen propuestas en el marco del PMM.',
        en: 'It is a space for member organizations to analyse these issues, share information and good practices, and make proposals within the framework of the GCM.',
        pt: 'É um espaço para que as organizações membros analisem esses temas, troquem informações e boas práticas e formulem propostas no marco do GCM.',
        fr: "C'est un espace où les organisations membres analysent ces questions, échangent informations et bonnes pratiques et formulent des propositions dans le cadre du PMM.",
      },
      WG_GOVERNANCE,
    ),
    // The factsheet lists no prioritized GCM objectives for MT1: left empty on purpose (do not
    // infer them from the theme, e.g. objectives 2 and 5).
    prioritizedObjectives: [],
    achievements2023: [
      {
        es: 'Coordinación de la Mesa Técnica durante el primer trimestre de 2023.',
        en: 'Coordination of the Technical Group during the first quarter of 2023.',
        pt: 'Coordenação da Mesa Técnica durante o primeiro trimestre de 2023.',
        fr: 'Coordination du groupe technique au cours du premier trimestre 2023.',
      },
      VOTE_AND_ELECTION,
      {
        es: 'Creación de una hoja informativa sobre los avances y logros de la Mesa en 2022-2023.',
        en: 'Creation of a factsheet on the group\'s progress and achievements in 2022-2023.',
        pt: 'Criação de uma ficha informativa sobre os avanços e as conquistas da Mesa em 2022-2023.',
        fr: "Réalisation d'une fiche d'information sur les avancées et les réalisations du groupe en 2022-2023.",
      },
    ],
  },
  {
    slug: 'mt2',
    kind: 'working_group',
    parentSlug: null,
    order: 2,
    name: {
      es: 'Gobernanza migratoria, salvar vidas y reintegración sostenible',
      en: 'Migration governance, saving lives and sustainable reintegration',
      pt: 'Governança migratória, salvar vidas e reintegração sustentável',
      fr: 'Gouvernance des migrations, sauver des vies et réintégration durable',
    },
    shortName: { es: 'MT2', en: 'WG2', pt: 'MT2', fr: 'GT2' },
    mandate: join(
      {
        es: 'Mesa de Trabajo temática del Mecanismo sobre la gobernanza migratoria, la protección de la vida de las personas migrantes y la reintegración sostenible.',
        en: 'The Mechanism\'s thematic Working Group on migration governance, protecting migrants\' lives and sustainable reintegration.',
        pt: 'Mesa de Trabalho temática do Mecanismo sobre a governança migratória, a proteção da vida das pessoas migrantes e a reintegração sustentável.',
        fr: 'Groupe de travail thématique du Mécanisme consacré à la gouvernance des migrations, à la protection de la vie des personnes migrantes et à la réintégration durable.',
      },
      {
        es: 'En su agenda prioriza los objetivos 4 (identidad jurídica), 8 (salvar vidas) y 13 (alternativas a la detención) del PMM.',
        en: 'Its agenda prioritizes GCM objectives 4 (legal identity), 8 (saving lives) and 13 (alternatives to detention).',
        pt: 'Sua agenda prioriza os objetivos 4 (identidade legal), 8 (salvar vidas) e 13 (alternativas à detenção) do GCM.',
        fr: 'Son programme de travail donne la priorité aux objectifs 4 (identité légale), 8 (sauver des vies) et 13 (alternatives à la rétention) du PMM.',
      },
      WG_GOVERNANCE,
    ),
    prioritizedObjectives: [4, 8, 13],
    achievements2023: [
      {
        es: 'Priorización en la agenda de los objetivos 4 (identidad jurídica), 8 (salvaguardar vidas) y 13 (alternativas a la detención).',
        en: 'Prioritization on the agenda of objectives 4 (legal identity), 8 (saving lives) and 13 (alternatives to detention).',
        pt: 'Priorização na agenda dos objetivos 4 (identidade legal), 8 (salvar vidas) e 13 (alternativas à detenção).',
        fr: 'Inscription prioritaire au programme des objectifs 4 (identité légale), 8 (sauver des vies) et 13 (alternatives à la rétention).',
      },
      {
        es: 'Elaboración del Plan de Trabajo 2023.',
        en: 'Preparation of the 2023 Work Plan.',
        pt: 'Elaboração do Plano de Trabalho 2023.',
        fr: 'Élaboration du plan de travail 2023.',
      },
      {
        es: 'Creación y fortalecimiento de estrategias de comunicación y de coordinación interna y externa.',
        en: 'Creation and strengthening of communication strategies and of internal and external coordination.',
        pt: 'Criação e fortalecimento de estratégias de comunicação e de coordenação interna e externa.',
        fr: 'Création et renforcement de stratégies de communication et de coordination interne et externe.',
      },
      VOTE_AND_ELECTION,
    ],
  },
  {
    slug: 'mt3',
    kind: 'working_group',
    parentSlug: null,
    order: 3,
    name: {
      es: 'Inclusión de las personas migrantes',
      en: 'Inclusion of migrants',
      pt: 'Inclusão das pessoas migrantes',
      fr: 'Inclusion des personnes migrantes',
    },
    shortName: { es: 'MT3', en: 'WG3', pt: 'MT3', fr: 'GT3' },
    mandate: join(
      {
        es: 'Mesa de Trabajo temática del Mecanismo sobre la inclusión de las personas migrantes en las sociedades de la región.',
        en: 'The Mechanism\'s thematic Working Group on the inclusion of migrants in the societies of the region.',
        pt: 'Mesa de Trabalho temática do Mecanismo sobre a inclusão das pessoas migrantes nas sociedades da região.',
        fr: 'Groupe de travail thématique du Mécanisme consacré à l\'inclusion des personnes migrantes dans les sociétés de la région.',
      },
      {
        es: 'En su agenda prioriza los objetivos 16 (inclusión y cohesión social), 19 (contribución de los migrantes y la diáspora) y 22 (protección social) del PMM.',
        en: 'Its agenda prioritizes GCM objectives 16 (inclusion and social cohesion), 19 (contributions of migrants and diasporas) and 22 (social protection).',
        pt: 'Sua agenda prioriza os objetivos 16 (inclusão e coesão social), 19 (contribuição dos migrantes e das diásporas) e 22 (proteção social) do GCM.',
        fr: 'Son programme de travail donne la priorité aux objectifs 16 (inclusion et cohésion sociale), 19 (contributions des migrants et des diasporas) et 22 (protection sociale) du PMM.',
      },
      WG_GOVERNANCE,
    ),
    // The factsheet says "objetivo 20 (protección social)". In the GCM, social protection is
    // objective 22 (objective 20 is remittances): seeded as 22, the objective the factsheet names.
    prioritizedObjectives: [16, 19, 22],
    achievements2023: [
      {
        // See the note above: the factsheet numbers social protection as 20.
        es: 'Priorización en la agenda de los objetivos 16 (inclusión y cohesión social), 19 (contribución de los migrantes y la diáspora) y 22 (protección social).',
        en: 'Prioritization on the agenda of objectives 16 (inclusion and social cohesion), 19 (contributions of migrants and diasporas) and 22 (social protection).',
        pt: 'Priorização na agenda dos objetivos 16 (inclusão e coesão social), 19 (contribuição dos migrantes e das diásporas) e 22 (proteção social).',
        fr: 'Inscription prioritaire au programme des objectifs 16 (inclusion et cohésion sociale), 19 (contributions des migrants et des diasporas) et 22 (protection sociale).',
      },
      {
        es: 'Construcción del Plan Operativo 2022-2023.',
        en: 'Development of the 2022-2023 Operational Plan.',
        pt: 'Construção do Plano Operativo 2022-2023.',
        fr: 'Élaboration du plan opérationnel 2022-2023.',
      },
      {
        es: 'Elaboración de un Manual de Procedimientos y de Coordinación Técnica de la Mesa.',
        en: 'Preparation of a Manual of Procedures and Technical Coordination for the group.',
        pt: 'Elaboração de um Manual de Procedimentos e de Coordenação Técnica da Mesa.',
        fr: "Élaboration d'un manuel de procédures et de coordination technique du groupe.",
      },
      VOTE_AND_ELECTION,
    ],
  },
  {
    slug: 'mt4',
    kind: 'working_group',
    parentSlug: null,
    order: 4,
    name: {
      es: 'Datos, información y políticas basadas en evidencia',
      en: 'Data, information and evidence-based policies',
      pt: 'Dados, informação e políticas baseadas em evidências',
      fr: 'Données, information et politiques fondées sur des données probantes',
    },
    shortName: { es: 'MT4', en: 'WG4', pt: 'MT4', fr: 'GT4' },
    mandate: join(
      {
        es: 'Mesa de Trabajo temática del Mecanismo sobre los datos, la información y las políticas públicas basadas en evidencia.',
        en: 'The Mechanism\'s thematic Working Group on data, information and evidence-based public policy.',
        pt: 'Mesa de Trabalho temática do Mecanismo sobre dados, informação e políticas públicas baseadas em evidências.',
        fr: 'Groupe de travail thématique du Mécanisme consacré aux données, à l\'information et aux politiques publiques fondées sur des données probantes.',
      },
      {
        es: 'Organiza sus líneas de acción (seminarios, cursos y talleres) en tres submesas: fiabilidad de datos; incidencia en políticas públicas; e interrelación y transparencia con la cooperación internacional.',
        en: 'It organizes its lines of action (seminars, courses and workshops) in three sub-groups: data reliability; public policy advocacy; and interrelation and transparency with international cooperation.',
        pt: 'Organiza suas linhas de ação (seminários, cursos e oficinas) em três submesas: confiabilidade dos dados; incidência em políticas públicas; e inter-relação e transparência com a cooperação internacional.',
        fr: 'Il organise ses lignes d\'action (séminaires, cours et ateliers) en trois sous-groupes : fiabilité des données ; plaidoyer sur les politiques publiques ; interrelation et transparence avec la coopération internationale.',
      },
      WG_GOVERNANCE,
    ),
    // Objective 1 (data) is the evident match, but the factsheet does not state it: left empty to
    // stay faithful to the source.
    prioritizedObjectives: [],
    achievements2023: [
      {
        es: 'Identificación de líneas de acción (seminarios, cursos y talleres) repartidas en tres submesas: fiabilidad de datos; incidencia en políticas públicas; e interrelación y transparencia con la cooperación internacional.',
        en: 'Identification of lines of action (seminars, courses and workshops) across three sub-groups: data reliability; public policy advocacy; and interrelation and transparency with international cooperation.',
        pt: 'Identificação de linhas de ação (seminários, cursos e oficinas) distribuídas em três submesas: confiabilidade dos dados; incidência em políticas públicas; e inter-relação e transparência com a cooperação internacional.',
        fr: "Définition de lignes d'action (séminaires, cours et ateliers) réparties entre trois sous-groupes : fiabilité des données ; plaidoyer sur les politiques publiques ; interrelation et transparence avec la coopération internationale.",
      },
      {
        es: 'Desarrollo de una estrategia de comunicación y difusión del mandato de la Mesa.',
        en: 'Development of a strategy to communicate and disseminate the group\'s mandate.',
        pt: 'Desenvolvimento de uma estratégia de comunicação e difusão do mandato da Mesa.',
        fr: "Élaboration d'une stratégie de communication et de diffusion du mandat du groupe.",
      },
      VOTE_AND_ELECTION,
    ],
  },
  // The three sub-groups of MT4. The factsheet names them only; their mandates say in general
  // terms what each is for.
  {
    slug: 'mt4-1',
    kind: 'sub_group',
    parentSlug: 'mt4',
    order: 1,
    name: {
      es: 'Fiabilidad de datos',
      en: 'Data reliability',
      pt: 'Confiabilidade dos dados',
      fr: 'Fiabilité des données',
    },
    shortName: { es: 'MT4.1', en: 'WG4.1', pt: 'MT4.1', fr: 'GT4.1' },
    mandate: {
      es: 'Submesa de la Mesa de Trabajo 4 que reúne sus seminarios, cursos y talleres sobre la fiabilidad de los datos. Busca que la información sobre migración que se produce y se usa en la región sea confiable.',
      en: 'Sub-group of Working Group 4 that brings together its seminars, courses and workshops on data reliability. It aims to make the migration information produced and used in the region reliable.',
      pt: 'Submesa da Mesa de Trabalho 4 que reúne seus seminários, cursos e oficinas sobre a confiabilidade dos dados. Busca que as informações sobre migração produzidas e usadas na região sejam confiáveis.',
      fr: 'Sous-groupe du groupe de travail 4 qui réunit ses séminaires, cours et ateliers sur la fiabilité des données. Il vise à rendre fiables les informations sur les migrations produites et utilisées dans la région.',
    },
    prioritizedObjectives: [],
    achievements2023: [],
  },
  {
    slug: 'mt4-2',
    kind: 'sub_group',
    parentSlug: 'mt4',
    order: 2,
    name: {
      es: 'Incidencia en políticas públicas',
      en: 'Public policy advocacy',
      pt: 'Incidência em políticas públicas',
      fr: 'Plaidoyer sur les politiques publiques',
    },
    shortName: { es: 'MT4.2', en: 'WG4.2', pt: 'MT4.2', fr: 'GT4.2' },
    mandate: {
      es: 'Submesa de la Mesa de Trabajo 4 que reúne sus seminarios, cursos y talleres sobre la incidencia en políticas públicas. Busca que los datos y la evidencia lleguen a quienes deciden las políticas migratorias.',
      en: 'Sub-group of Working Group 4 that brings together its seminars, courses and workshops on public policy advocacy. It aims to bring data and evidence to those who decide migration policy.',
      pt: 'Submesa da Mesa de Trabalho 4 que reúne seus seminários, cursos e oficinas sobre incidência em políticas públicas. Busca que os dados e as evidências cheguem a quem decide as políticas migratórias.',
      fr: 'Sous-groupe du groupe de travail 4 qui réunit ses séminaires, cours et ateliers sur le plaidoyer en matière de politiques publiques. Il vise à faire parvenir les données et les éléments probants à celles et ceux qui décident des politiques migratoires.',
    },
    prioritizedObjectives: [],
    achievements2023: [],
  },
  {
    slug: 'mt4-3',
    kind: 'sub_group',
    parentSlug: 'mt4',
    order: 3,
    name: {
      es: 'Interrelación y transparencia con la cooperación internacional',
      en: 'Interrelation and transparency with international cooperation',
      pt: 'Inter-relação e transparência com a cooperação internacional',
      fr: 'Interrelation et transparence avec la coopération internationale',
    },
    shortName: { es: 'MT4.3', en: 'WG4.3', pt: 'MT4.3', fr: 'GT4.3' },
    mandate: {
      es: 'Submesa de la Mesa de Trabajo 4 que reúne sus seminarios, cursos y talleres sobre la relación con la cooperación internacional y su transparencia. Busca que la sociedad civil conozca y siga la cooperación internacional en materia de migración.',
      en: 'Sub-group of Working Group 4 that brings together its seminars, courses and workshops on working with international cooperation and its transparency. It aims to help civil society know about and follow international cooperation on migration.',
      pt: 'Submesa da Mesa de Trabalho 4 que reúne seus seminários, cursos e oficinas sobre a relação com a cooperação internacional e sua transparência. Busca que a sociedade civil conheça e acompanhe a cooperação internacional em matéria de migração.',
      fr: "Sous-groupe du groupe de travail 4 qui réunit ses séminaires, cours et ateliers sur les liens avec la coopération internationale et sa transparence. Il vise à aider la société civile à connaître et à suivre la coopération internationale en matière de migrations.",
    },
    prioritizedObjectives: [],
    achievements2023: [],
  },
  {
    slug: 'mv',
    kind: 'liaison',
    parentSlug: null,
    order: 5,
    name: {
      es: 'Mesa de Vinculación',
      en: 'Liaison Group',
      pt: 'Mesa de Vinculação',
      fr: 'Groupe de liaison',
    },
    shortName: { es: 'MV', en: 'LG', pt: 'MV', fr: 'GL' },
    mandate: {
      es: 'Mesa responsable de articular los esfuerzos entre las Mesas de Trabajo y el Sistema de las Naciones Unidas. Es el enlace entre el trabajo temático de las Mesas y las Naciones Unidas.',
      en: 'Group responsible for coordinating efforts between the Working Groups and the United Nations system. It links the thematic work of the Working Groups with the United Nations.',
      pt: 'Mesa responsável por articular os esforços entre as Mesas de Trabalho e o Sistema das Nações Unidas. É o elo entre o trabalho temático das Mesas e as Nações Unidas.',
      fr: 'Groupe chargé de coordonner les efforts entre les groupes de travail et le système des Nations Unies. Il fait le lien entre le travail thématique des groupes et les Nations Unies.',
    },
    prioritizedObjectives: [],
    // From the factsheet's general list of achievements (it concerns the MV).
    achievements2023: [MECHANISM.achievements[6]],
  },
  {
    slug: 'mesa-tecnica',
    kind: 'technical',
    parentSlug: null,
    order: 6,
    name: {
      es: 'Mesa Técnica',
      en: 'Technical Group',
      pt: 'Mesa Técnica',
      fr: 'Groupe technique',
    },
    shortName: { es: 'Mesa Técnica', en: 'Technical Group', pt: 'Mesa Técnica', fr: 'Groupe technique' },
    mandate: {
      es: 'Mesa encargada de asegurar la operatividad de las cuatro Mesas de Trabajo mediante el desarrollo y la aplicación del Plan Operativo Anual 2023-2024 (POA). Durante el primer trimestre de 2023 la coordinó la Mesa de Trabajo 1.',
      en: 'Group in charge of keeping the four Working Groups running by developing and applying the 2023-2024 Annual Operational Plan. Working Group 1 coordinated it during the first quarter of 2023.',
      pt: 'Mesa encarregada de assegurar o funcionamento das quatro Mesas de Trabalho por meio da elaboração e aplicação do Plano Operativo Anual 2023-2024 (POA). Durante o primeiro trimestre de 2023, foi coordenada pela Mesa de Trabalho 1.',
      fr: "Groupe chargé d'assurer le fonctionnement des quatre groupes de travail grâce à l'élaboration et à l'application du plan opérationnel annuel 2023-2024. Le groupe de travail 1 l'a coordonné au cours du premier trimestre 2023.",
    },
    prioritizedObjectives: [],
    achievements2023: [],
  },
];

// ---------------------------------------------------------------------------------------------
// The 2023 plan
// ---------------------------------------------------------------------------------------------

export interface StrategicAxis {
  n: number;
  /** Short title (the factsheet numbers the axes; titles follow the expected-results headings). */
  title: Localized;
  /** The axis as stated in the factsheet. */
  description: Localized;
}

/** The three strategic axes of work for 2023, meant to strengthen collaboration between the Mechanism, governments and the Regional Network. */
export const STRATEGIC_AXES_2023: readonly StrategicAxis[] = [
  {
    n: 1,
    title: {
      es: 'Comunicación y visibilidad',
      en: 'Communication and visibility',
      pt: 'Comunicação e visibilidade',
      fr: 'Communication et visibilité',
    },
    description: {
      es: 'Generar mayor comunicación y visibilidad del Mecanismo y de su mandato ante representantes de gobierno, nuevos actores de la sociedad civil y partes interesadas a nivel local, nacional y regional.',
      en: 'Increase communication about the Mechanism and the visibility of its mandate among government representatives, new civil society actors and stakeholders at local, national and regional level.',
      pt: 'Ampliar a comunicação e a visibilidade do Mecanismo e de seu mandato junto a representantes de governo, novos atores da sociedade civil e partes interessadas nos níveis local, nacional e regional.',
      fr: 'Mieux faire connaître le Mécanisme et son mandat auprès des représentants des gouvernements, des nouveaux acteurs de la société civile et des parties prenantes aux niveaux local, national et régional.',
    },
  },
  {
    n: 2,
    title: {
      es: 'Expansión y alcance',
      en: 'Expansion and reach',
      pt: 'Expansão e alcance',
      fr: 'Élargissement et portée',
    },
    description: {
      es: 'Expandir sectorial y geográficamente el alcance y la membresía del Mecanismo a otros actores de la sociedad civil y partes interesadas de toda América Latina y el Caribe.',
      en: 'Expand the Mechanism\'s reach and membership, across sectors and geographically, to other civil society actors and stakeholders throughout Latin America and the Caribbean.',
      pt: 'Expandir setorial e geograficamente o alcance e a adesão ao Mecanismo a outros atores da sociedade civil e partes interessadas de toda a América Latina e o Caribe.',
      fr: "Élargir, par secteur et par zone géographique, la portée du Mécanisme et sa composition à d'autres acteurs de la société civile et parties prenantes de toute l'Amérique latine et des Caraïbes.",
    },
  },
  {
    n: 3,
    title: {
      es: 'Impacto e incidencia',
      en: 'Impact and advocacy',
      pt: 'Impacto e incidência',
      fr: 'Impact et plaidoyer',
    },
    description: {
      es: 'Promover el impacto y la incidencia del Mecanismo en las políticas públicas migratorias de la región a lo largo del proceso de implementación, seguimiento y revisión del PMM.',
      en: 'Promote the Mechanism\'s impact and advocacy on public migration policy in the region throughout the implementation, follow-up and review of the GCM.',
      pt: 'Promover o impacto e a incidência do Mecanismo nas políticas públicas migratórias da região ao longo do processo de implementação, acompanhamento e revisão do GCM.',
      fr: "Promouvoir l'impact et le plaidoyer du Mécanisme sur les politiques migratoires publiques de la région tout au long de la mise en œuvre, du suivi et de l'examen du PMM.",
    },
  },
];

export interface ExpectedResultGroup {
  /** Stable key. */
  key: 'communication' | 'expansion' | 'impact';
  /** The strategic axis (n) the group corresponds to. */
  axis: number;
  title: Localized;
  items: readonly Localized[];
}

/**
 * Results expected in 2023, grouped under the factsheet's three headings. The factsheet's two-column
 * layout places "articulation with national stakeholders" and "a digital space" under
 * communication and visibility (the OCR column order); kept there.
 */
export const EXPECTED_RESULTS_2023: readonly ExpectedResultGroup[] = [
  {
    key: 'communication',
    axis: 1,
    title: {
      es: 'Comunicación y visibilidad',
      en: 'Communication and visibility',
      pt: 'Comunicação e visibilidade',
      fr: 'Communication et visibilité',
    },
    items: [
      {
        es: 'Identificación y sistematización de buenas prácticas para publicar en el Hub de la Red y promover su réplica.',
        en: 'Good practices identified and documented for publication on the Network\'s Hub, and their replication promoted.',
        pt: 'Identificação e sistematização de boas práticas para publicar no Hub da Rede e promover sua replicação.',
        fr: 'Recensement et systématisation de bonnes pratiques à publier sur le Hub du Réseau, et promotion de leur reproduction.',
      },
      {
        es: 'Promoción de la participación del Mecanismo en actividades que se organicen a nivel regional y en otros espacios de diálogo.',
        en: 'The Mechanism\'s participation promoted in regional activities and other spaces for dialogue.',
        pt: 'Promoção da participação do Mecanismo em atividades organizadas em nível regional e em outros espaços de diálogo.',
        fr: "Promotion de la participation du Mécanisme aux activités organisées au niveau régional et à d'autres espaces de dialogue.",
      },
      {
        es: 'Creación de productos de comunicación y materiales de conocimiento.',
        en: 'Communication products and knowledge materials created.',
        pt: 'Criação de produtos de comunicação e materiais de conhecimento.',
        fr: 'Création de produits de communication et de supports de connaissances.',
      },
      {
        es: 'Articulación de esfuerzos entre el Mecanismo a nivel regional y otras partes interesadas a nivel nacional.',
        en: 'Efforts coordinated between the Mechanism at regional level and other stakeholders at national level.',
        pt: 'Articulação de esforços entre o Mecanismo em nível regional e outras partes interessadas em nível nacional.',
        fr: "Coordination des efforts entre le Mécanisme au niveau régional et d'autres parties prenantes au niveau national.",
      },
      {
        es: 'Creación de un espacio digital dedicado al Mecanismo.',
        en: 'A digital space dedicated to the Mechanism created.',
        pt: 'Criação de um espaço digital dedicado ao Mecanismo.',
        fr: "Création d'un espace numérique consacré au Mécanisme.",
      },
    ],
  },
  {
    key: 'expansion',
    axis: 2,
    title: {
      es: 'Expansión, coordinación y alcance',
      en: 'Expansion, coordination and reach',
      pt: 'Expansão, coordenação e alcance',
      fr: 'Élargissement, coordination et portée',
    },
    items: [
      {
        es: 'Involucramiento de socios de sectores y zonas geográficas de la región que actualmente están subrepresentados en el Mecanismo.',
        en: 'Partners involved from sectors and areas of the region that are currently under-represented in the Mechanism.',
        pt: 'Envolvimento de parceiros de setores e áreas geográficas da região atualmente sub-representados no Mecanismo.',
        fr: 'Participation de partenaires issus de secteurs et de zones géographiques de la région aujourd\'hui sous-représentés dans le Mécanisme.',
      },
    ],
  },
  {
    key: 'impact',
    axis: 3,
    title: {
      es: 'Impacto e incidencia',
      en: 'Impact and advocacy',
      pt: 'Impacto e incidência',
      fr: 'Impact et plaidoyer',
    },
    items: [
      {
        es: 'Consolidar los aportes del Mecanismo para la organización de Conversatorios Multiactorales y contribuir a los procesos de revisión regional y global del PMM.',
        en: 'The Mechanism\'s inputs consolidated for the Multi-Stakeholder Dialogues, contributing to the regional and global reviews of the GCM.',
        pt: 'Consolidar as contribuições do Mecanismo para a organização dos Diálogos Multiatores e contribuir para os processos de revisão regional e global do GCM.',
        fr: "Consolider les contributions du Mécanisme en vue de l'organisation des dialogues multipartites et contribuer aux processus d'examen régional et mondial du PMM.",
      },
      {
        es: 'Fortalecer las capacidades de las personas integrantes del Mecanismo en comunicación y en áreas temáticas relacionadas con la migración.',
        en: 'Members\' capacities strengthened in communication and in thematic areas related to migration.',
        pt: 'Fortalecer as capacidades das pessoas integrantes do Mecanismo em comunicação e em áreas temáticas relacionadas à migração.',
        fr: 'Renforcer les capacités des membres du Mécanisme en communication et dans les domaines thématiques liés aux migrations.',
      },
      {
        es: 'Formular nuevos compromisos (pledges) en el marco de la iniciativa de compromisos del PMM.',
        en: 'New GCM pledges formulated.',
        pt: 'Formular novos compromissos (pledges) no marco da iniciativa de compromissos do GCM.',
        fr: "Formuler de nouveaux engagements (pledges) dans le cadre de l'initiative d'engagements du PMM.",
      },
    ],
  },
];
