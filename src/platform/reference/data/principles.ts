/**
 * @module Reference data: the 10 guiding principles of the GCM (the Hub's "cross-cutting themes").
 *
 * Sources:
 * - `description`: one plain sentence each, summarizing paragraph 15 of A/RES/73/195 (annex),
 *   "Guiding principles"; written for this project in the four languages, not quoted.
 * - `name.en`, `name.es`, `name.fr`: the Hub's own labels (migrationnetwork.un.org/{en,es,fr}/hub);
 *   `name.pt` is the project's translation (Brazilian usage).
 * - `hubId`: the Hub's taxonomy term id (`/hub?cross_cutting_theme=<hubId>`), from
 *   shared/reference/gcm.md: medium confidence; 739 (international cooperation) is confirmed;
 *   736 (whole-of-society) is uncertain (the source page showed two ids for it).
 * Order: as in gcm.md (which is also the Hub's order).
 *
 * French text uses the straight apostrophe (') throughout.
 */
import type { Localized } from './locale.js';

export interface Principle {
  /** Stable slug, e.g. 'people-centred'. */
  key: string;
  /** The Hub's taxonomy term id. */
  hubId: number;
  name: Localized;
  /** One plain sentence, from the GCM's paragraph 15. */
  description: Localized;
}

/** The 10 GCM guiding principles, in the Hub's order. */
export const PRINCIPLES: readonly Principle[] = [
  {
    key: 'people-centred',
    hubId: 738,
    name: {
      es: 'Centrada en las personas',
      en: 'People-centred',
      pt: 'Centrado nas pessoas',
      fr: 'Priorité à la dimension humaine',
    },
    description: {
      es: 'El Pacto pone a las personas en el centro y promueve el bienestar de las personas migrantes y de las comunidades de los países de origen, tránsito y destino.',
      en: 'The Compact puts people at its core and promotes the well-being of migrants and of the communities in countries of origin, transit and destination.',
      pt: 'O Pacto coloca as pessoas no centro e promove o bem-estar dos migrantes e das comunidades dos países de origem, trânsito e destino.',
      fr: "Le Pacte place les personnes au cœur de son action et promeut le bien-être des migrants et des communautés des pays d'origine, de transit et de destination.",
    },
  },
  {
    key: 'international-cooperation',
    hubId: 739,
    name: {
      es: 'Cooperación internacional',
      en: 'International cooperation',
      pt: 'Cooperação internacional',
      fr: 'Coopération internationale',
    },
    description: {
      es: 'Ningún Estado puede abordar la migración por sí solo, por lo que el Pacto, un marco de cooperación jurídicamente no vinculante, requiere cooperación y diálogo internacionales, regionales y bilaterales.',
      en: 'No State can address migration alone, so the Compact, a non-legally binding cooperative framework, calls for international, regional and bilateral cooperation and dialogue.',
      pt: 'Nenhum Estado consegue lidar sozinho com a migração; por isso o Pacto, um marco de cooperação juridicamente não vinculante, pede cooperação e diálogo internacionais, regionais e bilaterais.',
      fr: "Aucun État ne peut gérer seul les migrations : le Pacte, cadre de coopération juridiquement non contraignant, appelle donc à la coopération et au dialogue aux niveaux international, régional et bilatéral.",
    },
  },
  {
    key: 'national-sovereignty',
    hubId: 742,
    name: {
      es: 'Soberanía nacional',
      en: 'National sovereignty',
      pt: 'Soberania nacional',
      fr: 'Souveraineté nationale',
    },
    description: {
      es: 'El Pacto reafirma el derecho soberano de los Estados a determinar su política migratoria nacional y a gestionar la migración dentro de su jurisdicción, de conformidad con el derecho internacional.',
      en: 'The Compact reaffirms the sovereign right of States to determine their national migration policy and to govern migration within their jurisdiction, in line with international law.',
      pt: 'O Pacto reafirma o direito soberano dos Estados de definir sua política migratória nacional e de gerir a migração em sua jurisdição, em conformidade com o direito internacional.',
      fr: 'Le Pacte réaffirme le droit souverain des États de définir leur politique migratoire nationale et de gérer les migrations relevant de leur compétence, dans le respect du droit international.',
    },
  },
  {
    key: 'rule-of-law-and-due-process',
    hubId: 741,
    name: {
      es: 'Estado de derecho y garantías procesales',
      en: 'Rule of law and due process',
      pt: 'Estado de direito e devido processo legal',
      fr: "Primauté du droit et garanties d'une procédure régulière",
    },
    description: {
      es: 'El respeto del Estado de derecho, las garantías procesales y el acceso a la justicia son fundamentales en todos los aspectos de la gobernanza de la migración.',
      en: 'Respect for the rule of law, due process and access to justice are fundamental to every aspect of migration governance.',
      pt: 'O respeito ao Estado de direito, ao devido processo legal e ao acesso à justiça é fundamental em todos os aspectos da governança migratória.',
      fr: "Le respect de la primauté du droit, des garanties d'une procédure régulière et de l'accès à la justice est essentiel à tous les aspects de la gouvernance des migrations.",
    },
  },
  {
    key: 'sustainable-development',
    hubId: 740,
    name: {
      es: 'Desarrollo sostenible',
      en: 'Sustainable development',
      pt: 'Desenvolvimento sustentável',
      fr: 'Développement durable',
    },
    description: {
      es: 'El Pacto se basa en la Agenda 2030 para el Desarrollo Sostenible y reconoce que la migración contribuye al desarrollo sostenible de los países de origen, tránsito y destino.',
      en: 'The Compact is rooted in the 2030 Agenda for Sustainable Development and recognizes that migration contributes to the sustainable development of countries of origin, transit and destination.',
      pt: 'O Pacto se baseia na Agenda 2030 para o Desenvolvimento Sustentável e reconhece que a migração contribui para o desenvolvimento sustentável dos países de origem, trânsito e destino.',
      fr: "Le Pacte s'inscrit dans le Programme de développement durable à l'horizon 2030 et reconnaît que les migrations contribuent au développement durable des pays d'origine, de transit et de destination.",
    },
  },
  {
    key: 'human-rights',
    hubId: 259,
    name: { es: 'Derechos humanos', en: 'Human rights', pt: 'Direitos humanos', fr: "Droits de l'homme" },
    description: {
      es: 'El Pacto se basa en el derecho internacional de los derechos humanos y garantiza el respeto, la protección y el cumplimiento de los derechos humanos de todas las personas migrantes, sea cual sea su situación migratoria.',
      en: 'The Compact is based on international human rights law and ensures respect, protection and fulfilment of the human rights of all migrants, regardless of their migration status.',
      pt: 'O Pacto se baseia no direito internacional dos direitos humanos e garante o respeito, a proteção e a realização dos direitos humanos de todos os migrantes, qualquer que seja sua situação migratória.',
      fr: "Le Pacte repose sur le droit international des droits de l'homme et garantit le respect, la protection et l'exercice des droits de l'homme de tous les migrants, quel que soit leur statut migratoire.",
    },
  },
  {
    key: 'gender-responsive',
    hubId: 258,
    name: {
      es: 'Perspectiva de género',
      en: 'Gender-responsive',
      pt: 'Perspectiva de gênero',
      fr: 'Prise en compte de la problématique femmes-hommes',
    },
    description: {
      es: 'El Pacto incorpora la perspectiva de género, promueve la igualdad de género y el empoderamiento de las mujeres y las niñas, y reconoce su autonomía y liderazgo en lugar de verlas solo como víctimas.',
      en: 'The Compact mainstreams a gender perspective, promotes gender equality and the empowerment of women and girls, and recognizes their agency and leadership rather than seeing them only as victims.',
      pt: 'O Pacto incorpora a perspectiva de gênero, promove a igualdade de gênero e o empoderamento de mulheres e meninas, e reconhece sua autonomia e liderança, em vez de vê-las apenas como vítimas.',
      fr: "Le Pacte intègre la problématique femmes-hommes, promeut l'égalité des sexes et l'autonomisation des femmes et des filles, et reconnaît leur autonomie et leur rôle moteur au lieu de les voir seulement comme des victimes.",
    },
  },
  {
    key: 'child-sensitive',
    hubId: 257,
    name: {
      es: 'Perspectiva infantil',
      en: 'Child-sensitive',
      pt: 'Perspectiva da infância',
      fr: "Adaptation aux besoins de l'enfant",
    },
    description: {
      es: 'El Pacto promueve los derechos del niño y el principio del interés superior del niño como consideración primordial en todas las situaciones que afectan a niñas y niños en la migración internacional, incluidos los no acompañados y separados.',
      en: 'The Compact promotes the rights of the child and the best interests of the child as a primary consideration in every situation concerning children in international migration, including unaccompanied and separated children.',
      pt: 'O Pacto promove os direitos da criança e o princípio do interesse superior da criança como consideração primordial em todas as situações que envolvem crianças na migração internacional, inclusive as desacompanhadas e separadas.',
      fr: "Le Pacte promeut les droits de l'enfant et fait de l'intérêt supérieur de l'enfant une considération primordiale dans toutes les situations qui concernent des enfants dans les migrations internationales, y compris les enfants non accompagnés et séparés.",
    },
  },
  {
    key: 'whole-of-government',
    hubId: 737,
    name: {
      es: 'Enfoque pangubernamental',
      en: 'Whole-of-government approach',
      pt: 'Abordagem de todo o governo',
      fr: "Approche mobilisant l'ensemble des pouvoirs publics",
    },
    description: {
      es: 'La migración no puede abordarse desde un solo sector de gobierno, por lo que se necesita coherencia de políticas entre todos los sectores y niveles de gobierno.',
      en: 'Migration cannot be addressed by one government policy sector alone, so policies must be coherent across all sectors and levels of government.',
      pt: 'A migração não pode ser tratada por um único setor do governo; por isso é preciso coerência de políticas entre todos os setores e níveis de governo.',
      fr: "Les migrations ne peuvent pas être traitées par un seul secteur de l'action publique : il faut donc des politiques cohérentes entre tous les secteurs et tous les niveaux de gouvernement.",
    },
  },
  {
    key: 'whole-of-society',
    hubId: 736,
    name: {
      es: 'Enfoque pansocial',
      en: 'Whole-of-society approach',
      pt: 'Abordagem de toda a sociedade',
      fr: "Approche mobilisant l'ensemble de la société",
    },
    description: {
      es: 'El Pacto promueve amplias alianzas entre múltiples actores, incluidas las personas migrantes, las diásporas, las comunidades locales, la sociedad civil, la academia, el sector privado, los sindicatos y los medios de comunicación, en la gobernanza de la migración.',
      en: 'The Compact promotes broad multi-stakeholder partnerships in migration governance, including migrants, diasporas, local communities, civil society, academia, the private sector, trade unions and the media.',
      pt: 'O Pacto promove amplas parcerias entre múltiplos atores na governança migratória, incluindo migrantes, diásporas, comunidades locais, sociedade civil, academia, setor privado, sindicatos e meios de comunicação.',
      fr: 'Le Pacte promeut de larges partenariats entre de multiples acteurs dans la gouvernance des migrations, dont les migrants, les diasporas, les communautés locales, la société civile, les milieux universitaires, le secteur privé, les syndicats et les médias.',
    },
  },
];
