/**
 * @module Pages: the site's trust pages — privacy notice, terms of use, contact — in four languages, as
 * Markdown administrators can edit (table `site_pages`). The default texts below are seeded on first start
 * and shown while a language has no text of its own. `{{adminEmail}}` in a text becomes the Technical
 * Group's address from the configuration.
 */
import type { Db } from '../../db/schema.js';
import { nowIso } from '../../db/ids.js';
import { audit } from '../../platform/audit/audit.js';
import { ok, type Outcome } from '../../platform/outcome.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';

export const SITE_PAGES = ['privacy', 'terms', 'contact'] as const;
export type SitePage = (typeof SITE_PAGES)[number];
export const isSitePage = (s: string): s is SitePage => (SITE_PAGES as readonly string[]).includes(s);

export const DEFAULT_TEXTS: Record<SitePage, Record<Locale, string>> = {
  privacy: {
    es: `Este aviso explica qué datos personales guarda esta plataforma del Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe, para qué, por cuánto tiempo, quién los ve y cómo pedir una copia o que se borren.

## Qué datos guardamos

- **Tu cuenta**: nombre, correo electrónico, idioma preferido y una versión cifrada de tu contraseña (nunca la contraseña misma).
- **Tu organización**: los datos que tu organización publica en el directorio (nombre, país, sitio web, descripción, objetivos del PMM) y, si los da, los nombres y correos de sus personas de contacto.
- **Lo que haces en la plataforma**: las solicitudes, las prácticas que documentas, las candidaturas y el historial de cambios (quién hizo qué y cuándo).
- **Las elecciones**: el padrón registra qué organizaciones votaron; **el voto es secreto** y no se guarda nada que lo vincule con la organización o la persona que votó.
- **Datos técnicos**: una cookie de sesión para mantenerte conectado y registros de acceso sin contenido, que sirven para la seguridad.

## Para qué

Para gestionar la adhesión de las organizaciones, el trabajo de las Mesas, las buenas prácticas y las elecciones del Mecanismo, y para avisarte por correo de lo que te concierne. No vendemos ni cedemos datos a nadie, ni los usamos para publicidad.

## Por cuánto tiempo

- La cuenta, mientras exista: puedes borrarla cuando quieras.
- El historial de cambios y los resultados de las elecciones se conservan como memoria institucional del Mecanismo.
- Los correos enviados quedan en el registro de envíos para poder reenviarlos si fallan; los enlaces secretos (contraseñas, invitaciones) se borran al entregarse, y los correos que te enviamos se borran con tu cuenta.

## Quién los ve

- **Todo el público**: lo que tu organización publica en el directorio y las prácticas publicadas.
- **Las personas de tu organización**: los datos de la organización y de sus personas.
- **La secretaría de cada Mesa**: las solicitudes y los miembros de su Mesa.
- **El Grupo Técnico (administración)**: todo lo necesario para gestionar la plataforma.

## Tus derechos

- **Copia de tus datos**: en «Mi cuenta» puedes descargar todos tus datos en un archivo JSON.
- **Borrar tu cuenta**: en «Mi cuenta» puedes borrarla. Dejas de formar parte de tus organizaciones y el historial muestra «una persona que borró su cuenta» en lugar de tu nombre.
- **Corregir datos**: puedes cambiar tu perfil en cualquier momento.

Para cualquier otra consulta, escribe a {{adminEmail}}.`,
    en: `This notice explains what personal data this platform of the Permanent Civil Society Dialogue Mechanism in Latin America and the Caribbean keeps, why, for how long, who sees it, and how to get a copy or have it deleted.

## What we keep

- **Your account**: name, email address, preferred language, and an encrypted form of your password (never the password itself).
- **Your organization**: what your organization publishes in the directory (name, country, website, description, GCM objectives) and, if it gives them, the names and addresses of its contact people.
- **What you do on the platform**: applications, the practices you document, candidacies, and the history of changes (who did what and when).
- **Elections**: the roll records which organizations voted; **the vote is secret** and nothing that links it to the organization or person who cast it is kept.
- **Technical data**: a session cookie that keeps you signed in, and access logs without content, used for security.

## Why

To manage organizations' membership, the work of the groups, good practices and the Mechanism's elections, and to tell you by email about what concerns you. We never sell or pass data on, and never use it for advertising.

## For how long

- Your account, for as long as it exists: you can delete it whenever you want.
- The history of changes and election results are kept as the Mechanism's institutional memory.
- Sent mail stays in the delivery log so it can be sent again if it fails; secret links (passwords, invitations) are deleted once delivered, and the mail sent to you is deleted with your account.

## Who sees it

- **Everyone**: what your organization publishes in the directory, and published practices.
- **The people of your organization**: the organization's data and its people.
- **Each group's secretariat**: the requests and members of their group.
- **The Technical Group (administration)**: everything needed to run the platform.

## Your rights

- **A copy of your data**: on "My account" you can download all your data as a JSON file.
- **Deleting your account**: on "My account" you can delete it. You stop being part of your organizations, and the history shows "a person who deleted their account" instead of your name.
- **Correcting data**: you can change your profile at any time.

For anything else, write to {{adminEmail}}.`,
    pt: `Este aviso explica quais dados pessoais esta plataforma do Mecanismo de Diálogo Permanente da Sociedade Civil na América Latina e no Caribe guarda, para quê, por quanto tempo, quem os vê e como pedir uma cópia ou que sejam apagados.

## Que dados guardamos

- **Sua conta**: nome, e-mail, idioma preferido e uma versão cifrada da sua senha (nunca a própria senha).
- **Sua organização**: o que sua organização publica no diretório (nome, país, site, descrição, objetivos do GCM) e, se os informar, os nomes e e-mails das pessoas de contato.
- **O que você faz na plataforma**: solicitações, as práticas que você documenta, candidaturas e o histórico de alterações (quem fez o quê e quando).
- **Eleições**: o registro de votantes anota quais organizações votaram; **o voto é secreto** e nada que o ligue à organização ou à pessoa que votou é guardado.
- **Dados técnicos**: um cookie de sessão para manter você conectado e registros de acesso sem conteúdo, usados para a segurança.

## Para quê

Para gerir a adesão das organizações, o trabalho das Mesas, as boas práticas e as eleições do Mecanismo, e para avisar você por e-mail sobre o que lhe diz respeito. Não vendemos nem repassamos dados a ninguém, nem os usamos para publicidade.

## Por quanto tempo

- A conta, enquanto existir: você pode apagá-la quando quiser.
- O histórico de alterações e os resultados das eleições são guardados como memória institucional do Mecanismo.
- Os e-mails enviados ficam no registro de envios para poderem ser reenviados se falharem; os links secretos (senhas, convites) são apagados depois de entregues, e os e-mails enviados a você são apagados com sua conta.

## Quem os vê

- **Todo o público**: o que sua organização publica no diretório e as práticas publicadas.
- **As pessoas da sua organização**: os dados da organização e das suas pessoas.
- **A secretaria de cada Mesa**: as solicitações e os membros da sua Mesa.
- **O Grupo Técnico (administração)**: tudo o que é necessário para gerir a plataforma.

## Seus direitos

- **Cópia dos seus dados**: em «Minha conta» você pode baixar todos os seus dados num arquivo JSON.
- **Apagar sua conta**: em «Minha conta» você pode apagá-la. Você deixa de fazer parte das suas organizações e o histórico mostra «uma pessoa que apagou sua conta» em vez do seu nome.
- **Corrigir dados**: você pode mudar seu perfil a qualquer momento.

Para qualquer outra dúvida, escreva para {{adminEmail}}.`,
    fr: `Cet avis explique quelles données personnelles cette plateforme du Mécanisme de dialogue permanent de la société civile en Amérique latine et dans les Caraïbes conserve, pourquoi, pendant combien de temps, qui les voit et comment en obtenir une copie ou les faire supprimer.

## Ce que nous conservons

- **Votre compte** : nom, adresse électronique, langue préférée et une forme chiffrée de votre mot de passe (jamais le mot de passe lui-même).
- **Votre organisation** : ce que votre organisation publie dans l'annuaire (nom, pays, site web, description, objectifs du PMM) et, si elle les donne, les noms et adresses de ses personnes de contact.
- **Ce que vous faites sur la plateforme** : les demandes, les pratiques que vous documentez, les candidatures et l'historique des changements (qui a fait quoi et quand).
- **Les élections** : la liste électorale indique quelles organisations ont voté ; **le vote est secret** et rien de ce qui le relie à l'organisation ou à la personne qui a voté n'est conservé.
- **Données techniques** : un cookie de session pour rester connecté et des journaux d'accès sans contenu, utilisés pour la sécurité.

## Pourquoi

Pour gérer l'adhésion des organisations, le travail des groupes, les bonnes pratiques et les élections du Mécanisme, et pour vous prévenir par courriel de ce qui vous concerne. Nous ne vendons ni ne cédons aucune donnée, et ne les utilisons jamais pour de la publicité.

## Pendant combien de temps

- Votre compte, tant qu'il existe : vous pouvez le supprimer quand vous voulez.
- L'historique des changements et les résultats des élections sont conservés comme mémoire institutionnelle du Mécanisme.
- Les courriels envoyés restent dans le journal d'envoi pour pouvoir être renvoyés en cas d'échec ; les liens secrets (mots de passe, invitations) sont effacés une fois remis, et les courriels qui vous ont été envoyés sont supprimés avec votre compte.

## Qui les voit

- **Tout le monde** : ce que votre organisation publie dans l'annuaire et les pratiques publiées.
- **Les personnes de votre organisation** : les données de l'organisation et de ses personnes.
- **Le secrétariat de chaque groupe** : les demandes et les membres de son groupe.
- **Le Groupe technique (administration)** : tout ce qui est nécessaire pour gérer la plateforme.

## Vos droits

- **Copie de vos données** : dans « Mon compte », vous pouvez télécharger toutes vos données dans un fichier JSON.
- **Supprimer votre compte** : dans « Mon compte », vous pouvez le supprimer. Vous cessez de faire partie de vos organisations et l'historique affiche « une personne qui a supprimé son compte » au lieu de votre nom.
- **Corriger vos données** : vous pouvez modifier votre profil à tout moment.

Pour toute autre question, écrivez à {{adminEmail}}.`,
  },
  terms: {
    es: `Esta plataforma es el espacio de trabajo del Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe. Al usarla aceptas estas condiciones.

## Quién puede participar

Cualquier persona puede consultar las páginas públicas. Para actuar en nombre de una organización hay que ser una persona de esa organización, y la organización debe haber sido aceptada como miembro por el Grupo Técnico.

## Cómo participamos

- Publica solo información verdadera y que tengas derecho a compartir.
- Respeta a las demás personas: nada de insultos, discriminación ni acoso.
- No publiques datos personales de personas migrantes ni de otras personas sin su consentimiento.
- Una organización, un voto: vota solo quien su organización designó.

## Lo que se publica

Las prácticas y los perfiles publicados son de sus organizaciones; al publicarlos, autorizas al Mecanismo a mostrarlos aquí y a compartirlos con el Hub de la Red de las Naciones Unidas sobre la Migración, citando a la organización.

## Si algo no está bien

El Grupo Técnico puede corregir o retirar contenidos que no cumplan estas condiciones y suspender el acceso en caso de abuso, explicando el motivo. Puedes escribir a {{adminEmail}}.`,
    en: `This platform is the workspace of the Permanent Civil Society Dialogue Mechanism in Latin America and the Caribbean. By using it you accept these terms.

## Who can take part

Anyone can read the public pages. To act for an organization you must be one of its people, and the organization must have been accepted as a member by the Technical Group.

## How we take part

- Publish only information that is true and that you have the right to share.
- Respect other people: no insults, discrimination or harassment.
- Do not publish personal data of migrants or anyone else without their consent.
- One organization, one vote: only the person your organization designated votes.

## What is published

Published practices and profiles belong to their organizations; by publishing them you allow the Mechanism to show them here and to share them with the UN Network on Migration Hub, crediting the organization.

## If something is wrong

The Technical Group may correct or withdraw content that breaks these terms and suspend access in case of abuse, explaining why. You can write to {{adminEmail}}.`,
    pt: `Esta plataforma é o espaço de trabalho do Mecanismo de Diálogo Permanente da Sociedade Civil na América Latina e no Caribe. Ao usá-la, você aceita estas condições.

## Quem pode participar

Qualquer pessoa pode consultar as páginas públicas. Para agir em nome de uma organização é preciso ser uma pessoa dessa organização, e a organização deve ter sido aceita como membro pelo Grupo Técnico.

## Como participamos

- Publique apenas informações verdadeiras e que você tenha o direito de compartilhar.
- Respeite as outras pessoas: nada de insultos, discriminação ou assédio.
- Não publique dados pessoais de pessoas migrantes nem de outras pessoas sem o seu consentimento.
- Uma organização, um voto: vota apenas quem a sua organização designou.

## O que é publicado

As práticas e os perfis publicados pertencem às suas organizações; ao publicá-los, você autoriza o Mecanismo a mostrá-los aqui e a compartilhá-los com o Hub da Rede das Nações Unidas sobre Migração, citando a organização.

## Se algo não estiver certo

O Grupo Técnico pode corrigir ou retirar conteúdos que não cumpram estas condições e suspender o acesso em caso de abuso, explicando o motivo. Você pode escrever para {{adminEmail}}.`,
    fr: `Cette plateforme est l'espace de travail du Mécanisme de dialogue permanent de la société civile en Amérique latine et dans les Caraïbes. En l'utilisant, vous acceptez ces conditions.

## Qui peut participer

Tout le monde peut consulter les pages publiques. Pour agir au nom d'une organisation, il faut être l'une de ses personnes, et l'organisation doit avoir été acceptée comme membre par le Groupe technique.

## Comment nous participons

- Ne publiez que des informations vraies et que vous avez le droit de partager.
- Respectez les autres : ni insultes, ni discrimination, ni harcèlement.
- Ne publiez pas de données personnelles de personnes migrantes ni d'autres personnes sans leur consentement.
- Une organisation, une voix : seule la personne désignée par votre organisation vote.

## Ce qui est publié

Les pratiques et les profils publiés appartiennent à leurs organisations ; en les publiant, vous autorisez le Mécanisme à les montrer ici et à les partager avec le Hub du Réseau des Nations Unies sur les migrations, en citant l'organisation.

## Si quelque chose ne va pas

Le Groupe technique peut corriger ou retirer les contenus qui ne respectent pas ces conditions et suspendre l'accès en cas d'abus, en expliquant pourquoi. Vous pouvez écrire à {{adminEmail}}.`,
  },
  contact: {
    es: `El Grupo Técnico del Mecanismo coordina esta plataforma.

- **Correo**: {{adminEmail}}
- **Para adherir a tu organización**: usa el formulario de adhesión; te respondemos por correo.
- **Para temas de una Mesa**: escribe a su secretaría desde el espacio de miembros de la Mesa.
- **Para pedir una copia de tus datos o borrar tu cuenta**: puedes hacerlo tú mismo en «Mi cuenta».

Respondemos en español, inglés, portugués o francés.`,
    en: `The Mechanism's Technical Group runs this platform.

- **Email**: {{adminEmail}}
- **To have your organization join**: use the membership form; we answer by email.
- **About a group's work**: write to its secretariat from the group's members' area.
- **For a copy of your data or to delete your account**: you can do it yourself on "My account".

We answer in Spanish, English, Portuguese or French.`,
    pt: `O Grupo Técnico do Mecanismo coordena esta plataforma.

- **E-mail**: {{adminEmail}}
- **Para a adesão da sua organização**: use o formulário de adesão; respondemos por e-mail.
- **Sobre o trabalho de uma Mesa**: escreva à secretaria a partir do espaço de membros da Mesa.
- **Para uma cópia dos seus dados ou apagar sua conta**: você mesmo pode fazê-lo em «Minha conta».

Respondemos em espanhol, inglês, português ou francês.`,
    fr: `Le Groupe technique du Mécanisme coordonne cette plateforme.

- **Courriel** : {{adminEmail}}
- **Pour l'adhésion de votre organisation** : utilisez le formulaire d'adhésion ; nous répondons par courriel.
- **Sur le travail d'un groupe** : écrivez à son secrétariat depuis l'espace membres du groupe.
- **Pour une copie de vos données ou supprimer votre compte** : vous pouvez le faire vous-même dans « Mon compte ».

Nous répondons en espagnol, anglais, portugais ou français.`,
  },
};

/** A page's text in every language: what administrators saved, else the default. */
export async function sitePageTexts(db: Db, slug: SitePage): Promise<Record<Locale, string>> {
  const row = await db.selectFrom('site_pages').select('body').where('slug', '=', slug).executeTakeFirst();
  const saved = parseTranslated(row?.body ?? null);
  const d = DEFAULT_TEXTS[slug];
  return { es: saved.es || d.es, en: saved.en || d.en, pt: saved.pt || d.pt, fr: saved.fr || d.fr };
}

/** Saves a page's four texts (administrators); an empty language shows the default again. */
export async function saveSitePage(db: Db, actorId: string, slug: SitePage, body: Translated): Promise<Outcome> {
  const now = nowIso();
  const json = JSON.stringify(body);
  await db
    .insertInto('site_pages')
    .values({ slug, body: json, updated_at: now, updated_by: actorId })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ body: json, updated_at: now, updated_by: actorId }))
    .execute();
  await audit(db, { actorId, action: 'pages.edited', subjectType: 'site_page', subjectId: slug, data: { page: slug } });
  return ok();
}

/** Seeds the default texts on first start (idempotent). */
export async function seedSitePages(db: Db): Promise<void> {
  for (const slug of SITE_PAGES) {
    await db
      .insertInto('site_pages')
      .values({ slug, body: JSON.stringify(DEFAULT_TEXTS[slug]), updated_at: nowIso(), updated_by: null })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }
}
