// The programme as one self-contained HTML page: inline CSS and inline SVG, no script, no font or image from
// outside, and a Content-Security-Policy that forbids loading anything, so the file works offline and a name that
// slipped past escaping could still run nothing. Every piece of text from the program passes through escapeHtml.
// The public page is built from the Programme alone; the organisers' page adds the facts of organisers.ts.
import { audienceNotice, type Audience } from "../report/audience.js";
import { escapeHtml } from "../report/escape.js";
import { formatNumber } from "../report/text.js";
import { barChart, categoryColours, stackedShareChart } from "./charts.js";
import { AT_RISK_NOTICE, NOT_RECORDED, OTHER, type OrganisersFacts, type ShareTable } from "./organisers.js";
import { ROLE_LABEL, sessionsByDay, type Programme, type ProgrammePanel, type ProgrammePerson } from "./programme.js";
import { PAGE_STYLE } from "./style.js";

const h = escapeHtml;

export function renderHtml(programme: Programme, audience: Audience, facts: OrganisersFacts | null): string {
  const panelIndex = new Map<string, number>();
  programme.sessions.flatMap((s) => s.panels).forEach((p, k) => panelIndex.set(p.id, k + 1));
  const anchor = (panel: ProgrammePanel) => `panel-${panelIndex.get(panel.id)}`;
  const days = sessionsByDay(programme);
  const title = programme.name ?? "Programme";
  const panelCount = panelIndex.size;

  const nav = [
    ...(facts === null ? [] : [`<a href="#dashboard">Equity dashboard</a>`]),
    ...days.map((d, k) => `<a href="#day-${k + 1}">${h(d.day ?? (days.length === 1 ? "Sessions" : `Part ${k + 1}`))}</a>`),
    `<a href="#index">Index of participants</a>`,
  ];

  const body = [
    `<header class="masthead">`,
    `<p class="banner ${audience}" role="note">${h(audienceNotice(audience))}</p>`,
    facts?.revealAtRisk === true ? `<p class="banner organisers" role="note">${h(AT_RISK_NOTICE)}</p>` : "",
    `<p class="kicker">${audience === "organisers" ? "Organisers' programme" : "Programme"}</p>`,
    `<h1>${h(title)}</h1>`,
    `<p class="summary">${panelCount} panel${panelCount === 1 ? "" : "s"} in ${programme.sessions.length} session${programme.sessions.length === 1 ? "" : "s"}</p>`,
    `<nav aria-label="Contents">${nav.join("")}</nav>`,
    `</header>`,
    `<main>`,
    facts === null ? "" : dashboard(facts),
    ...days.map((day, k) => {
      const heading = day.day ?? (days.length === 1 ? "Sessions" : `Part ${k + 1}`);
      return [
        `<section class="day" id="day-${k + 1}" aria-labelledby="day-${k + 1}-h">`,
        `<h2 id="day-${k + 1}-h">${h(heading)}</h2>`,
        ...day.sessions.map(
          ({ slot, panels }) =>
            `<section class="session"><h3><span class="time">${h(slot.time)}</span><span class="count">${panels.length} panel${panels.length === 1 ? "" : "s"}</span></h3><div class="panels">${panels.map((p) => panelCard(p, anchor(p), facts)).join("")}</div></section>`,
        ),
        `</section>`,
      ].join("");
    }),
    indexSection(programme, anchor, facts),
    `</main>`,
    `<footer><p>${h(audienceNotice(audience))}.</p><p>Composed with tracktwo; every assignment re-verified by its independent checker.</p></footer>`,
  ];

  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="tracktwo-audience" content="${audience}">`,
    audience === "organisers" ? `<meta name="robots" content="noindex, nofollow">` : "",
    `<title>${h(title)} · ${audience === "organisers" ? "Organisers' programme" : "Programme"}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    `<body class="audience-${audience}">`,
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function panelCard(panel: ProgrammePanel, id: string, facts: OrganisersFacts | null): string {
  const info = facts?.panels.get(panel.id);
  const badges: string[] = [];
  if (info !== undefined && info.pairs.length > 0) {
    badges.push(`<span class="badge dialogue" title="Dialogue panel">Dialogue · ${h(info.pairs.map((p) => `${p.between[0]}–${p.between[1]}`).join(", "))}</span>`);
  }
  if (info?.recorded === true) badges.push(`<span class="badge recorded">Recorded</span>`);
  const roleRow = (label: string, people: readonly ProgrammePerson[]) =>
    people.length === 0 ? "" : `<dt>${label}</dt><dd>${people.length === 1 ? person(people[0]!, facts) : `<ul>${people.map((p) => `<li>${person(p, facts)}</li>`).join("")}</ul>`}</dd>`;
  const mix = info === undefined ? "" : `<p class="mix" title="Nationalities of the members">${info.mix.map((m) => `<span>${h(m.code)}&#8239;${m.count}</span>`).join("")}</p>`;
  return [
    `<article class="panel${info !== undefined && info.pairs.length > 0 ? " is-dialogue" : ""}" id="${id}" data-panel="${h(panel.id)}">`,
    `<p class="meta">${panel.room === null ? "" : `<span class="room">${h(panel.room)}</span>`}<span class="pid">${h(panel.id)}</span></p>`,
    badges.length === 0 ? "" : `<p class="badges">${badges.join("")}</p>`,
    `<h4>${h(panel.title ?? panel.id)}</h4>`,
    `<dl class="roles">`,
    roleRow(ROLE_LABEL.chair, panel.chair === null ? [] : [panel.chair]),
    roleRow(panel.presenters.length === 1 ? "Presenter" : "Presenters", panel.presenters),
    roleRow(ROLE_LABEL.discussant, panel.discussant === null ? [] : [panel.discussant]),
    `</dl>`,
    mix,
    `</article>`,
  ].join("");
}

function person(p: ProgrammePerson, facts: OrganisersFacts | null): string {
  const name = `<span class="name">${h(p.name)}</span>`;
  const member = facts?.members.get(p.id);
  if (member === undefined) return name;
  const tags = [`<span class="nat">${h(member.nationalities.join("/"))}</span>`];
  if (member.atRisk) tags.push(`<span class="tag risk">at risk</span>`);
  else if (member.dialogueOut) tags.push(`<span class="tag">no dialogue</span>`);
  return `${name} ${tags.join(" ")}`;
}

function indexSection(programme: Programme, anchor: (p: ProgrammePanel) => string, facts: OrganisersFacts | null): string {
  const entries = programme.people
    .filter((entry) => entry.assignments.length > 0)
    .map(({ person: p, assignments }) => {
      const refs = assignments.map((a) => `<a href="#${anchor(a.panel)}">${h(a.panel.id)}</a>${a.role === "presenter" ? "" : ` <span class="role">${a.role}</span>`}`);
      return `<li>${person(p, facts)}<span class="refs">${refs.join(", ")}</span></li>`;
    });
  return `<section class="index" id="index" aria-labelledby="index-h"><h2 id="index-h">Index of participants</h2><ul class="index-list">${entries.join("")}</ul></section>`;
}

function dashboard(facts: OrganisersFacts): string {
  const { objective, dialogue } = facts;
  const gap = objective.gap === null ? "no bound" : `${(objective.gap * 100).toFixed(objective.gap === 0 ? 0 : 1)}%`;
  const tiles = [
    tile("Dialogue panels", `${dialogue.dialoguePanels} of ${dialogue.panels}`),
    tile("Objective", formatNumber(objective.total)),
    tile("Bound", objective.bound === null ? "—" : formatNumber(objective.bound)),
    tile("Gap to bound", gap),
    tile("Status", objective.status),
    ...(facts.atRiskSeated === null ? [] : [tile("At-risk participants seated", String(facts.atRiskSeated))]),
    tile("Participants with opt-outs, all honoured", String(facts.optOuts)),
  ];
  const pairRows = dialogue.pairs.map((p) => ({ label: `${p.between[0]}–${p.between[1]}`, value: p.panels, detail: `weight ${formatNumber(p.weight)}` }));
  const termRows = objective.terms.map((t) => ({ label: t.name, value: t.value * t.weight, detail: `${formatNumber(t.value)} × ${formatNumber(t.weight)}` }));
  return [
    `<section class="dashboard" id="dashboard" aria-labelledby="dashboard-h">`,
    `<h2 id="dashboard-h">Equity dashboard</h2>`,
    `<div class="tiles">${tiles.join("")}</div>`,
    ...facts.shares.map(shareBlock),
    `<div class="chart-card"><h3>Dialogue pairs realised</h3><p class="note">Panels on which one member holds each nationality of the pair.</p>`,
    pairRows.length === 0 ? `<p class="note">The policy names no dialogue pair.</p>` : barChart("Panels realising each dialogue pair", pairRows),
    table(["Pair", "Weight", "Panels"], dialogue.pairs.map((p) => [`${p.between[0]}–${p.between[1]}`, formatNumber(p.weight), String(p.panels)])),
    `</div>`,
    `<div class="chart-card"><h3>Objective</h3><p class="note">Each term times its weight; total ${h(formatNumber(objective.total))}, bound ${h(objective.bound === null ? "none" : formatNumber(objective.bound))}, gap ${h(gap)} (solver ${h(objective.solver)}, ${h(objective.status)}).</p>`,
    barChart("Objective terms, weighted", termRows, "#7a1f2b"),
    table(["Term", "Value", "Weight", "Weighted"], [
      ...objective.terms.map((t) => [t.name, formatNumber(t.value), formatNumber(t.weight), formatNumber(t.value * t.weight)]),
      ["total", "", "", formatNumber(objective.total)],
      ["bound", "", "", objective.bound === null ? "—" : formatNumber(objective.bound)],
      ["gap", "", "", gap],
    ]),
    `</div>`,
    `</section>`,
  ].join("");
}

function tile(label: string, value: string): string {
  return `<div class="tile"><span class="tile-value">${h(value)}</span><span class="tile-label">${h(label)}</span></div>`;
}

function shareBlock(share: ShareTable): string {
  const colours = categoryColours(share.categories, new Set([OTHER, NOT_RECORDED]));
  const pct = (v: number, total: number) => (total === 0 ? "—" : `${((100 * v) / total).toFixed(0)}%`);
  return [
    `<div class="chart-card"><h3>${h(share.dimension)} by slot</h3><p class="note">${h(share.note)}</p>`,
    stackedShareChart(`${share.dimension} of panel members, per slot and over all slots`, share.categories, colours, share.rows),
    `<details><summary>Table</summary>`,
    table(["Slot", "Members", ...share.categories], share.rows.map((r) => [r.label, String(r.total), ...r.values.map((v) => pct(v, r.total))])),
    `</details></div>`,
  ].join("");
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<div class="table-wrap"><table><thead><tr>${headers.map((x) => `<th scope="col">${h(x)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, k) => (k === 0 ? `<th scope="row">${h(c)}</th>` : `<td>${h(c)}</td>`)).join("")}</tr>`)
    .join("")}</tbody></table></div>`;
}
