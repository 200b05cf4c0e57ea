/**
 * Every route the app mounts is in some module's authorization matrix (src/modules/<m>/authz.matrix.ts, or
 * tests/http/*.matrix.ts for the platform's own pages), so a new route cannot ship without saying what each
 * role gets there.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestContext, type TestContext } from '../support/context.js';
import type { RouteMatrix } from '../support/matrix.js';

const ROOT = join(import.meta.dirname, '../..');
/** Routes that are not pages or API endpoints of any module: plumbing with nothing to authorize. */
const PLUMBING = new Set(['GET /healthz', 'GET /favicon.ico', 'GET /robots.txt', 'GET *', 'GET /*']);

async function matrices(): Promise<RouteMatrix<any>[]> {
  const files: string[] = [];
  const modules = join(ROOT, 'src/modules');
  for (const m of readdirSync(modules)) if (existsSync(join(modules, m, 'authz.matrix.ts'))) files.push(join(modules, m, 'authz.matrix.ts'));
  for (const f of readdirSync(join(ROOT, 'tests/http'))) if (f.endsWith('.matrix.ts')) files.push(join(ROOT, 'tests/http', f));
  const out: RouteMatrix<any>[] = [];
  for (const f of files) out.push((await import(pathToFileURL(f).href)).matrix);
  return out;
}

/** A mounted path without the language prefix: `/:lang{(?:es|en)}/bodies/:slug` → `/bodies/:slug`. */
export const unprefixed = (path: string) => path.replace(/^\/:lang\{[^}]*\}/, '') || '/';

describe('authorization matrices', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
  });
  afterAll(async () => ctx?.close());

  it('cover every mounted route', async () => {
    const declared = new Set<string>();
    for (const m of await matrices()) for (const rc of m.cases(() => ({}))) declared.add(`${rc.method} ${rc.route}`);
    const mounted = new Set<string>();
    for (const r of ctx.app.routes) {
      if (r.method === 'ALL') continue;
      const key = `${r.method} ${unprefixed(r.path)}`;
      if (!PLUMBING.has(key)) mounted.add(key);
    }
    expect([...mounted].filter((k) => !declared.has(k)).sort(), 'mounted routes missing from every authz.matrix.ts').toEqual([]);
    expect([...declared].filter((k) => !mounted.has(k)).sort(), 'matrix entries for routes that are not mounted').toEqual([]);
  });
});
