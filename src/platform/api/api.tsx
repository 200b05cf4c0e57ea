/**
 * @module JSON API
 * /api/v1, described by OpenAPI 3.1 generated from the same zod schemas that validate the requests
 * (@hono/zod-openapi). Errors are problem details with a stable `code`. The reference page at
 * /api/v1/docs is rendered by the server from that document: no CDN, no JavaScript.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../http/env.js';
import { problem } from '../http/errors.js';
import { listObjectives, listPrinciples, listCountries } from '../reference/queries.js';
import { LOCALES } from '../i18n/locales.js';
import type { ModuleManifest } from '../module.js';
import { apiPaths } from '../paths.js';
import { STYLESHEET } from '../views/layout.js';
import { escapeHtml } from '../views/fragment.js';

export const LangQuery = z.object({
  lang: z.enum(LOCALES).default('es').openapi({ description: 'Language of the names: es, en, pt or fr', example: 'es' }),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable machine-readable code, e.g. not_found, invalid_request' }),
    title: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

export const problemResponses = {
  400: { description: 'Invalid request', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

const ObjectiveSchema = z
  .object({ n: z.number().int().min(1).max(23), hubId: z.number().int(), short: z.string(), title: z.string() })
  .openapi('Objective');
const PrincipleSchema = z.object({ key: z.string(), hubId: z.number().int(), name: z.string(), description: z.string() }).openapi('Principle');
const CountrySchema = z
  .object({ alpha2: z.string().length(2), alpha3: z.string().length(3), numeric: z.string().length(3), lac: z.boolean(), name: z.string() })
  .openapi('Country');

export function createApi(modules: ModuleManifest[]) {
  const api = new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return problem(c as any, 400, 'invalid_request', 'Invalid request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
      }
    },
  });
  api.use('*', async (c, next) => {
    // Set before the handler (a handler may override): public data may be cached for a minute.
    if (c.req.method === 'GET') c.header('Cache-Control', 'public, max-age=60');
    await next();
  });

  api.openapi(
    createRoute({
      method: 'get',
      path: '/objectives',
      tags: ['Reference'],
      summary: 'The 23 GCM objectives',
      description: 'With the UN Network on Migration Hub term ids used in its filters (gcm_objectives).',
      request: { query: LangQuery },
      responses: { 200: { description: 'The objectives', content: { 'application/json': { schema: z.object({ data: z.array(ObjectiveSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      c.set('cacheable', true);
      c.set('cacheParams', ['lang', 'lac']);
      return c.json({ data: await listObjectives(c.get('deps').db, lang) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/principles',
      tags: ['Reference'],
      summary: 'The 10 guiding principles of the GCM',
      description: "The Hub's cross_cutting_theme ids.",
      request: { query: LangQuery },
      responses: { 200: { description: 'The principles', content: { 'application/json': { schema: z.object({ data: z.array(PrincipleSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      c.set('cacheable', true);
      c.set('cacheParams', ['lang', 'lac']);
      return c.json({ data: await listPrinciples(c.get('deps').db, lang) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/countries',
      tags: ['Reference'],
      summary: 'ISO 3166-1 countries',
      description: 'The 33 Latin American and Caribbean states come first and have lac=true.',
      request: { query: LangQuery.extend({ lac: z.enum(['true', 'false']).optional().openapi({ description: 'Only the region (true)' }) }) },
      responses: { 200: { description: 'The countries', content: { 'application/json': { schema: z.object({ data: z.array(CountrySchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang, lac } = c.req.valid('query');
      const all = await listCountries(c.get('deps').db, lang);
      c.set('cacheable', true);
      c.set('cacheParams', ['lang', 'lac']);
      return c.json({ data: lac === 'true' ? all.filter((x) => x.lac) : all }, 200);
    },
  );

  for (const m of modules) m.api?.(api);

  const document = {
    openapi: '3.1.0',
    info: {
      title: 'dialogo API',
      version: '1.0.0',
      description:
        'Public data of the Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe: GCM reference data, bodies, members, practices and elections. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: apiPaths.base }],
  };
  api.doc31('/openapi.json', document);
  api.get('/docs', (c) => {
    const spec = api.getOpenAPI31Document(document);
    return c.html(renderDocs(spec));
  });
  api.notFound((c) => problem(c, 404, 'not_found', 'Not Found'));
  return api;
}

/** A readable reference of every endpoint, its parameters and responses. */
function renderDocs(spec: any) {
  const esc = (s: unknown) => escapeHtml(String(s ?? ''));
  const ops: string[] = [];
  for (const [path, item] of Object.entries<any>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(item)) {
      const params = (op.parameters ?? [])
        .map((p: any) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(p.schema?.type ?? '')}${p.schema?.enum ? ` (${esc(p.schema.enum.join(', '))})` : ''}</td><td>${esc(p.description ?? '')}</td></tr>`)
        .join('');
      const responses = Object.entries<any>(op.responses ?? {})
        .map(([code, r]) => `<li><strong>${esc(code)}</strong> ${esc(r.description)}</li>`)
        .join('');
      ops.push(`<section class="card" id="${esc(op.operationId ?? method + path)}"><h2><code>${esc(method.toUpperCase())} ${apiPaths.base}${esc(path)}</code></h2>
<p>${esc(op.summary ?? '')}</p>${op.description ? `<p class="muted">${esc(op.description)}</p>` : ''}
${params ? `<div class="table-wrap" role="group" aria-label="Parameters" tabindex="0"><table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${params}</tbody></table></div>` : ''}
<p><strong>Responses</strong></p><ul>${responses}</ul></section>`);
    }
  }
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>dialogo API reference</title><link rel="stylesheet" href="${STYLESHEET}"></head>
<body><a class="skip-link" href="#main">Skip to content</a><header class="site-header"><div class="wrap bar"><a class="brand" href="/">dialogo</a></div></header>
<main id="main"><div class="wrap"><h1>API reference (v1)</h1>
<p class="lead">${esc(spec.info?.description)}</p>
<p>OpenAPI 3.1 document: <a href="${apiPaths.openapi}">${apiPaths.openapi}</a></p>
${raw(ops.join('\n'))}</div></main></body></html>`;
}
