/**
 * @module Bodies: a Mesa's member organizations, offered to the member directory (filter `?body=slug`) and to
 * an organization's page through the platform's `organizationGroups` extension point. Bodies owns Mesa
 * membership (body_members); the directory asks here instead of keeping a copy.
 */
import type { OrganizationGroups } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listBodies, getBodyBySlug, bodyMemberOrgIds, bodiesOfOrganization } from './queries.js';

export const bodyGroups: OrganizationGroups = {
  param: 'body',
  label: 'bodies.directory.filter',
  heading: 'bodies.directory.heading',
  options: async (db, locale) => (await listBodies(db)).map((b) => ({ value: b.slug, label: pickTranslated(b.name, locale)?.text ?? b.slug })),
  members: async (db, slug) => {
    const body = await getBodyBySlug(db, slug);
    return body ? bodyMemberOrgIds(db, body.id) : [];
  },
  of: async (db, locale, orgId) => {
    const ids = new Set(await bodiesOfOrganization(db, orgId));
    if (!ids.size) return [];
    return (await listBodies(db))
      .filter((b) => ids.has(b.id))
      .map((b) => ({ value: b.slug, label: pickTranslated(b.name, locale)?.text ?? b.slug, href: `/${locale}/bodies/${b.slug}` }));
  },
};
