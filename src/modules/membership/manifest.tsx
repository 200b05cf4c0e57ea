/** @module Membership module: applications, review, the directory, coverage map, invitations and CSV import. */
import { Hono } from 'hono';
import { defineModule } from '../../platform/module.js';
import type { AppEnv } from '../../platform/http/env.js';
import * as create from './migrations/2026_11_28_1200_membership_create.js';
import * as profile from './migrations/2026_11_28_1210_membership_profile.js';
import { publicRoutes } from './routes/public.js';
import { orgRoutes } from './routes/org.js';
import { adminMembershipRoutes } from './routes/admin.js';
import { membershipApi } from './api.js';
import { demoMembership } from './seed.js';
import { LOGO_MAX_BYTES } from './commands/logo.js';
import { IMPORT_MAX_BYTES } from './commands/import.js';
import { membersForObjective, countMembersForObjective } from './queries.js';
import { countryNames } from '../../platform/reference/queries.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

const routes = new Hono<AppEnv>({ strict: false });
routes.route('/', publicRoutes);
routes.route('/', orgRoutes);
routes.route('/', adminMembershipRoutes);

export const membershipModule = defineModule({
  name: 'membership',
  migrations: {
    '2026_11_28_1200_membership_create': create,
    '2026_11_28_1210_membership_profile': profile,
  },
  messages: { es, en, pt, fr },
  routes,
  api: membershipApi,
  demo: demoMembership,
  // The file plus the form around it (multipart headers, the CSRF token).
  uploadLimits: [
    { path: '/organizations/:id{[0-9a-z]{16}}/logo', maxBytes: LOGO_MAX_BYTES + 64 * 1024 },
    { path: '/admin/import', maxBytes: IMPORT_MAX_BYTES + 64 * 1024 },
  ],
  nav: [
    { path: '/members', label: 'membership.nav.members', area: 'main', order: 20 },
    { path: '/coverage', label: 'membership.nav.coverage', area: 'main', order: 21 },
    { path: '/my/organizations', label: 'membership.nav.mine', area: 'account', order: 20 },
    { path: '/admin/applications', label: 'membership.nav.applications', area: 'admin', order: 20 },
    { path: '/admin/import', label: 'membership.nav.import', area: 'admin', order: 21 },
  ],
  objectiveSections: async ({ db, locale, t }, { n }) => {
    const [orgs, total, names] = await Promise.all([membersForObjective(db, n, 30), countMembersForObjective(db, n), countryNames(db, locale)]);
    return (
      <section>
        <h2>{t('membership.onObjective.title')}</h2>
        {orgs.length ? (
          <>
            <ul>
              {orgs.map((o) => (
                <li>
                  <a href={`/${locale}/members/${o.slug}`}>{o.name}</a> <span class="muted small">({names.get(o.country) ?? o.country})</span>
                </li>
              ))}
            </ul>
            {total > orgs.length ? (
              <p>
                <a href={`/${locale}/members?objective=${n}`}>{t('membership.onObjective.all', { n: total })}</a>
              </p>
            ) : null}
          </>
        ) : (
          <p>
            {t('membership.onObjective.none')} <a href={`/${locale}/join`}>{t('membership.directory.join')}</a>
          </p>
        )}
      </section>
    );
  },
});
