/**
 * Every action the code writes to the history reads as a sentence in every language: a module's own message
 * (`<module>.auditLog.*`) or the platform's (`audit.actions.*`), never the generic fallback, a key or an id.
 * (It lives in tests/: it reads the practices' workflow steps, which a platform test may not import.)
 * The actions are read from the source, so a new `audit()` call without a sentence fails here.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { modules } from '../../src/modules/index.js';
import { createI18n } from '../../src/platform/i18n/i18n.js';
import { LOCALES } from '../../src/platform/i18n/locales.js';
import { readAudit } from '../../src/platform/audit/read.js';
import { ACTIONS as PRACTICE_STEPS } from '../../src/modules/practices/commands/workflow.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'migrations' ? [] : files(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** `action: 'x.y'` literals, `action: cond ? 'x.a' : 'x.b'`, membership's recordStep steps and practices' workflow steps. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const f of files('src')) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/action: ([^,}\n]+)/g)) for (const q of m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(q[1]!);
    if (f.includes(join('modules', 'membership'))) for (const m of src.matchAll(/recordStep\([^)]*action: '([a-z_]+)'/gs)) found.add(`membership.${m[1]}`);
  }
  for (const s of [...PRACTICE_STEPS, 'create', 'update', 'attach', 'detach']) found.add(`practice.${s}`);
  return [...found].sort();
}

describe('the history reads as sentences', () => {
  const i18n = createI18n(modules);
  const actions = writtenActions();

  it('finds the actions the code writes', () => {
    expect(actions).toContain('body.join_approved');
    expect(actions).toContain('membership.approved');
    expect(actions).toContain('election.opened');
    expect(actions).toContain('user.role');
    expect(actions).toContain('account.deleted');
    expect(actions).toContain('pages.edited');
    expect(actions.length).toBeGreaterThanOrEqual(40);
  });

  for (const locale of LOCALES) {
    it(`every action has its own sentence in ${locale}`, async () => {
      const t = i18n.t(locale);
      const db = null as never; // subjects of type 'none' and empty data: no name is looked up
      const rows = actions.map((action) => ({ action, actorName: 'Ana', subjectType: 'none', subjectId: null, data: {} }));
      const sentences = await readAudit(db, modules, locale, t, rows);
      const generic = t('audit.generic', { actor: 'Ana', subject: t('audit.removed') });
      const bad = actions.filter((a, i) => sentences[i] === generic || /[a-z]+\.[a-z_]+/.test(sentences[i]!.replace(/\S+@\S+/g, '')));
      expect(bad).toEqual([]);
    });
  }
});
