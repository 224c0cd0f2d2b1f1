// CSV text, written one way for every CSV tracktwo writes (export, notices, sweep): csv-stringify (RFC 4180 quoting,
// which hand-written CSV gets wrong), CRLF line ends and a byte-order mark, which is what Excel needs to show
// non-Latin names, and every cell but a plain number through neutraliseFormula, so no name runs as a formula. An
// optional first line `# ...` states the file's audience where its name cannot: spreadsheets show it as a row, and
// CSV readers skip it with their comment option (`pandas.read_csv(..., comment="#")`).
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "./escape.js";

export function csvText(rows: readonly (readonly string[])[], comment?: string): string {
  // Unquoted, so comment options recognise it: its commas become semicolons, keeping it one cell.
  const first = comment === undefined ? "" : `# ${comment.replaceAll(",", ";").replace(/[\r\n]+/g, " ")}\r\n`;
  return `\uFEFF${first}${stringify(rows.map((r) => r.map(csvCell)), { record_delimiter: "windows" })}`;
}

/** A number as a spreadsheet reads one ("-3", "0.5", "1e-9"): a value, not a formula, so "-3" stays a number. */
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

function csvCell(text: string): string {
  return PLAIN_NUMBER.test(text) ? text : neutraliseFormula(text);
}
