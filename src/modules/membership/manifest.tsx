import { membershipPersonalData, membershipForgetPerson } from './personal-data.js';
import { membershipFigures, newMembersSection } from './home.js';
/** @module Membership module: applications, review, the directory, coverage map, invitations and CSV import. */
import { membershipAudit } from './audit.js';
import { Hono } from 'hono';
import { defineModule } from '../../platform/module.js';
import { membershipReport } from './report.js';
import type { AppEnv } from '../../platform/http/env.js';
import * as create from './migrations/2026_11_28_1200_membership_create.js';
import * as profile from './migrations/2026_11_28_1210_membership_profile.js';
import * as dropOrganizationBodies from './migrations/2026_12_02_0600_membership_drop_organization_bodies.js';
import * as historyToAudit from './migrations/2026_12_02_0610_membership_history_to_audit.js';
import { publicRoutes } from './routes/public.js';
import { orgRoutes } from './routes/org.js';
import { adminMembershipRoutes } from './routes/admin.js';
import { membershipApi } from './api.js';
import { demoMembership } from './seed.js';
import { LOGO_MAX_BYTES } from './commands/logo.js';
import { IMPORT_MAX_BYTES } from './commands/import.js';
import { membersForObjective, countMembersForObjective } from './queries.js';
import { countryNames } from '../../platform/reference/queries.js';
import { MEMBERSHIP_KINDS } from './commands/mail.js';
import { paths } from './paths.js';
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
  reportSections: [membershipReport],
  migrations: {
    '2026_11_28_1200_membership_create': create,
    '2026_11_28_1210_membership_profile': profile,
    '2026_12_02_0600_membership_drop_organization_bodies': dropOrganizationBodies,
    '2026_12_02_0610_membership_history_to_audit': historyToAudit,
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
    { path: paths.members.pattern, label: 'membership.nav.members', area: 'main', order: 20 },
    { path: paths.coverage.pattern, label: 'membership.nav.coverage', area: 'main', order: 21 },
    { path: paths.mine.pattern, label: 'membership.nav.mine', area: 'account', order: 20 },
    { path: paths.applications.pattern, label: 'membership.nav.applications', area: 'admin', order: 20 },
    { path: paths.import.pattern, label: 'membership.nav.import', area: 'admin', order: 21 },
  ],
  audit: membershipAudit,
  personalData: membershipPersonalData,
  forgetPerson: membershipForgetPerson,
  homeFigures: membershipFigures,
  homeSections: newMembersSection,
  notifications: MEMBERSHIP_KINDS.map((kind) => ({ kind, label: `membership.notifications.${kind.slice('membership.'.length)}` })),
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
                  <a href={paths.member.href(locale, { slug: o.slug })}>{o.name}</a> <span class="muted small">({names.get(o.country) ?? o.country})</span>
                </li>
              ))}
            </ul>
            {total > orgs.length ? (
              <p>
                <a href={paths.members.href(locale, {}, { objective: n })}>{t('membership.onObjective.all', { n: total })}</a>
              </p>
            ) : null}
          </>
        ) : (
          <p>
            {t('membership.onObjective.none')} <a href={paths.join.href(locale)}>{t('membership.directory.join')}</a>
          </p>
        )}
      </section>
    );
  },
});
