/**
 * @module Line-true TypeScript loader's hooks
 * The module hooks that bench/lines-loader.mjs registers: the app's TypeScript transpiled by esbuild without tsx's
 * whitespace minification, so a CPU profile's line numbers (V8's `positionTicks`) fall on separate statements instead
 * of on a handful of very long lines. `bench/profile-top.ts FILE --lines PART` maps those lines back to the source
 * with `transformOptions` (the same transform, run again, gives the same source map). Plain JavaScript: it runs in
 * Node's loader thread, before any TypeScript can be loaded.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

/** esbuild's options for one file: those of tsconfig.json that change the output (JSX through hono/jsx). */
export function transformOptions(path) {
  return { loader: path.endsWith('.tsx') ? 'tsx' : 'ts', format: 'esm', jsx: 'automatic', jsxImportSource: 'hono/jsx', target: 'node20', sourcefile: path, sourcemap: 'external' };
}

/** Resolves `./x.js` to `./x.ts` or `./x.tsx` when only the TypeScript exists (the project's imports name `.js`). */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (!/^(\.|file:)/.test(specifier) || !specifier.endsWith('.js')) throw e;
    for (const ext of ['.ts', '.tsx']) {
      try {
        return await next(specifier.slice(0, -3) + ext, context);
      } catch {
        /* the next one */
      }
    }
    throw e;
  }
}

/** Transpiles the project's TypeScript; JSON imported without an attribute (as tsx allows) is loaded as JSON. */
export async function load(url, context, next) {
  if (url.startsWith('file:') && /\.tsx?$/.test(url) && !url.includes('/node_modules/')) {
    const path = fileURLToPath(url);
    const { code } = await transform(await readFile(path, 'utf8'), transformOptions(path));
    return { format: 'module', source: code, shortCircuit: true };
  }
  if (url.endsWith('.json') && !context.importAttributes?.type) return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  return next(url, context);
}
