/** @module Events: what a command needs — the transaction, the translator and the site's address (for mails). */
import type { Db } from '../../../db/schema.js';
import type { I18n } from '../../../platform/i18n/i18n.js';

export interface EventsTx {
  db: Db;
  i18n: I18n;
  baseUrl: string;
}

export const eventsTx = (db: Db, deps: { i18n: I18n; config: { baseUrl: string } }): EventsTx => ({ db, i18n: deps.i18n, baseUrl: deps.config.baseUrl });
