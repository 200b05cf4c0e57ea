/**
 * @module Platform jobs
 * The platform's own background work: mail delivery (and its every-minute sweep) and daily maintenance —
 * rate-limit counters whose window has ended, finished jobs older than three days.
 */
import type { JobDefinition, ScheduleDefinition } from './jobs.js';
import { mailJobs, mailSchedules } from '../mail/mailer.js';
import { prune as pruneRateLimits } from '../http/rate-limit.js';

/** Finished jobs are kept this long (the admin page lists them), then deleted. */
const KEEP_DONE_DAYS = 3;

export const platformJobs: JobDefinition[] = [
  ...mailJobs,
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

export const platformSchedules: ScheduleDefinition[] = [...mailSchedules, { name: 'platform.prune', cron: '17 3 * * *', job: 'platform.prune' }];
