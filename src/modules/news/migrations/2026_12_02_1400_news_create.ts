/**
 * Frozen migration: news posts. A post belongs to a body (its secretary writes it; it shows on the body's page)
 * or to the whole Mechanism (body_id null: administrators). Texts per language as JSON; `status` moves
 * draft → scheduled → published (or back to draft); a scheduled post is published by a job at `publish_at`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('original_lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('image_file', 'text')
    .addColumn('image_alt', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_posts_published_idx').on('news_posts').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('news_posts_body_idx').on('news_posts').columns(['body_id', 'status', 'published_at']).execute();
  await db.schema
    .createTable('news_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('news_posts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_attachments_post_idx').on('news_attachments').columns(['post_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_attachments').execute();
  await db.schema.dropTable('news_posts').execute();
}
