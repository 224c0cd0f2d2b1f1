// Two promises of the export, for arbitrary programs:
//  1. Round trip: `tracktwo import` of the organisers' CSV export (with the policy in a map) gives back the same
//     program: every id and field, whatever names, titles, rooms and labels contain (control and bidirectional
//     characters included), and ids, topics, groups and attribute values: whatever the loader accepts there.
//  2. Privacy: public HTML, CSV, Markdown and change notices do not change when only at-risk flags, opt-outs or nationalities change; the
//     organisers' files do not change with at-risk flags unless asked to reveal them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportProgramme } from "../../src/export/export.js";
import { changeNotices, noticesCsv } from "../../src/export/notices.js";
import { publicSource } from "../../src/export/programme.js";
import { importProgram } from "../../src/import/import.js";
import { formatImportIssue } from "../../src/import/issues.js";
import type { Program, ProgramInput } from "../../src/model/schema.js";
import type { Solution, SolutionPanel } from "../../src/model/solution.js";
import { assignmentArb } from "../arbitraries/assignment.js";
import { DEFAULT_NATIONALITIES, programArb } from "../arbitraries/program.js";
import { loadGenerated, renameIds } from "../helpers/program.js";
import { runs } from "../helpers/runs.js";

/** Free text as registration forms deliver it: separators, quotes, formula starts, markup, controls, scripts. */
const hostileText = fc.string({
  unit: fc.constantFrom('"', ";", ",", "\n", " ", "=", "+", "-", "@", "'", "|", "<", "&", "/", "\u202e", "\u0007", "\t", "\r", "é", "名", "Ж", "a", "Z"),
  maxLength: 6,
});
/**
 * Topics, groups and attribute values: keys the program matches on, so (like ids) free of control and bidirectional
 * characters, which the loader refuses there; every separator, quote, formula start and script stays.
 */
const keyText = fc.string({
  unit: fc.constantFrom('"', ";", ",", " ", "=", "+", "-", "@", "'", "|", "<", "&", "/", "é", "名", "Ж", "a", "Z"),
  maxLength: 6,
});
const nonEmptyKey = keyText.filter((t) => t !== "");
/** Ids: machine keys, so no control characters, but every separator and quote the cell syntax must survive. */
const idText = fc.string({ unit: fc.constantFrom("a", "b", "7", ";", ",", '"', " ", "=", "'", "/", "é", "-", "+", "@", "|"), minLength: 1, maxLength: 4 });

/** A program from programArb with hostile free text and ids put in. */
const hostileProgramArb: fc.Arbitrary<Program> = programArb({ maxParticipants: 7, maxPanels: 3, maxSlots: 3 }).chain((input) => {
  const n = input.participants.length;
  const k = input.panels.length;
  const s = input.slots?.length ?? 0;
  return fc
    .record({
      participantIds: fc.uniqueArray(idText, { minLength: n, maxLength: n }),
      panelIds: fc.uniqueArray(idText, { minLength: k, maxLength: k }),
      slotIds: fc.uniqueArray(idText, { minLength: s, maxLength: s }),
      names: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: n, maxLength: n }),
      attributeValues: fc.array(keyText, { minLength: n, maxLength: n }),
      groups: fc.array(fc.option(nonEmptyKey, { nil: undefined }), { minLength: n, maxLength: n }),
      topics: fc.array(fc.uniqueArray(nonEmptyKey, { maxLength: 3 }), { minLength: n + k, maxLength: n + k }),
      titles: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: k, maxLength: k }),
      rooms: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: k, maxLength: k }),
      labels: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: s, maxLength: s }),
    })
    .map((t) => {
      const index = (ids: readonly string[]) => new Map(ids.map((id, j) => [id, j]));
      const participants = index(input.participants.map((p) => p.id));
      const panels = index(input.panels.map((p) => p.id));
      const slots = index((input.slots ?? []).map((x) => x.id));
      const doc: ProgramInput = renameIds(input, {
        participant: (id) => t.participantIds[participants.get(id)!]!,
        panel: (id) => t.panelIds[panels.get(id)!]!,
        slot: (id) => t.slotIds[slots.get(id)!]!,
      });
      // Groups are renamed consistently, so co-authors stay together.
      const groupNames = new Map<string, string>();
      doc.participants.forEach((p, j) => {
        if (t.names[j] !== undefined) p.name = t.names[j];
        else delete p.name;
        for (const key of Object.keys(p.attributes ?? {})) p.attributes![key] = t.attributeValues[j]!;
        if (p.group !== undefined) {
          if (!groupNames.has(p.group)) groupNames.set(p.group, t.groups[j] ?? `g${groupNames.size}`);
          p.group = groupNames.get(p.group)!;
        }
        p.topics = t.topics[j]!;
      });
      doc.panels.forEach((panel, j) => {
        if (t.titles[j] !== undefined) panel.title = t.titles[j];
        if (t.rooms[j] !== undefined) panel.room = t.rooms[j];
        panel.topics = t.topics[n + j]!;
      });
      doc.slots?.forEach((slot, j) => {
        if (t.labels[j] !== undefined) slot.label = t.labels[j];
      });
      return loadGenerated(doc);
    });
});

/** The program as the round trip promises it back: the same, except that an empty `pinned` (it says nothing) is none. */
function expectedBack(program: Program): Program {
  const doc = structuredClone(program);
  for (const panel of doc.panels) {
    const pinned = panel.pinned;
    if (pinned !== undefined && pinned.presenters.length === 0 && pinned.chair === undefined && pinned.discussant === undefined) delete panel.pinned;
  }
  return doc;
}

const asSolution = (panels: SolutionPanel[]): Solution => ({
  status: "feasible", solver: "test", seed: null, objective: null, bound: null, panels, violations: [], explanation: null, stats: {},
});

describe("export", () => {
  it("organisers' CSV imports back to the same program", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-roundtrip-"));
    try {
      await fc.assert(
        fc.asyncProperty(hostileProgramArb.chain((program) => fc.tuple(fc.constant(program), assignmentArb(program))), async ([program, panels]) => {
          const files = exportProgramme(program, asSolution(panels), "csv", "organisers", { revealAtRisk: true });
          const path = (name: string) => join(dir, name);
          for (const file of files) writeFileSync(path(file.name), file.text);
          writeFileSync(path("map.json"), JSON.stringify({ ...(program.name === undefined ? {} : { name: program.name }), policy: program.policy }));
          const result = await importProgram({
            registration: path("participants.organisers.csv"),
            panels: path("panels.organisers.csv"),
            slots: path("slots.organisers.csv"),
            map: path("map.json"),
          });
          if (!result.ok) throw new Error(result.issues.map(formatImportIssue).join("\n"));
          expect(loadGenerated(result.program)).toEqual(expectedBack(program));
        }),
        { numRuns: runs(150) },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** The same program with every at-risk flag, opt-out and nationality drawn afresh. */
  function variantArb(program: Program): fc.Arbitrary<Program> {
    const n = program.participants.length;
    const codes = [...DEFAULT_NATIONALITIES, "IL", "PS"];
    const ids = program.participants.map((p) => p.id);
    return fc
      .array(
        fc.record({
          atRisk: fc.boolean(),
          dialogue: fc.constantFrom<"in" | "out" | undefined>("in", "out", undefined),
          nationalities: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 2 }),
          avoidNationalities: fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 2 }),
          avoidParticipants: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
        }),
        { minLength: n, maxLength: n },
      )
      .map((changes) => {
        const doc = structuredClone(program);
        doc.participants.forEach((p, j) => {
          const c = changes[j]!;
          p.atRisk = c.atRisk;
          if (c.dialogue === undefined) delete p.dialogue;
          else p.dialogue = c.dialogue;
          p.nationalities = c.nationalities;
          p.avoid = { nationalities: c.avoidNationalities, participants: c.avoidParticipants.filter((id) => id !== p.id) };
        });
        return doc;
      });
  }

  it("public HTML, CSV, Markdown and change notices do not change with at-risk flags, opt-outs or nationalities", () => {
    fc.assert(
      fc.property(
        hostileProgramArb.chain((program) => fc.tuple(fc.constant(program), variantArb(program), assignmentArb(program), assignmentArb(program))),
        ([program, variant, panels, resolved]) => {
          const solution = asSolution(panels);
          for (const format of ["html", "csv", "md"] as const) {
            expect(exportProgramme(variant, solution, format, "public")).toEqual(exportProgramme(program, solution, format, "public"));
          }
          // Notices as `tracktwo notices` writes them, before and after a re-solve.
          const notices = (p: Program) => noticesCsv(changeNotices(publicSource(p), panels, publicSource(p), resolved));
          expect(notices(variant)).toBe(notices(program));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("organisers' HTML, CSV and Markdown do not change with at-risk flags unless asked to reveal them", () => {
    fc.assert(
      fc.property(
        hostileProgramArb.chain((program) => fc.tuple(fc.constant(program), fc.array(fc.boolean(), { minLength: program.participants.length, maxLength: program.participants.length }), assignmentArb(program))),
        ([program, flags, panels]) => {
          const flipped = structuredClone(program);
          flipped.participants.forEach((p, j) => (p.atRisk = flags[j]!));
          const solution = asSolution(panels);
          for (const format of ["html", "csv", "md"] as const) {
            expect(exportProgramme(flipped, solution, format, "organisers")).toEqual(exportProgramme(program, solution, format, "organisers"));
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("the organisers' page does show nationalities (so the property above could fail)", () => {
    const program = loadGenerated({
      participants: [{ id: "a", name: "A", nationalities: ["UA"] }, { id: "b", name: "B", nationalities: ["RU"] }],
      panels: [{ id: "P", size: { min: 2, max: 2 } }],
      policy: { dialogue: { pairs: [{ between: ["RU", "UA"] }] } },
    });
    const moved = structuredClone(program);
    moved.participants[1]!.nationalities = ["DE"];
    const solution = asSolution([{ id: "P", presenters: ["a", "b"], chair: null, discussant: null }]);
    const page = (p: Program) => exportProgramme(p, solution, "html", "organisers")[0]!.text;
    expect(page(program)).toContain("Dialogue · RU–UA");
    expect(page(moved)).not.toContain("Dialogue ·");
    expect(exportProgramme(program, solution, "html", "public")).toEqual(exportProgramme(moved, solution, "html", "public"));
  });
});
