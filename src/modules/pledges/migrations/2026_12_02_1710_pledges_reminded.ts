/**
 * Frozen migration: the due date a pledge's last reminder was about (null: none sent for the current due date),
 * so the reminder job mails once per due date even when it runs twice.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledges').addColumn('reminded_for', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledges').dropColumn('reminded_for').execute();
}
