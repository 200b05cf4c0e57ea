/** @module Elections: JSON endpoints (public facts, results and the verifiable record). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listBodies } from '../bodies/index.js';
import { getElection, listElections, electionRecord, fingerprintOf, type Election } from './queries.js';
import { serializeRecord } from './core/index.js';
import { paths, apiPaths } from './paths.js';

const ElectionSchema = z
  .object({
    id: z.string(),
    body: z.string().openapi({ description: 'Slug of the body' }),
    title: z.string(),
    status: z.enum(['nomination', 'voting', 'closed', 'certified', 'failed', 'cancelled']),
    positions: z.array(z.string()),
    quorumPct: z.number().int(),
    nominationsCloseAt: z.string().nullable(),
    votingOpensAt: z.string().nullable(),
    votingClosesAt: z.string().nullable(),
    timeZone: z.string().openapi({ description: 'IANA zone the deadlines were set in and are stated in', example: 'America/Mexico_City' }),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    censusSize: z.number().int().nullable(),
    fingerprint: z
      .string()
      .nullable()
      .openapi({ description: 'Definition fingerprint (SHA-256 of the frozen definition, census size and quorum), from the moment voting opens; the verifier prints the same value from the record' }),
    ballotCount: z.number().int().nullable().openapi({ description: 'Published once voting closes' }),
    headHash: z.string().nullable(),
    result: z.any().nullable().openapi({ description: "The core's ElectionResult, once voting closes" }),
    url: z.string(),
    record: z.string().nullable().openapi({ description: 'URL of the downloadable record (JSON), once voting closes' }),
  })
  .openapi('Election');

function present(e: Election, slugs: Map<string, string>, lang: Locale) {
  const published = !!e.closedAt && !!e.result;
  return {
    id: e.id,
    body: slugs.get(e.bodyId) ?? '',
    title: pickTranslated(e.title, lang)?.text ?? '',
    status: e.status,
    positions: e.positions,
    quorumPct: e.quorumPct,
    nominationsCloseAt: e.nominationsCloseAt,
    votingOpensAt: e.votingOpensAt,
    votingClosesAt: e.votingClosesAt,
    timeZone: e.timeZone,
    openedAt: e.openedAt,
    closedAt: e.closedAt,
    censusSize: e.censusSize,
    fingerprint: fingerprintOf(e),
    ballotCount: published ? e.ballotCount : null,
    headHash: published ? e.headHash : null,
    result: published ? e.result : null,
    url: paths.election.href(lang, { id: e.id }),
    record: published ? paths.record.href(lang, { id: e.id }) : null,
  };
}

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });

export function electionsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Elections'],
      summary: 'Elections of the bodies',
      request: { query: LangQuery.extend({ body: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().openapi({ description: 'Only this body (slug)' }) }) },
      responses: { 200: { description: 'Elections, newest first', content: { 'application/json': { schema: z.object({ data: z.array(ElectionSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang, body } = c.req.valid('query');
      const { db } = c.get('deps');
      const bodies = await listBodies(db);
      const b = body ? bodies.find((x) => x.slug === body) : undefined;
      if (body && !b) return problem(c, 404, 'not_found', 'No body with that slug') as any;
      const slugs = new Map(bodies.map((x) => [x.id, x.slug]));
      return c.json({ data: (await listElections(db, { bodyId: b?.id })).map((e) => present(e, slugs, lang)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.election,
      tags: ['Elections'],
      summary: 'One election',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: { description: 'The election', content: { 'application/json': { schema: z.object({ data: ElectionSchema }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const e = await getElection(db, c.req.valid('param').id);
      if (!e) return problem(c, 404, 'not_found', 'No election with that id') as any;
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      return c.json({ data: present(e, slugs, lang) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.record,
      tags: ['Elections'],
      summary: 'The verifiable election record',
      description: 'Every ballot with its receipt code and hash, the census size, the chain head and the result, in the format `npm run verify-election` checks (docs/elections-security.md). Available once voting has closed.',
      request: { params: IdParam },
      responses: { 200: { description: 'The record', content: { 'application/json': { schema: z.any() } } }, ...problemResponses },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const e = await getElection(db, c.req.valid('param').id);
      const record = e ? await electionRecord(db, e) : null;
      if (!record) return problem(c, 404, 'not_found', 'No published record for that election') as any;
      return c.body(serializeRecord(record), 200, { 'Content-Type': 'application/json; charset=utf-8' }) as any;
    },
  );
}
