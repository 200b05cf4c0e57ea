/** @module Pledges: the rules of a pledge that the form, the commands and the exports share. */
import { isoDate } from '../../db/ids.js';

/** The UN form's narrative: 300–3,000 characters (in each language it is written in). */
export const DESCRIPTION_MIN = 300;
export const DESCRIPTION_MAX = 3000;
export const TITLE_MAX = 250;
/** One attachment, 25 MB at most, a document (PDF or office file). */
export const ATTACHMENT_MAX = 25 * 1024 * 1024;
/** Partners on the form (rows). */
export const PARTNER_ROWS = 5;
/** How often a published pledge's progress is due, in months. */
export const UPDATE_EVERY_MONTHS = 6;

/** Characters as a reader counts them (an emoji or an accented letter is one). */
export const charCount = (s: string) => [...s].length;

/** The ISO date `months` after `date` (the last day of the month when it has fewer days). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return isoDate(target);
}
