/** @module News: its tables. */

/** draft: only its writers see it; scheduled: published by a job at `publish_at`; published: public. */
export const NEWS_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

export interface NewsPostsTable {
  id: string;
  /** The body whose news it is (its page shows it); null: the Mechanism's own news (administrators). */
  body_id: string | null;
  /** Translated JSON text: plain text. */
  title: string;
  /** Translated JSON text: plain text, one or two sentences. */
  summary: string;
  /** Translated JSON text: Markdown (rendered by platform/views/markdown.ts). */
  body: string;
  original_lang: string;
  status: NewsStatus;
  /** When a scheduled post goes out (UTC ISO). */
  publish_at: string | null;
  /** When it went out (UTC ISO); set once, kept when it is edited. */
  published_at: string | null;
  /** The image, resized, under DATA_DIR/uploads/news (`<id>.webp`, and `<id>-s.webp` for phones). */
  image_file: string | null;
  /** Translated JSON text: the image's description. */
  image_alt: string | null;
  /** 1: demo data (npm start -- --demo), labelled as such wherever it shows. */
  demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsAttachmentsTable {
  id: string;
  post_id: string;
  /** The name it was uploaded with (shown, and given to the download). */
  name: string;
  /** The stored file's generated name under DATA_DIR/uploads/news-files. */
  file: string;
  /** The type found from its bytes. */
  type: string;
  size: number;
  created_at: string;
}

declare module '../../db/schema.js' {
  interface Database {
    news_posts: NewsPostsTable;
    news_attachments: NewsAttachmentsTable;
  }
}
