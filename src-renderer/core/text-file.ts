/**
 * Turns the bytes of an imported file into text without ever garbling it silently. A plain
 * TextDecoder swaps bytes that are not UTF-8 for U+FFFD (�) and carries on, so a name such
 * as "Müller" saved by Excel as "CSV (Comma delimited)" would import as "M�ller".
 */
export type DecodedText =
  | {
      ok: true;
      text: string;
      encoding: 'utf-8' | 'windows-1252';
      /** Set when the file was not UTF-8 and was read another way: show it to the clerk. */
      note: string | null;
    }
  | { ok: false; line: number; message: string };

const LF = 0x0a;

/**
 * `allowWindows1252`: bank systems still export Western European (Windows-1252) text, so bank
 * statements that hold no UTF-8 at all are read that way, with a note. A file that is mostly
 * UTF-8 with bad bytes is damaged, not another encoding, and is refused like any file we define
 * ourselves (journal and chart CSV are UTF-8 by their documentation).
 */
export function decodeTextFile(
  bytes: Uint8Array,
  opts: { allowWindows1252: boolean },
): DecodedText {
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      note: null,
    };
  } catch {
    // Not UTF-8: find out where, below.
  }
  const { badLine, sawUtf8 } = scanLines(bytes);
  if (opts.allowWindows1252 && !sawUtf8) {
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      note: 'The file is not UTF-8 text, so it was read as Western European (Windows-1252) text. Check that names with accents (é, ü, ñ) look right before matching.',
    };
  }
  return {
    ok: false,
    line: badLine,
    message:
      'This line is not valid UTF-8 text, so names and memos would come in garbled. Save the file as UTF-8 (in Excel: Save As, "CSV UTF-8") and import it again.',
  };
}

/**
 * The first line (1-based) whose bytes are not UTF-8, and whether any line holds real UTF-8
 * beyond ASCII. Splitting at LF is safe: no UTF-8 sequence contains that byte.
 */
function scanLines(bytes: Uint8Array): { badLine: number; sawUtf8: boolean } {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let badLine = 0;
  let sawUtf8 = false;
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(LF, start);
    if (end < 0) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    let valid = true;
    try {
      strict.decode(chunk);
    } catch {
      valid = false;
    }
    if (!valid && badLine === 0) badLine = line;
    if (valid && chunk.some((b) => b >= 0x80)) sawUtf8 = true;
    if (badLine !== 0 && sawUtf8) break;
    start = end + 1;
  }
  return { badLine: badLine || 1, sawUtf8 };
}
