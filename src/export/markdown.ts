// The programme as Markdown (for a wiki, a repository, an email): a table per session. Every text from the program
// passes through escapeMarkdownCell, so a pipe in a name cannot split a cell and markup in a title stays text.
import { audienceNotice, type Audience } from "../report/audience.js";
import { escapeMarkdownCell } from "../report/escape.js";
import { formatNumber } from "../report/text.js";
import { AT_RISK_NOTICE, type OrganisersFacts } from "./organisers.js";
import { sessionsByDay, type Programme, type ProgrammePerson } from "./programme.js";

const md = escapeMarkdownCell;

export function renderMarkdown(programme: Programme, audience: Audience, facts: OrganisersFacts | null): string {
  const lines: string[] = [`# ${md(programme.name ?? "Programme")}`, "", `_${md(audienceNotice(audience))}_`, ""];
  if (facts?.revealAtRisk === true) lines.push(`_${md(AT_RISK_NOTICE)}_`, "");
  const who = (p: ProgrammePerson) => {
    const member = facts?.members.get(p.id);
    if (member === undefined) return md(p.name);
    const risk = member.atRisk ? ", at risk" : member.dialogueOut ? ", no dialogue" : "";
    return `${md(p.name)} (${md(member.nationalities.join("/"))}${risk})`;
  };
  for (const day of sessionsByDay(programme)) {
    if (day.day !== null) lines.push(`## ${md(day.day)}`, "");
    for (const { slot, panels } of day.sessions) {
      lines.push(`### ${md(day.day === null ? slot.label : slot.time)}`, "");
      const extra = facts === null ? [] : ["Nationalities", "Dialogue"];
      lines.push(`| Room | Panel | Title | Chair | Presenters | Discussant |${extra.map((e) => ` ${e} |`).join("")}`);
      lines.push(`|---|---|---|---|---|---|${extra.map(() => "---|").join("")}`);
      for (const panel of panels) {
        const info = facts?.panels.get(panel.id);
        const cells = [
          md(panel.room ?? ""),
          md(panel.id),
          md(panel.title ?? ""),
          panel.chair === null ? "" : who(panel.chair),
          panel.presenters.map(who).join("<br>"),
          panel.discussant === null ? "" : who(panel.discussant),
          ...(info === undefined ? [] : [info.mix.map((m) => `${md(m.code)} ${m.count}`).join(", "), info.pairs.map((p) => `${md(p.between[0])}–${md(p.between[1])}`).join(", ")]),
        ];
        lines.push(`| ${cells.join(" | ")} |`);
      }
      lines.push("");
    }
  }
  if (facts !== null) lines.push(...dashboardMarkdown(facts));
  return `${lines.join("\n")}\n`;
}

function dashboardMarkdown(facts: OrganisersFacts): string[] {
  const { objective, dialogue } = facts;
  const gap = objective.gap === null ? "no bound" : `${(objective.gap * 100).toFixed(objective.gap === 0 ? 0 : 1)}%`;
  const lines = [
    "## Equity dashboard",
    "",
    `Dialogue panels: ${dialogue.dialoguePanels} of ${dialogue.panels}. Objective ${formatNumber(objective.total)}, bound ${objective.bound === null ? "none" : formatNumber(objective.bound)}, gap ${gap} (${md(objective.solver)}, ${objective.status}).${facts.atRiskSeated === null ? "" : ` At-risk participants seated: ${facts.atRiskSeated}.`}`,
    "",
  ];
  for (const share of facts.shares) {
    lines.push(`### ${md(share.dimension)} by slot`, "", `_${md(share.note)}_`, "");
    lines.push(`| Slot | Members | ${share.categories.map(md).join(" | ")} |`, `|---|---:|${share.categories.map(() => "---:|").join("")}`);
    for (const row of share.rows) {
      const pct = row.values.map((v) => (row.total === 0 ? "—" : `${((100 * v) / row.total).toFixed(0)}%`));
      lines.push(`| ${md(row.label)} | ${row.total} | ${pct.join(" | ")} |`);
    }
    lines.push("");
  }
  lines.push("### Dialogue pairs realised", "", "| Pair | Weight | Panels |", "|---|---:|---:|");
  for (const p of dialogue.pairs) lines.push(`| ${md(p.between[0])}–${md(p.between[1])} | ${formatNumber(p.weight)} | ${p.panels} |`);
  lines.push("", "### Objective", "", "| Term | Value | Weight | Weighted |", "|---|---:|---:|---:|");
  for (const t of objective.terms) lines.push(`| ${t.name} | ${formatNumber(t.value)} | ${formatNumber(t.weight)} | ${formatNumber(t.value * t.weight)} |`);
  lines.push(`| total | | | ${formatNumber(objective.total)} |`, `| bound | | | ${objective.bound === null ? "—" : formatNumber(objective.bound)} |`, `| gap | | | ${gap} |`, "");
  return lines;
}
