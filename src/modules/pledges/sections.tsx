/**
 * @module Pledges: the figures other pages show — a body's page (pledges it made), an objective's page (pledges on
 * it) and an organization's directory page (pledges it made or joined). The dashboard's figures with that one
 * filter, each count a link to the list filtered the same way. Only published pledges: every reader sees the
 * same section, so the pages stay cacheable. Nothing is shown where there is no published pledge.
 */
import { sharedSection } from '../../platform/views/fragment.js';
import type { SectionContext, SectionProvider } from '../../platform/module.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { figureNames, pledgeFigures, type Dimension, type PledgeFilters } from './dashboard.js';
import { PledgeFiguresSection } from './views/dashboard.js';

async function figuresFor(ctx: SectionContext, filters: PledgeFilters, heading: string, idPrefix: string, leave?: Dimension) {
  const fig = await pledgeFigures(ctx.db, filters);
  if (!fig.total) return null;
  const names = await figureNames(ctx.db, ctx.locale);
  return <PledgeFiguresSection fig={fig} filters={filters} names={names} t={ctx.t} fmt={formatters(ctx.locale)} locale={ctx.locale} heading={heading} idPrefix={idPrefix} leave={leave} />;
}

// Published pledges' figures are public: the same for every reader (the page cache's fragments).
export const bodySections: SectionProvider<{ id: string; slug: string }> = (ctx, body) =>
  sharedSection(ctx, `pledges.body:${body.id}`, () => figuresFor(ctx, { bodyId: body.id, body: body.slug }, ctx.t('pledges.sections.body'), 'pledges-body'));

export const objectiveSections: SectionProvider<{ n: number }> = (ctx, { n }) =>
  sharedSection(ctx, `pledges.objective:${n}`, () => figuresFor(ctx, { objective: n }, ctx.t('pledges.sections.objective'), 'pledges-objective', 'objective'));

export const organizationSections: SectionProvider<{ id: string; slug: string }> = (ctx, org) =>
  sharedSection(ctx, `pledges.org:${org.id}`, () => figuresFor(ctx, { orgId: org.id, org: org.slug }, ctx.t('pledges.sections.organization'), 'pledges-org'));
