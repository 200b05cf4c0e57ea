/**
 * Membership's report section on both engines: members at the period's end, admissions during it, countries and
 * kinds of organization gained, the region's countries with no member, by body and by objective; rendered with
 * plurals and each language's numbers; null (not zeros) where the scope has no members.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { makeOrganization } from './factories.js';
import { membershipReport, type MembershipReportData } from './report.js';

const Y25 = { from: '2025-01-01', to: '2026-01-01' };

describe.each(DIALECTS)('membership report section (%s)', (dialect) => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    ids.old = (await makeOrganization(ctx.db, { name: 'Antigua', country: 'CL', type: 'ngo', admitted_at: '2024-03-01T10:00:00.000Z', objectives: [3] })).id;
    ids.new = (await makeOrganization(ctx.db, { name: 'Nueva', country: 'BR', type: 'youth', admitted_at: '2025-05-02T10:00:00.000Z', countries: ['AR'] })).id;
    ids.applicant = (await makeOrganization(ctx.db, { name: 'Solicitante', country: 'PE', status: 'applicant' })).id;
    ids.later = (await makeOrganization(ctx.db, { name: 'Después', country: 'MX', admitted_at: '2026-02-01T10:00:00.000Z' })).id;
  }, 90_000);
  afterAll(() => ctx?.close());

  const data = (scope: Record<string, unknown>, bodyOrgIds?: string[]) =>
    membershipReport.data({ db: ctx.db, dialect, bodyOrgIds }, { kind: 'mechanism', ...Y25, ...scope } as any) as Promise<MembershipReportData | null>;

  it('counts members at the end of the period, admissions, and the countries and kinds gained', async () => {
    const d = (await data({}))!;
    expect(d.total).toBe(2);
    expect(d.gained).toBe(1);
    expect(d.countries).toEqual(['AR', 'BR', 'CL']);
    expect(d.countriesGained).toEqual(['AR', 'BR']);
    expect(d.byType).toEqual({ ngo: 1, youth: 1 });
    expect(d.typesGained).toEqual(['youth']);
    expect(d.missingCountries).toContain('MX');
    expect(d.missingCountries).not.toContain('CL');
  });

  it("filters by a body's organizations and by objective; null when the scope has no member", async () => {
    expect((await data({ kind: 'body', bodyId: 'x' }, [ids.new!]))!.total).toBe(1);
    expect(await data({ kind: 'body', bodyId: 'x' }, [])).toBeNull();
    expect((await data({ kind: 'objective', objective: 3 }))!.countries).toEqual(['CL']);
    expect(await data({ kind: 'objective', objective: 9 })).toBeNull();
    expect(await data({ from: '2000-01-01', to: '2001-01-01' })).toBeNull();
  });

  it('is written with plurals and each language’s numbers', async () => {
    const d = (await data({}))!;
    const es = membershipReport.render(d, { locale: 'es', t: ctx.deps.i18n.t('es'), fmt: formatters('es') });
    const figures = es.find((b) => b.kind === 'figures') as Extract<(typeof es)[number], { kind: 'figures' }>;
    expect(figures.items[0]).toEqual({ value: '2', label: 'organizaciones miembro al cierre del período' });
    expect(figures.items[1]!.label).toBe('organización admitida en el período');
    const text = JSON.stringify(es);
    expect(text).toContain('Brasil');
    expect(text).toContain(`Tipos de organización representados por primera vez: ${ctx.deps.i18n.t('es')('membership.types.youth')}.`);
    const big = { ...d, total: 1234 };
    const fr = membershipReport.render(big, { locale: 'fr', t: ctx.deps.i18n.t('fr'), fmt: formatters('fr') });
    expect((fr[0] as any).items[0].value).toBe('1\u202f234');
    const pt = membershipReport.render(big, { locale: 'pt', t: ctx.deps.i18n.t('pt'), fmt: formatters('pt') });
    expect((pt[0] as any).items[0].value).toBe('1.234');
    expect(JSON.stringify(pt)).toContain('Argentina');
  });
});
