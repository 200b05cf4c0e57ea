/**
 * @module Platform jobs
 * The platform's own background work: mail delivery (and its every-minute sweep), sign-in links asked for on
 * the locked sign-in page, and daily maintenance — rate-limit counters whose window has ended, finished jobs
 * older than three days; the digests of what is new (platform/digest/run.ts: immediate every 5 minutes, daily
 * 06:00 UTC, weekly Mondays 06:00 UTC).
 */
import type { JobDefinition, ScheduleDefinition } from './jobs.js';
import { mailJobs, mailSchedules } from '../mail/mailer.js';
import { prune as pruneRateLimits } from '../http/rate-limit.js';
import { digestJobs, digestSchedules } from '../digest/run.js';

/**
 * Makes and mails a sign-in link (better-auth's magic-link plugin; it mails existing, confirmed accounts only).
 * A job, so the request does the same work whether or not the address has an account: it only queues this.
 */
export const SIGN_IN_LINK_JOB = 'auth.signInLink';

/** Finished jobs are kept this long (the admin page lists them), then deleted. */
const KEEP_DONE_DAYS = 3;

export const platformJobs: JobDefinition[] = [
  ...mailJobs,
  ...digestJobs,
  {
    name: SIGN_IN_LINK_JOB,
    maxAttempts: 3,
    handler: async (payload: { email: string }, { deps }) => {
      await deps.auth.api.signInMagicLink({ body: { email: payload.email }, headers: new Headers() });
    },
  },
  {
    name: 'platform.prune',
    handler: async (_payload, { deps, now, log }) => {
      const rateLimits = await pruneRateLimits(deps.db, now.getTime());
      const cutoff = new Date(now.getTime() - KEEP_DONE_DAYS * 86_400_000).toISOString();
      const jobs = await deps.db.deleteFrom('jobs').where('status', '=', 'done').where('finished_at', '<', cutoff).executeTakeFirst();
      log.info({ rateLimits, jobs: Number(jobs.numDeletedRows) }, 'pruned');
    },
  },
];

export const platformSchedules: ScheduleDefinition[] = [...mailSchedules, ...digestSchedules, { name: 'platform.prune', cron: '17 3 * * *', job: 'platform.prune' }];
