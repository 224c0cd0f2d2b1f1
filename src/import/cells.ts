// The small language of spreadsheet cells, both ways: import reads it, the CSV export writes it, and what the export
// writes reads back to the same value. Text is trimmed; a cell of exactly `""` is an empty text (an empty cell is
// no value at all); text that would lose something to trimming is written in double quotes. Lists are items
// separated by semicolons, commas or line breaks; an item holding one of those is written in double quotes.
// Yes/no cells accept the usual spellings.

/** A text cell: undefined when empty; a double-quoted cell is taken literally (its `""` is one quote). */
export function parseTextCell(cell: string): string | undefined {
  const text = cell.trim();
  if (text === "") return undefined;
  return isQuoted(text) ? unquote(text) : text;
}

/** What parseTextCell reads back as `text`. */
export function formatTextCell(text: string): string {
  return text === "" || text !== text.trim() || text.startsWith('"') ? quote(text) : text;
}

const isQuoted = (text: string) => /^"(?:[^"]|"")*"$/s.test(text);
const unquote = (text: string) => text.slice(1, -1).replace(/""/g, '"');
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export interface ListItem {
  readonly text: string;
  /** Written in double quotes: taken literally, never split further. */
  readonly quoted: boolean;
}

/** Separators of free lists (topics, ids): semicolon, comma, line break. */
export const LIST_SEPARATORS = ";,\n\r";

/**
 * The items of a list cell, split at any of `separators` outside double quotes; each item trimmed, empty items
 * dropped. A quote that does not open an item is an ordinary character (`5" floppy`).
 */
export function listItems(cell: string, separators: string = LIST_SEPARATORS): ListItem[] {
  const items: ListItem[] = [];
  let k = 0;
  const n = cell.length;
  while (k <= n) {
    while (k < n && /\s/.test(cell[k]!) && !separators.includes(cell[k]!)) k++;
    if (cell[k] === '"') {
      const match = /^"(?:[^"]|"")*"/s.exec(cell.slice(k));
      if (match !== null) {
        let after = k + match[0].length;
        while (after < n && /\s/.test(cell[after]!) && !separators.includes(cell[after]!)) after++;
        if (after >= n || separators.includes(cell[after]!)) {
          items.push({ text: unquote(match[0]), quoted: true });
          k = after + 1;
          continue;
        }
      }
    }
    let end = k;
    while (end < n && !separators.includes(cell[end]!)) end++;
    const text = cell.slice(k, end).trim();
    if (text !== "") items.push({ text, quoted: false });
    k = end + 1;
  }
  return items;
}

/** What listItems reads back as `items` (joined by "; "). */
export function formatListCell(items: readonly string[]): string {
  return items.map((item) => (item === "" || item !== item.trim() || /[;,\n\r"/|+]/.test(item) ? quote(item) : item)).join("; ");
}

const YES = new Set(["yes", "y", "true", "t", "1", "x", "✓", "✔", "☑", "on", "checked", "ja", "oui", "si", "sí"]);
const NO = new Set(["no", "n", "false", "f", "0", "-", "–", "✗", "✘", "off", "unchecked", "nein", "non"]);

/** Yes/no: true, false, undefined for an empty cell, null for anything else. */
export function parseYesNo(cell: string): boolean | undefined | null {
  const text = cell.trim().toLowerCase();
  if (text === "") return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

export const YES_NO_EXPECTED = "yes or no (also y/n, true/false, 1/0, x)";

/** A whole number of times (presentations, chairs): a number, or yes (1) / no (0); undefined when empty. */
export function parseCount(cell: string): number | undefined | null {
  const text = cell.trim();
  if (text === "") return undefined;
  if (/^\d+(\.0*)?$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : null;
  }
  const yes = parseYesNo(text);
  return yes === null || yes === undefined ? null : yes ? 1 : 0;
}

/** Dialogue: "in" / "out", or yes (in) / no (out), "opt in" / "opt out"; undefined when empty. */
export function parseDialogue(cell: string): "in" | "out" | undefined | null {
  const text = cell.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  if (text === "") return undefined;
  if (text === "in" || text === "opt in") return "in";
  if (text === "out" || text === "opt out") return "out";
  const yes = parseYesNo(text);
  return yes === null || yes === undefined ? null : yes ? "in" : "out";
}

/** A panel size: "4" (exactly) or "3-5" / "3 to 5"; undefined when empty. */
export function parseSizeRange(cell: string): { min: number; max: number } | undefined | null {
  const text = cell.trim();
  if (text === "") return undefined;
  const range = /^(\d+)\s*(?:-|–|to|\.\.)\s*(\d+)$/i.exec(text);
  if (range !== null) return { min: Number(range[1]), max: Number(range[2]) };
  return /^\d+$/.test(text) ? { min: Number(text), max: Number(text) } : null;
}

/** The key two spellings of one header or label share: case, accents, punctuation and spacing ignored. */
export function normaliseKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}
