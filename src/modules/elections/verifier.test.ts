/**
 * The standalone verifier as the site publishes it (/elections/verifier.mjs, one file) and the pages' script
 * (/elections/client.js) give the same verdict and the same report, word for word, as `npm run verify-election`
 * (verify-cli.ts run from the source) on an intact record and on four tampered ones. The single file is run with
 * plain `node` from an empty directory (no node_modules, no tsx); the script's check runs on Web Crypto.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { electionRecord, mesaDefinition, TAMPERINGS } from './core/factories.js';
import { serializeRecord } from './core/record.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'ballots-verifier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { record } = electionRecord(mesaDefinition(), [
  { secretary: 'ana', principal: 'bruno', alternate: 'carla' },
  { secretary: 'ana', principal: 'ana', alternate: 'carla' },
  { secretary: 'bruno', principal: 'bruno', alternate: null },
  { secretary: 'ana', principal: 'diego', alternate: 'diego' },
  { secretary: null, principal: 'bruno', alternate: 'carla' },
]);
const cases: [string, string][] = [['intact', serializeRecord(record)], ...Object.entries(TAMPERINGS).map(([name, f]) => [name, serializeRecord(f(record))] as [string, string]), ['not JSON', '{"format": ']];

/** What `npm run verify-election -- file` prints, and its exit status. */
function fromSource(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/modules/elections/verify-cli.ts'), file], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout };
}

describe.each(DIALECTS)('the published verifiers (%s)', (dialect) => {
  let ctx: TestContext;
  let verifier = '';
  let client: { checkText(text: string, source: string): Promise<{ ok: boolean; report: string }> };
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const anon = ctx.client();
    const v = await anon.get('/es/elections/verifier.mjs');
    expect(v.status).toBe(200);
    expect(v.headers.get('content-type')).toContain('javascript');
    expect(v.headers.get('content-disposition')).toContain('verifier.mjs');
    const code = await v.text();
    // One file: nothing imported but Node's own modules.
    expect([...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]).every((s) => s!.startsWith('node:'))).toBe(true);
    verifier = join(dir, `verifier-${dialect}.mjs`);
    writeFileSync(verifier, code);
    const again = await anon.get('/es/elections/verifier.mjs', { 'if-none-match': v.headers.get('etag')! });
    expect(again.status).toBe(304);
    const c = await anon.get('/es/elections/client.js');
    expect(c.status).toBe(200);
    const clientFile = join(dir, `client-${dialect}.mjs`);
    writeFileSync(clientFile, await c.text());
    client = await import(pathToFileURL(clientFile).href);
  }, 60_000);
  afterAll(() => ctx?.close());

  it.each(cases)('gives the verdict of npm run verify-election on a record (%s)', async (name, text) => {
    const file = join(dir, `${dialect}-${name.replace(/ /g, '-')}.json`);
    writeFileSync(file, text);
    const expected = fromSource(file);
    expect(expected.code).toBe(name === 'intact' ? 0 : 1);
    // The downloaded single file, with plain node, from a directory with no node_modules.
    const r = spawnSync(process.execPath, [verifier, file], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(expected.code);
    expect(r.stdout).toBe(expected.out);
    // The pages' script (Web Crypto), on the same text.
    const inBrowser = await client.checkText(text, file);
    expect(inBrowser.ok).toBe(expected.code === 0);
    if (name !== 'not JSON') expect(inBrowser.report + '\n').toBe(expected.out);
    else expect(inBrowser.report).toContain('NOT VALID.');
  });
});
