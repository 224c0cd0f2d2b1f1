// One entry point for every export: a program, its solution, a format and an audience in; named files out. The
// audience is in every file name (programme.public.html, participants.organisers.csv) and in each file's header
// where the format has one. Public files are built from publicSource(program) alone.
import type { Program } from "../model/schema.js";
import type { Solution } from "../model/solution.js";
import type { Audience } from "../report/audience.js";
import { organisersCsvFiles, publicCsvFiles, type CsvFile } from "./csv.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { organisersFacts } from "./organisers.js";
import { buildProgramme, publicSource } from "./programme.js";

export const EXPORT_FORMATS = ["html", "csv", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export type ExportFile = CsvFile;

export interface ExportOptions {
  /**
   * Organisers only: name the participants at risk (a mark per member, the seated count, the CSV column that the
   * round trip through `tracktwo import` needs). By default withheld, as in every organiser artefact.
   */
  readonly revealAtRisk?: boolean;
}

/** The files of one export; public files depend on nothing but publicSource(program) and the assignment. */
export function exportProgramme(program: Program, solution: Solution, format: ExportFormat, audience: Audience, options: ExportOptions = {}): ExportFile[] {
  const programme = buildProgramme(publicSource(program), solution.panels);
  const facts = audience === "organisers" ? organisersFacts(program, solution, programme, options) : null;
  if (format === "html") return [{ name: `programme.${audience}.html`, text: renderHtml(programme, audience, facts) }];
  if (format === "md") return [{ name: `programme.${audience}.md`, text: renderMarkdown(programme, audience, facts) }];
  return facts === null ? publicCsvFiles(programme) : organisersCsvFiles(program, programme, facts);
}
