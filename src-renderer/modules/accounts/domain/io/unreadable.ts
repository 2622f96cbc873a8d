import { problem, type ImportProblem } from './report';

/**
 * A decoder that meets bytes that are not UTF-8 puts U+FFFD (�) in their place. Bank and
 * journal files never contain that character on purpose, so finding it means the file was
 * read with the wrong encoding and names or memos would import garbled: refuse, with the line.
 */
export function unreadableTextProblem(text: string): ImportProblem | null {
  const at = text.indexOf('\ufffd');
  if (at < 0) return null;
  const line = text.slice(0, at).split('\n').length;
  return problem(
    line,
    'This line has characters that could not be read (shown as �): the file is not valid UTF-8 text. Save it as UTF-8 (in Excel: Save As, "CSV UTF-8") or download it from the bank again, then import it again.',
  );
}
