/**
 * Frozen migration: the language a consultation was written in (its title, purpose, instructions and questions),
 * so each other language can be shown as translated, partly translated or not translated. Existing
 * consultations: the first language their title has (the platform's default language first).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultations').addColumn('original_lang', 'text', (c) => c.notNull().defaultTo('es')).execute();
  for (const l of ['fr', 'pt', 'en']) {
    // Titles without Spanish: the last of en, pt, fr that they have (es stays the default).
    await sql`update consultations set original_lang = ${l} where title not like '%"es":%' and title like ${`%"${l}":%`}`.execute(db);
  }
}
