/** @module Elections: emails to the body's members about each step (called, opened, closed, failed, certified). */
import type { AppDeps } from '../../platform/http/env.js';
import { isLocale } from '../../platform/i18n/locales.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { getBodyById, bodyRecipients } from '../bodies/index.js';
import { getElection } from './queries.js';
import type { ElectionEvent } from './commands/lifecycle.js';

/** Sends one message per event to every reachable person of the body (after the transaction commits). */
export async function announce(deps: AppDeps, events: ElectionEvent[]): Promise<void> {
  const { db, mailer, i18n, config } = deps;
  for (const ev of events) {
    const e = await getElection(db, ev.electionId);
    if (!e) continue;
    const body = await getBodyById(db, e.bodyId);
    if (!body) continue;
    for (const r of await bodyRecipients(db, e.bodyId)) {
      const l = isLocale(r.locale) ? r.locale : 'es';
      const t = i18n.t(l);
      const params = {
        title: pickTranslated(e.title, l)?.text ?? '',
        body: pickTranslated(body.name, l)?.text ?? body.slug,
        url: `${config.baseUrl}/${l}/elections/${e.id}`,
        census: e.censusSize ?? 0,
        ballots: e.ballotCount,
      };
      await mailer.send({ to: r.email, subject: t(`elections.mail.${ev.kind}.subject`, params), text: t(`elections.mail.${ev.kind}.body`, params), kind: `election-${ev.kind}` });
    }
  }
}
