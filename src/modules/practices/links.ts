/**
 * @module Practices as link targets ('practices.practice'): only what the reader may see resolves (the module's
 * own `view` rule: published practices for everyone, others for their authors and reviewers).
 */
import type { LinkTarget } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { getPractice } from './queries.js';
import { searchPractices } from './search.js';
import { practicePolicy, scopeOf } from './policy.js';
import { paths } from './paths.js';

export const practiceLinks: LinkTarget = {
  type: 'practices.practice',
  label: 'practices.types.practice',
  resolve: async ({ db, locale, user }, ids) => {
    const s = await scopeOf(db, user ?? null);
    const out = new Map<string, { title: string; href: string }>();
    for (const id of ids) {
      const p = /^[0-9a-z]{16}$/.test(id) ? await getPractice(db, id) : undefined;
      if (p && practicePolicy.can(user ?? null, 'view', { p, s })) out.set(id, { title: pickTranslated(p.texts.title, locale)?.text ?? id, href: paths.practice.href(locale, { id }) });
    }
    return out;
  },
  // The picker offers published practices (the public search).
  search: async ({ db, locale }, q, limit) => {
    const r = await searchPractices(db, { text: q.trim() || undefined, sort: q.trim() ? 'relevance' : 'newest', perPage: limit });
    const out: { id: string; title: string }[] = [];
    for (const id of r.ids) {
      const p = await getPractice(db, id);
      if (p) out.push({ id, title: pickTranslated(p.texts.title, locale)?.text ?? id });
    }
    return out;
  },
};
