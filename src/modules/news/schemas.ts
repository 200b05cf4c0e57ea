/** @module News: the post form's zod schema, field by field, and what it becomes. */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { translatedFromForm, type Translated } from '../../platform/i18n/translated.js';
import { fields, deadlineFields, deadlineAt } from '../../platform/http/forms.js';

const titleIn = z.string().trim().max(200).optional();
const summaryIn = z.string().trim().max(600).optional();
const bodyIn = z.string().trim().max(40000).optional();

/**
 * Images are uploaded with the post (checked and resized here), never pulled from another site: a Markdown image
 * or an <img> tag is refused with a message that says so. Other raw HTML, scripts and javascript: links are
 * removed when the post is shown (platform/views/markdown.ts).
 */
export const hasOutsideImage = (md: string | undefined) => !!md && /!\[[^\]]*\]\s*\(|<img\b|<picture\b|<svg\b/i.test(md);

export const PUBLISH_CHOICES = ['draft', 'now', 'schedule'] as const;

const perLanguage: Record<string, z.ZodType> = {};
for (const l of LOCALES) {
  perLanguage[`title_${l}`] = titleIn;
  perLanguage[`summary_${l}`] = summaryIn;
  perLanguage[`body_${l}`] = bodyIn.refine((v) => !hasOutsideImage(v), { message: 'news.errors.outsideImage' });
}

/** Writing or editing a post. `body` is a body's id, or '' for the Mechanism's own news (administrators). */
export const PostForm = z
  .object({
    body: z.string().optional().transform((v) => v || ''),
    original_lang: z.enum(LOCALES as unknown as [Locale, ...Locale[]]),
    ...perLanguage,
    image_alt: fields.optionalText(300),
    remove_image: fields.flag(),
    publish: z.enum(PUBLISH_CHOICES),
    ...deadlineFields('publish_at'),
  })
  .refine((v) => !!(v as Record<string, unknown>)[`title_${v.original_lang}`], { message: 'news.errors.titleInOriginal', path: ['original_lang'] })
  .refine((v) => !!(v as Record<string, unknown>)[`body_${v.original_lang}`], { message: 'news.errors.bodyInOriginal', path: ['original_lang'] })
  .refine((v) => v.publish !== 'schedule' || !!v.publish_at_on, { message: 'news.errors.scheduleDate', path: ['publish_at_on'] });

export type PostFormData = z.output<typeof PostForm>;

export interface PostInput {
  bodyId: string | null;
  originalLang: Locale;
  title: Translated;
  summary: Translated;
  body: Translated;
  imageAlt: string | undefined;
  removeImage: boolean;
  publish: (typeof PUBLISH_CHOICES)[number];
  /** When `publish` is 'schedule' (UTC ISO). */
  publishAt: string | null;
}

export function postInput(d: PostFormData): PostInput {
  const v = d as Record<string, unknown>;
  return {
    bodyId: d.body || null,
    originalLang: d.original_lang,
    title: translatedFromForm(v, 'title'),
    summary: translatedFromForm(v, 'summary'),
    body: translatedFromForm(v, 'body'),
    imageAlt: d.image_alt,
    removeImage: d.remove_image,
    publish: d.publish,
    publishAt: d.publish === 'schedule' ? deadlineAt(v, 'publish_at', '09:00') : null,
  };
}
