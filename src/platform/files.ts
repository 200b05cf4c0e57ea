/**
 * @module Uploaded files
 * The one check of an uploaded file: its name's extension must be an allowed kind (PDF, images, office documents)
 * and its first bytes must be what a real file of that kind starts with — so an executable, a script or a file
 * renamed to look like a PDF is refused whatever its name says. Office documents that are ZIP containers must
 * also carry their format's marker (`[Content_Types].xml` for OOXML, `mimetype` for OpenDocument), so a ZIP of
 * anything renamed `.docx` is refused too. Used by every module that takes files (practices, library, news, events, pledges).
 */
import { ok, fail, type Outcome } from './outcome.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
type Container = 'ooxml' | 'odf';
/** Extension → content type and the bytes a real file of that kind starts with. */
export const ALLOWED: Record<string, { type: string; magic: number[]; container?: Container }> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  gif: { type: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38] },
  webp: { type: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP, container: 'ooxml' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP, container: 'ooxml' },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP, container: 'ooxml' },
  odt: { type: 'application/vnd.oasis.opendocument.text', magic: ZIP, container: 'odf' },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP, container: 'odf' },
  odp: { type: 'application/vnd.oasis.opendocument.presentation', magic: ZIP, container: 'odf' },
  doc: { type: 'application/msword', magic: OLE },
  xls: { type: 'application/vnd.ms-excel', magic: OLE },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: OLE },
};

/** Documents only (no images): what a pledge's attachment may be. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'doc', 'xls', 'ppt'] as const;

/** The `accept` attribute of a file input for these kinds. */
export const ACCEPT = Object.keys(ALLOWED)
  .map((e) => `.${e}`)
  .join(',');

function hasAscii(bytes: Uint8Array, text: string, from: number, to: number): boolean {
  const needle = Buffer.from(text, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, to)).indexOf(needle, from) >= 0;
}

function containerOk(bytes: Uint8Array, c: Container | undefined): boolean {
  if (!c) return true;
  // OpenDocument: the first entry is the uncompressed `mimetype` (its name at offset 30 of the ZIP).
  if (c === 'odf') return hasAscii(bytes, 'mimetype', 30, 38);
  // OOXML: a `[Content_Types].xml` entry (its name appears in a local header and in the central directory).
  return hasAscii(bytes, '[Content_Types].xml', 0, bytes.length);
}

/** The lowercase extension of a file name ('' when none). */
export const extensionOf = (name: string) => /\.([a-z0-9]{2,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Checks a file's name, size and bytes. Refusals: `files.errors.missing`, `files.errors.tooLarge` (with `mb`),
 * `files.errors.type`, placed beside `field`.
 */
export function checkFile(name: string, bytes: Uint8Array, opts: { maxBytes: number; field?: string; only?: readonly string[] }): Outcome<{ ext: string; type: string }> {
  const field = opts.field ?? 'file';
  if (!bytes.length) return fail('files.errors.missing', { field });
  if (bytes.length > opts.maxBytes) return fail('files.errors.tooLarge', { field, params: { mb: Math.floor(opts.maxBytes / (1024 * 1024)) } });
  const ext = extensionOf(name);
  const rule = !opts.only || opts.only.includes(ext) ? ALLOWED[ext] : undefined;
  if (!rule || !rule.magic.every((b, i) => bytes[i] === b) || !containerOk(bytes, rule.container)) return fail('files.errors.type', { field });
  return ok({ ext, type: rule.type });
}

/** A safe display name: no path, no control characters, no quotes. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').slice(-150) || 'file';
}

/** Headers for serving a stored file as a download: never shown inline, never sniffed, never cached by others. */
export function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  };
}
