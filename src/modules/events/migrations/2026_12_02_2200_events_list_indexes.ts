/**
 * Frozen migration: indexes for the paged events list (decision 0401, "The list"). Both carry every column the
 * list filters on (visibility, kind, format, country), so counting and choosing a page's rows reads the index,
 * not the table's wide rows (titles and descriptions in four languages):
 * - `events_ends_idx` (ends_at first): the upcoming events (a short range: ends_at ≥ now) and the counts;
 * - `events_order_idx` (starts_at, id first): the list's order itself, so a page of past events (latest first)
 *   is read in order and stops after its rows, without sorting every past event.
 */
import type { Kysely } from 'kysely';

const FILTERS = ['visibility', 'kind', 'format', 'venue_country'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_ends_idx').on('events').columns(['ends_at', ...FILTERS, 'starts_at', 'id']).execute();
  await db.schema.createIndex('events_order_idx').on('events').columns(['starts_at', 'id', 'ends_at', ...FILTERS]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_order_idx').execute();
  await db.schema.dropIndex('events_ends_idx').execute();
}
