/**
 * @module Membership: every route it mounts (pages and /api/v1 endpoints) × every role, run by authz.test.ts
 * on both engines. Forms that would change the shared world are posted empty (a 422 means the request got
 * past authorization) or against a fresh subject made for each role.
 */
import sharp from 'sharp';
import { defineRouteMatrix, only, everyone, signedIn, except, ROLES, type World, type Role } from '../../../tests/support/matrix.js';
import type { CurrentUser } from '../../platform/http/env.js';
import { makeOrganization, addPerson } from './factories.js';
import { createInvitation } from './commands/people.js';
import { previewImport } from './commands/import.js';
import { setLogo } from './commands/logo.js';
import { mailContext } from './commands/mail.js';
import { paths } from './paths.js';
import type { OrgStatus } from './tables.js';

interface Extra {
  token: string;
  privateLogo: string;
  publicLogo: string;
  importId: string;
}

const actor = (w: World, role: Role): CurrentUser => ({ id: w.users[role], name: `Matrix ${role}`, email: `${role}@matrix.example`, role: role === 'admin' ? 'admin' : 'member', locale: 'es', emailVerified: true });

/** A fresh organization in a status; `member` (the role) is one of its people. */
async function freshOrg(w: World, status: OrgStatus): Promise<string> {
  const o = await makeOrganization(w.ctx.db, { status });
  await addPerson(w.ctx.db, o.id, w.users.member, { voter: true });
  return o.id;
}

async function invitationToken(w: World, email: string): Promise<string> {
  const inv = await createInvitation(w.ctx.db, mailContext(w.ctx.deps), actor(w, 'member'), w.orgs.org.id, email);
  if (!inv.ok) throw new Error(inv.reason);
  return inv.token;
}

async function importPreview(w: World, name: string): Promise<string> {
  const out = await previewImport(w.ctx.db, actor(w, 'admin'), new File([`name,country\n${name},PE\n`], 'm.csv', { type: 'text/csv' }));
  if (!out.ok) throw new Error(out.reason);
  return out.id;
}

async function logo(w: World, orgId: string): Promise<string> {
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#009E73' } }).png().toBuffer();
  const out = await setLogo(w.ctx.db, w.ctx.deps.config.dataDir, null, orgId, new File([new Uint8Array(png)], 'l.png', { type: 'image/png' }));
  if (!out.ok) throw new Error(out.reason);
  return (await w.ctx.db.selectFrom('organizations').select('logo_file').where('id', '=', orgId).executeTakeFirstOrThrow()).logo_file!;
}

/** The organization's people (member) and administrators; everyone else is refused. */
const people = () => only('member', 'admin');
/** A private thing answers 404 to whoever may not see it (its existence is not revealed). */
const hidden = (...allowed: Role[]) => except(everyone(), Object.fromEntries(ROLES.filter((r) => !allowed.includes(r)).map((r) => [r, 404])));

export const matrix = defineRouteMatrix<Extra>({
  module: 'membership',
  setup: async (w) => {
    await w.ctx.db.updateTable('organizations').set({ public_fields: JSON.stringify(['logo']) }).where('id', '=', w.orgs.otherOrg.id).execute();
    return {
      token: await invitationToken(w, 'guest@matrix.example'),
      privateLogo: await logo(w, w.orgs.org.id),
      publicLogo: await logo(w, w.orgs.otherOrg.id),
      importId: await importPreview(w, 'Vista Previa Matriz'),
    };
  },
  cases: (extra) => [
    // Public pages
    { method: 'GET', route: paths.join.pattern, url: () => paths.join.href('es'), expect: everyone() },
    { method: 'POST', route: paths.join.pattern, url: () => paths.join.href('es'), form: () => ({}), expect: everyone() },
    { method: 'GET', route: paths.joinSent.pattern, url: () => paths.joinSent.href('es', {}, { email: 'a@b.example' }), expect: everyone() },
    { method: 'GET', route: paths.members.pattern, url: () => paths.members.href('es'), expect: everyone() },
    { method: 'GET', route: paths.member.pattern, url: (w) => paths.member.href('es', { slug: w.orgs.org.slug }), expect: everyone() },
    { method: 'GET', route: paths.logo.pattern, url: () => paths.logo.href('es', { file: extra().publicLogo }), expect: everyone() },
    { method: 'GET', route: paths.logo.pattern, url: () => paths.logo.href('es', { file: extra().privateLogo }), expect: hidden('member', 'admin') },
    { method: 'GET', route: paths.coverage.pattern, url: () => paths.coverage.href('es'), expect: everyone() },
    { method: 'GET', route: paths.coverageMap.pattern, url: () => paths.coverageMap.href('es'), expect: everyone() },
    // An organization's own pages
    { method: 'GET', route: paths.mine.pattern, url: () => paths.mine.href('es'), expect: signedIn() },
    { method: 'GET', route: paths.org.pattern, url: (w) => paths.org.href('es', { id: w.orgs.org.id }), expect: people() },
    { method: 'GET', route: paths.orgEdit.pattern, url: (w) => paths.orgEdit.href('es', { id: w.orgs.org.id }), expect: people() },
    { method: 'POST', route: paths.orgEdit.pattern, url: (w) => paths.orgEdit.href('es', { id: w.orgs.org.id }), form: () => ({}), expect: people() },
    { method: 'POST', route: paths.orgLogo.pattern, url: (w) => paths.orgLogo.href('es', { id: w.orgs.org.id }), form: () => ({}), expect: people() },
    // Only its people, and only after the Technical Group asked for more information (a fresh one per role).
    { method: 'POST', route: paths.orgResubmit.pattern, url: async (w) => paths.orgResubmit.href('es', { id: await freshOrg(w, 'info_requested') }), expect: only('member') },
    { method: 'POST', route: paths.orgLeave.pattern, url: (w) => paths.orgLeave.href('es', { id: w.orgs.org.id }), form: () => ({}), expect: only('member') },
    { method: 'POST', route: paths.orgPeople.pattern, url: (w) => paths.orgPeople.href('es', { id: w.orgs.org.id }), form: () => ({}), expect: people() },
    { method: 'POST', route: paths.orgInvitations.pattern, url: (w) => paths.orgInvitations.href('es', { id: w.orgs.org.id }), form: () => ({}), expect: people() },
    // The suspended organization: its people still see its private page (its standing and why), and act for it nowhere
    { method: 'GET', route: paths.org.pattern, url: (w) => paths.org.href('es', { id: w.orgs.suspendedOrg.id }), expect: only('suspended', 'admin') },
    { method: 'GET', route: paths.orgEdit.pattern, url: (w) => paths.orgEdit.href('es', { id: w.orgs.suspendedOrg.id }), expect: only('admin') },
    { method: 'POST', route: paths.orgEdit.pattern, url: (w) => paths.orgEdit.href('es', { id: w.orgs.suspendedOrg.id }), form: () => ({}), expect: only('admin') },
    { method: 'POST', route: paths.orgLogo.pattern, url: (w) => paths.orgLogo.href('es', { id: w.orgs.suspendedOrg.id }), form: () => ({}), expect: only('admin') },
    { method: 'POST', route: paths.orgLeave.pattern, url: (w) => paths.orgLeave.href('es', { id: w.orgs.suspendedOrg.id }), form: () => ({}), expect: only() },
    { method: 'POST', route: paths.orgPeople.pattern, url: (w) => paths.orgPeople.href('es', { id: w.orgs.suspendedOrg.id }), form: () => ({}), expect: only() },
    { method: 'POST', route: paths.orgInvitations.pattern, url: (w) => paths.orgInvitations.href('es', { id: w.orgs.suspendedOrg.id }), form: () => ({}), expect: only() },
    { method: 'GET', route: paths.invitation.pattern, url: () => paths.invitation.href('es', { token: extra().token }), expect: everyone() },
    { method: 'POST', route: paths.invitation.pattern, url: async (w, role) => paths.invitation.href('es', { token: await invitationToken(w, `${role}-guest@matrix.example`) }), expect: signedIn() },
    // Administration
    { method: 'GET', route: paths.applications.pattern, url: () => paths.applications.href('es'), expect: only('admin') },
    { method: 'GET', route: paths.review.pattern, url: (w) => paths.review.href('es', { id: w.orgs.org.id }), expect: only('admin') },
    { method: 'POST', route: paths.reviewStep.pattern, url: async (w) => paths.reviewStep.href('es', { id: await freshOrg(w, 'applicant'), step: 'approve' }), expect: only('admin') },
    { method: 'POST', route: paths.reviewStep.pattern, url: (w) => paths.reviewStep.href('es', { id: w.orgs.org.id, step: 'suspend' }), form: () => ({}), expect: only('admin') },
    { method: 'GET', route: paths.exportCsv.pattern, url: () => paths.exportCsv.href('es'), expect: only('admin') },
    { method: 'GET', route: paths.import.pattern, url: () => paths.import.href('es'), expect: only('admin') },
    { method: 'POST', route: paths.import.pattern, url: () => paths.import.href('es'), form: () => ({}), expect: only('admin') },
    { method: 'GET', route: paths.importOne.pattern, url: () => paths.importOne.href('es', { id: extra().importId }), expect: only('admin') },
    { method: 'POST', route: paths.importOne.pattern, url: async (w, role) => paths.importOne.href('es', { id: await importPreview(w, `Importada Matriz ${role}`) }), expect: only('admin') },
    // JSON API
    { method: 'GET', route: '/api/v1/organizations', url: () => '/api/v1/organizations', expect: everyone() },
    { method: 'GET', route: '/api/v1/organizations/:slug', url: (w) => `/api/v1/organizations/${w.orgs.org.slug}`, expect: everyone() },
  ],
});
