// Country names in English to ISO 3166-1 alpha-2 codes, from maintained libraries rather than a table of our own:
// i18n-iso-countries (ISO names and common aliases: "Russian Federation", "Russia", "UK", "USA"), countries-list
// (the short names people write: "Syria", "Laos", "Moldova") and i18n-nationality (what a "Nationality" field
// usually holds: "German", "Ukrainian"). Alpha-2 and alpha-3 codes are accepted in any case. Names are compared
// without case, accents or punctuation; "Korea, Republic of" also answers to "Korea", and a parenthesis to what is
// outside and inside it. A name two countries share ("Congo", "Congolese") is ambiguous, never guessed.
import { createRequire } from "node:module";
import { distance } from "fastest-levenshtein";
import { normaliseKey } from "./cells.js";

export type CountryMatch =
  | { readonly kind: "found"; readonly code: string }
  | { readonly kind: "ambiguous"; readonly codes: readonly string[] }
  | { readonly kind: "unknown"; readonly suggestions: readonly string[] };

export interface CountryIndex {
  resolve(text: string): CountryMatch;
  /** "Russia (RU)": how a code is shown in messages. */
  describe(code: string): string;
}

let cached: CountryIndex | null = null;

/** The index, built once per process (the libraries' English data only; about 40 ms). */
export function countryIndex(): CountryIndex {
  cached ??= buildIndex();
  return cached;
}

interface IsoCountries {
  registerLocale(data: unknown): void;
  getNames(lang: string, options: { select: "all" }): Record<string, string[]>;
  getAlpha3Codes(): Record<string, string>;
}
interface Nationalities {
  registerLocale(data: unknown): void;
  getNames(lang: string): Record<string, string>;
}

function buildIndex(): CountryIndex {
  // The packages' plain entry points, so that only English is loaded (their default entries load every language).
  const require = createRequire(import.meta.url);
  const iso = require("i18n-iso-countries/index") as IsoCountries;
  iso.registerLocale(require("i18n-iso-countries/langs/en.json"));
  const nationality = require("i18n-nationality/index") as Nationalities;
  nationality.registerLocale(require("i18n-nationality/langs/en.json"));
  const { countries: common } = require("countries-list") as { countries: Record<string, { name: string }> };

  const isoNames = iso.getNames("en", { select: "all" });
  const codes = new Set(Object.keys(isoNames));
  const byKey = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    for (const variant of nameVariants(name)) {
      const key = normaliseKey(variant).replace(/^the /, "");
      if (key === "") continue;
      const set = byKey.get(key) ?? new Set<string>();
      set.add(code);
      byKey.set(key, set);
    }
  };
  for (const [code, names] of Object.entries(isoNames)) for (const name of names) add(name, code);
  for (const [code, entry] of Object.entries(common)) if (codes.has(code)) add(entry.name, code);
  for (const [code, name] of Object.entries(nationality.getNames("en"))) if (codes.has(code)) add(name, code);

  // Well-known names the libraries lack, and one they get wrong: these override.
  for (const [name, code] of Object.entries(EXONYMS)) if (codes.has(code)) byKey.set(normaliseKey(name), new Set([code]));

  const byCode = new Map<string, string>();
  for (const code of codes) byCode.set(code.toLowerCase(), code);
  for (const [alpha3, alpha2] of Object.entries(iso.getAlpha3Codes())) if (codes.has(alpha2)) byCode.set(alpha3.toLowerCase(), alpha2);

  const display = (code: string) => common[code]?.name ?? isoNames[code]?.[0] ?? code;
  const names = [...byKey.keys()].filter((key) => key.length > 3);

  return {
    resolve(text) {
      const raw = text.trim();
      const code = /^[A-Za-z]{2,3}$/.test(raw) ? byCode.get(raw.toLowerCase()) : undefined;
      if (code !== undefined) return { kind: "found", code };
      // "St Lucia", "St. Kitts and Nevis": the libraries spell Saint out.
      const key = normaliseKey(raw).replace(/^the /, "").replace(/^st /, "saint ");
      const found = byKey.get(key);
      if (found !== undefined && found.size === 1) return { kind: "found", code: [...found][0]! };
      if (found !== undefined) return { kind: "ambiguous", codes: [...found].sort() };
      return { kind: "unknown", suggestions: suggest(key, names, byKey).map((c) => `${display(c)} (${c})`) };
    },
    describe: (code) => `${display(code)} (${code})`,
  };
}

/**
 * Names people write for a country that none of the three libraries knows (checked against i18n-iso-countries
 * 7.14, countries-list 3.4 and i18n-nationality 1.4): exonyms, the nations of the United Kingdom, and the names of
 * renamed countries still found on passports and forms. "Welsh" is here because i18n-nationality gives it to
 * Wallis and Futuna (WF). Kept to names whose country nobody would dispute; anything else is an error with
 * suggestions, never a guess.
 */
const EXONYMS: Readonly<Record<string, string>> = {
  Holland: "NL",
  Britain: "GB", England: "GB", Scotland: "GB", Wales: "GB", "Northern Ireland": "GB",
  English: "GB", Scottish: "GB", Welsh: "GB", "Northern Irish": "GB",
  America: "US",
  Burma: "MM", Burmese: "MM",
  Swaziland: "SZ",
  Macedonia: "MK", Macedonian: "MK",
  Vatican: "VA",
  Zaire: "CD", "DR Congo": "CD", DRC: "CD", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG",
  Persia: "IR", Ceylon: "LK", Siam: "TH", Kampuchea: "KH",
  Byelorussia: "BY", Belorussia: "BY", Kirghizia: "KG", Moldavia: "MD",
};

/** A name, and what a reader may write for it: "Korea, Republic of" -> "Korea"; "X (Y)" -> "X", "Y". */
function nameVariants(name: string): string[] {
  const out = [name];
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (paren !== null) out.push(paren[1]!, paren[2]!);
  const comma = name.indexOf(",");
  if (comma > 0) out.push(name.slice(0, comma));
  return out;
}

/** Up to three codes whose names are nearest to `key`: close in spelling, or starting with what was written. */
function suggest(key: string, names: readonly string[], byKey: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  if (key === "") return [];
  const limit = Math.max(2, Math.floor(key.length * 0.4));
  const scored = names
    .map((name) => ({ name, score: name.startsWith(key) && key.length >= 3 ? 0.5 : distance(key, name) }))
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const { name } of scored) {
    for (const code of byKey.get(name) ?? []) if (!out.includes(code)) out.push(code);
    if (out.length >= 3) break;
  }
  return out.slice(0, 3);
}

/** The pieces of a nationality cell: "Russia; Germany", "RU/DE", "Germany and Turkey", "Korea, Republic of". */
export interface NationalityCell {
  readonly codes: readonly string[];
  readonly problems: readonly string[];
}

const PRIMARY = ";/|+\n\r";

/**
 * Every nationality a cell names. Pieces are split at ; / | + and line breaks; a piece that is not a country as a
 * whole is tried as a comma list, then as an "and" list ("Germany and Turkey"), so "Korea, Republic of" and
 * "Bosnia and Herzegovina" stay whole. Problems are worded for a message: `unknown country "Rusia" (did you mean
 * Russia (RU)?)`.
 */
export function parseNationalityCell(cell: string, index: CountryIndex = countryIndex()): NationalityCell {
  const codes: string[] = [];
  const problems: string[] = [];
  const pieces = splitOutsideQuotes(cell, PRIMARY);
  for (const piece of pieces) {
    const whole = index.resolve(piece);
    if (whole.kind === "found") {
      codes.push(whole.code);
      continue;
    }
    const alternatives = [splitOutsideQuotes(piece, ","), piece.split(/\s+(?:and|&)\s+/i).map((p) => p.trim()).filter((p) => p !== "")];
    const split = alternatives.find((parts) => parts.length > 1 && parts.every((p) => index.resolve(p).kind === "found"));
    if (split !== undefined) {
      for (const part of split) codes.push((index.resolve(part) as { code: string }).code);
      continue;
    }
    problems.push(describeMiss(piece, whole, index));
  }
  return { codes: [...new Set(codes)], problems };
}

function describeMiss(piece: string, match: CountryMatch, index: CountryIndex): string {
  if (match.kind === "ambiguous") return `"${piece}" could be ${match.codes.map((c) => index.describe(c)).join(" or ")}`;
  const hint = match.kind === "unknown" && match.suggestions.length > 0 ? ` (did you mean ${match.suggestions.join(", ")}?)` : "";
  return `unknown country "${piece}"${hint}`;
}

function splitOutsideQuotes(cell: string, separators: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of cell) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && separators.includes(ch)) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((p) => p.trim()).filter((p) => p !== "");
}

export const COUNTRY_EXPECTED = 'country names in English or ISO codes, several separated by ";" or "/" (e.g. "Russia; Germany", "RU/DE")';
