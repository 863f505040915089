/**
 * A text cell of a CSV file Tahap writes, made safe to open in a spreadsheet (OWASP's advice on CSV injection).
 * Excel, LibreOffice and Google Sheets run a cell starting with `=`, `+`, `-` or `@` as a formula (and skip a
 * leading tab or CR first), so a title such as `=HYPERLINK(…)` typed by an agency would run on an admin's machine.
 * Such a cell gets a leading `'`, which spreadsheets read as "this is text" and show without it.
 *
 * Every CSV writer passes its text cells through this. A negative number would get the quote too (`'-5`): no CSV
 * Tahap writes holds one (scores, ranks and counts are never negative), and a cell starting with `-` may be a
 * formula (`-1+cmd|…`), so a writer that ever needs negative numbers formats them itself instead of passing them
 * here. JSON answers keep every text exactly.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
