/** Turns raw bytes into text, or explains why the bytes are not a readable text document. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length > maxBytes) return { ok: false, reason: `file too large: ${bytes.length} bytes > maxBytes ${maxBytes}` };
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  // A NUL byte never appears in the text formats we read; it is the cheapest binary signal.
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid UTF-8' };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'empty file (whitespace only)' };
  return { ok: true, text };
}
