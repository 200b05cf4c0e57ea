/**
 * @module Elections: the two programs the site serves, built from the same source as `npm run verify-election`
 * - `verifier.mjs`: the standalone verifier (verify-cli.ts and the core) as one ES module with no imports
 *   but Node's own, so anyone can download it and run `node verifier.mjs record.json`.
 * - `client.js`: the pages' script (client/check.ts): the same core and report, for the browser, with
 *   `node:crypto` replaced by a Web Crypto stand-in (client/crypto-shim.ts).
 * Built with esbuild (installed with tsx, which runs the server) on first request, then kept in memory.
 * Not minified: whoever wants to read what their browser runs can. See docs/decisions/0103. Also the receipt
 * page's print stylesheet (client/print.css), served beside them.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export type BundleName = 'verifier' | 'client';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const cache = new Map<BundleName, Promise<{ code: string; etag: string }>>();

async function build(name: BundleName): Promise<{ code: string; etag: string }> {
  const esbuild = await import('esbuild');
  const common = { bundle: true, write: false, format: 'esm' as const, charset: 'utf8' as const, legalComments: 'none' as const, logLevel: 'silent' as const };
  const r =
    name === 'verifier'
      ? await esbuild.build({
          ...common,
          entryPoints: [here('./verify-cli.ts')],
          platform: 'node',
          target: 'node20',
          banner: { js: '#!/usr/bin/env node\n// dialogo election record verifier: node verifier.mjs record.json [--receipt CODE]\n// Built from src/modules/elections/verify-cli.ts and src/modules/elections/core/ (docs/elections-security.md).' },
        })
      : await esbuild.build({
          ...common,
          entryPoints: [here('./client/check.ts')],
          platform: 'browser',
          target: 'es2022',
          alias: { 'node:crypto': here('./client/crypto-shim.ts') },
          banner: { js: '// dialogo elections: checks published election records in the browser with the verifier\'s own code.' },
        });
  const code = r.outputFiles![0]!.text;
  return { code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 32)}"` };
}

let css: Promise<{ code: string; etag: string }> | undefined;

/** The receipt page's print stylesheet (client/print.css), read once. */
export function printStylesheet(): Promise<{ code: string; etag: string }> {
  css ??= readFile(here('./client/print.css'), 'utf8').then((code) => ({ code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 32)}"` }));
  return css;
}

/** The built program (built once per process; a failed build is retried on the next request). */
export function bundled(name: BundleName): Promise<{ code: string; etag: string }> {
  let p = cache.get(name);
  if (!p) {
    p = build(name);
    cache.set(name, p);
    p.catch(() => cache.delete(name));
  }
  return p;
}
