/**
 * Frozen migration: consultations open to anyone with the link. A person's answer waits here, under the SHA-256
 * of the secret sent to their address, until they confirm it from the mail; it then becomes their one answer
 * (respondent `email:<address>`). Unconfirmed answers expire.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation_pending')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_pending_consultation_idx').on('consultation_pending').column('consultation_id').execute();
}
