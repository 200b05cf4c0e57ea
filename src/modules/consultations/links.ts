/**
 * @module Consultations as link targets ('consultations.consultation'): only what the reader may see resolves —
 * open and closed consultations for everyone, drafts for their organizers (the module's own `view` rule).
 */
import type { LinkTarget } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { bodyFacts } from '../bodies/index.js';
import { getConsultation, listConsultations } from './queries.js';
import { consultationsPolicy } from './policy.js';
import { paths } from './paths.js';

export const consultationLinks: LinkTarget = {
  type: 'consultations.consultation',
  label: 'consultations.list.consultation',
  resolve: async ({ db, locale, user }, ids) => {
    const out = new Map<string, { title: string; href: string }>();
    for (const id of ids) {
      const k = /^[0-9a-z]{16}$/.test(id) ? await getConsultation(db, id) : undefined;
      if (!k) continue;
      const f = { body: await bodyFacts(db, user?.id, k.bodyId), answerOrgs: [] };
      if (consultationsPolicy.can(user ?? null, 'view', { k, f })) out.set(id, { title: pickTranslated(k.title, locale)?.text ?? id, href: paths.consultation.href(locale, { id }) });
    }
    return out;
  },
  // The picker offers open and closed consultations (what everyone may see).
  search: async ({ db, locale }, q, limit) => {
    const needle = q.trim().toLowerCase();
    return (await listConsultations(db))
      .filter((k) => k.status !== 'draft')
      .map((k) => ({ id: k.id, title: pickTranslated(k.title, locale)?.text ?? k.id }))
      .filter((k) => !needle || k.title.toLowerCase().includes(needle))
      .slice(0, limit);
  },
};
