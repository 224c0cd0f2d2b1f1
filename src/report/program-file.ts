// A program as the text of a program file, for every command that writes one (import, generate): YAML or JSON,
// the same bytes whether they go to a file or to standard output. Free text in a program (names, titles, labels)
// may hold control or bidirectional characters; each format escapes them itself (jsonText; in YAML, a double-quoted
// scalar with \u escapes), so the file reads back as the same program and shows nothing raw on a terminal.
import { Document, isScalar, visit, type Node } from "yaml";
import { audienceNotice } from "./audience.js";
import { escapeAsUnicode, escapeTerminal, hasUnsafeCharacters, jsonText } from "./escape.js";

export type ProgramFileFormat = "yaml" | "json";

/** YAML for a .yaml/.yml name, JSON for anything else. */
export function programFileFormat(file: string): ProgramFileFormat {
  return /\.ya?ml$/i.test(file) ? "yaml" : "json";
}

/**
 * The file's text. A YAML file opens with its audience (organisers only: a program holds nationalities, opt-outs
 * and the at-risk flag) and `comments`, as `# ...` lines. JSON has no comments, and the strict program schema no
 * field for them, so a JSON file carries none: it is an organisers' file by what it is (README, "Who sees what").
 */
export function programFileText(program: unknown, format: ProgramFileFormat, comments: readonly string[] = []): string {
  if (format === "json") return jsonText(program);
  return `${[audienceNotice("organisers"), ...comments].map((line) => `# ${escapeTerminal(line)}\n`).join("")}${yamlText(program)}`;
}

/**
 * Block YAML with lists of scalars and small flat maps on one line each, so a 400-person program stays readable.
 * A string holding an unsafe character is written double-quoted, where `\uXXXX` is an escape; the yaml library
 * escapes the C0 controls there, escapeAsUnicode the rest.
 */
export function yamlText(value: unknown): string {
  const doc = new Document(value);
  const flat = (items: readonly unknown[]) => items.every((item) => isScalar(item));
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && hasUnsafeCharacters(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Seq(_, node) {
      if (flat(node.items)) node.flow = true;
    },
    Map(_, node) {
      if (node.items.length <= 4 && flat(node.items.map((pair) => pair.value as Node | null))) node.flow = true;
    },
  });
  return escapeAsUnicode(doc.toString({ lineWidth: 0 }));
}
