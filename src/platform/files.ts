/**
 * @module Files
 * What an uploaded file is, by its extension and by its first bytes (a renamed executable is not a PDF), and a
 * safe display name. Modules choose which kinds they take (practices: documents and images; pledges: documents).
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Extension → content type and the bytes a real file of that kind starts with. */
export const FILE_KINDS: Record<string, { type: string; magic: number[] }> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  gif: { type: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38] },
  webp: { type: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  odt: { type: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  odp: { type: 'application/vnd.oasis.opendocument.presentation', magic: ZIP },
  doc: { type: 'application/msword', magic: OLE },
  xls: { type: 'application/vnd.ms-excel', magic: OLE },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: OLE },
};

/** Documents only (no images): PDF and office files. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'doc', 'xls', 'ppt'] as const;

/**
 * The kind of a file whose extension is one of `allowed` and whose first bytes are that kind's; null otherwise.
 */
export function sniffFile(name: string, bytes: Uint8Array, allowed: readonly string[] = Object.keys(FILE_KINDS)): { ext: string; type: string } | null {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const rule = allowed.includes(ext) ? FILE_KINDS[ext] : undefined;
  if (!rule || bytes.length < rule.magic.length || !rule.magic.every((b, i) => bytes[i] === b)) return null;
  return { ext, type: rule.type };
}

/** A safe display name: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').slice(-150) || 'file';
}
