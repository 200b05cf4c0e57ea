/**
 * The modules' warm-ups (`ModuleManifest.warm`, run by `npm start` once it serves), on both engines: each resolves
 * without a warning on a working database, and on a database that fails it only logs (never throws or rejects: the
 * server goes on, and readers then fill the indexes as before).
 */
import { describe, it, expect } from 'vitest';
import pino from 'pino';
import { createTestContext, DIALECTS } from './support/context.js';

const recorder = () => {
  const lines: string[] = [];
  return { lines, log: pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) }) };
};

describe.each(DIALECTS)("the modules' warm-ups (%s)", (dialect) => {
  it('resolve without a warning, and only log when the database fails', async () => {
    const ctx = await createTestContext(dialect);
    const warmed = ctx.deps.modules.filter((m) => m.warm);
    expect(warmed.map((m) => m.name).sort()).toEqual(['library', 'pledges', 'practices']);
    try {
      const ok = recorder();
      await Promise.all(warmed.map((m) => m.warm!({ db: ctx.db, dialect: ctx.dialect, log: ok.log })));
      expect(ok.lines).toEqual([]);
    } finally {
      await ctx.close();
    }
    // The same database closed: every warm-up resolves, each saying why in one warning.
    const failing = recorder();
    await Promise.all(warmed.map((m) => m.warm!({ db: ctx.db, dialect: ctx.dialect, log: failing.log })));
    expect(failing.lines).toHaveLength(warmed.length);
    for (const line of failing.lines) expect(JSON.parse(line).msg).toMatch(/^(practices|library|pledges): /);
  });
});
