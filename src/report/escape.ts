// What names may contain, made harmless for each place they are shown. A participant's name is free text from a
// registration form: it can hold terminal escape sequences, bidirectional overrides that reorder what a reader sees
// ("Trojan Source"), a Markdown table pipe, HTML, or a spreadsheet formula. Every output path escapes through here,
// so the rules live once. Pure functions over strings.

/**
 * C0 and C1 controls (tab and newline included: one name is one line) and the Unicode formatting characters that
 * reorder or hide text: bidirectional embeddings, overrides and isolates, the directional marks, the Arabic letter
 * mark, zero-width joiners and spaces, the BOM, and the line and paragraph separators.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Each unsafe character as a visible `\u{…}` escape, so the reader sees that something was there. */
export function neutraliseControls(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, visibleEscape);
}

function visibleEscape(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16).padStart(4, "0")}}`;
}

/** Does the text hold any character neutraliseControls would replace? */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

const UNSAFE_CHARACTER = new RegExp(UNSAFE_CHARACTERS.source);

/** For a terminal line or a plain-text file. */
export const escapeTerminal = neutraliseControls;

/**
 * For text of several lines bound for a terminal: like neutraliseControls, but "\n" stays a line break. What the
 * CLI prints passes here on its way out, whoever formatted it; a name is escaped where it is formatted too
 * (escapeTerminal), so a line break inside a name cannot start a forged line.
 */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (ch) => (ch === "\n" ? ch : visibleEscape(ch)));
}

/**
 * A value as JSON text (two-space indent, final newline) that a terminal shows as it is: JSON.stringify escapes the
 * C0 controls but writes DEL, C1 controls and bidirectional overrides raw, so those become \uXXXX escapes too
 * (the same value for any JSON reader).
 */
export function jsonText(value: unknown): string {
  // Outside strings only the indentation's line breaks occur; inside them JSON.stringify has escaped every C0 control.
  return `${escapeAsUnicode(JSON.stringify(value, null, 2))}\n`;
}

/**
 * Every unsafe character but the line break as a `\uXXXX` escape: inside a JSON string or a double-quoted YAML
 * scalar, the same character to any reader, and nothing a terminal acts on. Only for text whose unsafe characters
 * all sit inside such strings (jsonText, yamlText).
 */
export function escapeAsUnicode(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (ch) => (ch === "\n" ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/**
 * Text with none of the characters neutraliseControls replaces: what an identifier (an id, a topic, an attribute)
 * must look like, as a JSON Schema pattern editors can check too.
 */
export const SAFE_TEXT = new RegExp(`^[^${UNSAFE_CHARACTERS.source.slice(1, -1)}]*$`);

/**
 * For one cell of a Markdown table: controls neutralised, then every character that Markdown or GitHub's table
 * syntax would read as markup is backslash-escaped (a pipe would split the cell, `<` could open HTML, `&` an entity).
 */
export function escapeMarkdownCell(text: string): string {
  return neutraliseControls(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (ch) => `\\${ch}`);
}

/**
 * For one cell of a plain-text table that is read on a terminal and pasted as Markdown (the what-if and sweep
 * comparison tables): controls neutralised and the pipe escaped, so a cell never splits; other characters stay
 * as written, so `policy.balance[0].maxShare` still reads as itself on a terminal.
 */
export function escapeTableCell(text: string): string {
  return neutraliseControls(text.replace(/[\\|]/g, (ch) => `\\${ch}`));
}

/** For HTML text and attribute values (double-quoted): controls neutralised, then the five special characters. */
export function escapeHtml(text: string): string {
  return neutraliseControls(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * For one CSV cell meant for a spreadsheet: a cell that starts with = + - @ (or a tab or carriage return, which
 * some spreadsheets skip before reading a formula) would run as a formula (OWASP "CSV injection"), so it gets a
 * leading apostrophe, which spreadsheets show as text. A cell that already starts with an apostrophe gets one too,
 * so the one a spreadsheet hides is not lost and restoreFormulaCell can undo exactly what was added. Nothing else
 * changes: CSV is data, its quoting carries any character, and a name must come back from the organisers' CSV as
 * it was written (a zero-width non-joiner in a Persian name included). Quoting is the writer's job
 * (src/report/csv.ts).
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * The inverse of neutraliseFormula's apostrophe, for reading back a CSV cell tracktwo wrote: one leading apostrophe
 * is dropped when what follows it would have earned one. "'Isa" (a name that starts with an apostrophe, written by
 * hand) stays as it is.
 */
export function restoreFormulaCell(cell: string): string {
  const rest = cell.slice(1);
  return cell.startsWith("'") && FORMULA_START.test(rest) ? rest : cell;
}
