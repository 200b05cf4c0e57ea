/**
 * @module Attachment list
 * The one way a page lists downloadable files and links (a practice's attachments, an event's materials): the
 * name as the link, then in small print the file's name when it differs, its size and its language, then a note
 * (who may see it) and an action (a remove button) when given. Sizes in KB (at least 1), in the reader's numbers.
 */
import type { Child } from 'hono/jsx';
import { useView } from './context.js';
import { isLocale } from '../i18n/locales.js';

export interface AttachmentItem {
  /** Where the link goes (a download route, or an outside address when `external`). */
  href: string;
  /** What the link says (a title, else the file's name). */
  name: string;
  /** The file's own name, shown when it differs from `name`. */
  fileName?: string | null;
  /** Bytes; absent for links. */
  size?: number | null;
  /** The language of the file, when known. */
  lang?: string | null;
  /** An address outside dialogo (opened without telling it where the reader came from). */
  external?: boolean;
  /** After the details (e.g. "participants only"). */
  note?: Child;
  /** At the end of the line (e.g. a remove button in its own form). */
  action?: Child;
}

export function AttachmentList(props: { items: AttachmentItem[] }) {
  const { t, fmt } = useView();
  if (!props.items.length) return null;
  return (
    <ul class="attachments">
      {props.items.map((a) => {
        const details = [
          a.fileName && a.fileName !== a.name ? a.fileName : null,
          typeof a.size === 'number' ? t('files.size', { kb: fmt.number(Math.max(1, Math.round(a.size / 1024))) }) : null,
          a.lang && isLocale(a.lang) ? t(`languageNames.${a.lang}`) : null,
        ].filter((x): x is string => !!x);
        return (
          <li>
            <a href={a.href} rel={a.external ? 'nofollow noopener noreferrer' : undefined} hreflang={a.lang ?? undefined}>
              {a.name}
            </a>
            {details.length ? <span class="small muted"> ({details.join(', ')})</span> : null}
            {a.note ? <span class="small"> · {a.note}</span> : null}
            {a.action ? <> {a.action}</> : null}
          </li>
        );
      })}
    </ul>
  );
}
