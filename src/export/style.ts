// The programme page's stylesheet, inlined into the HTML: system fonts only (nothing to download), a serif for
// headings as printed programmes have, cards that reflow from one column on a phone to three on a desk, and a
// print layout without navigation or backgrounds whose cards never split across pages.
export const PAGE_STYLE = `
:root {
  --ink: #1d232b; --muted: #5d6873; --rule: #dcdfe3; --paper: #faf9f6; --card: #ffffff;
  --accent: #7a1f2b; --accent-soft: #f4e9ea; --dialogue: #0b5e55; --dialogue-soft: #e3f2ef; --warn: #8a4b00;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 15px/1.5 var(--sans); }
.masthead, main, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
.masthead { padding-top: 1.25rem; padding-bottom: 1rem; border-bottom: 3px double var(--accent); }
.banner { margin: 0 0 1rem; padding: .45rem .75rem; border-radius: 4px; font-size: .85rem; }
.banner.public { background: #eef1f4; color: var(--muted); }
.banner.organisers { background: #fff1e0; color: #6b3500; border: 1px solid #f0c48a; font-weight: 600; }
.kicker { margin: 0; font: 600 .8rem/1.2 var(--sans); letter-spacing: .14em; text-transform: uppercase; color: var(--accent); }
h1 { margin: .2rem 0 .25rem; font: 600 2.4rem/1.1 var(--serif); letter-spacing: -.01em; }
.summary { margin: 0 0 .75rem; color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: .35rem .5rem; }
nav a { padding: .2rem .65rem; border: 1px solid var(--rule); border-radius: 999px; background: var(--card); color: var(--ink); text-decoration: none; font-size: .85rem; }
nav a:hover, nav a:focus { border-color: var(--accent); color: var(--accent); }
h2 { margin: 2.2rem 0 .8rem; padding-bottom: .3rem; font: 600 1.7rem/1.2 var(--serif); border-bottom: 1px solid var(--rule); }
.session { margin: 0 0 1.6rem; }
h3 { display: flex; align-items: baseline; gap: .75rem; margin: 1.2rem 0 .6rem; font-weight: 600; }
.time { font: 600 1.25rem/1 var(--sans); font-variant-numeric: tabular-nums; color: var(--accent); }
.count { color: var(--muted); font-size: .85rem; font-weight: 400; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(17.5rem, 1fr)); gap: .9rem; }
.panel { background: var(--card); border: 1px solid var(--rule); border-top: 3px solid var(--accent); border-radius: 6px; padding: .75rem .9rem .8rem; break-inside: avoid; }
.panel.is-dialogue { border-top-color: var(--dialogue); }
.meta { display: flex; justify-content: space-between; gap: .5rem; margin: 0 0 .25rem; font-size: .78rem; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
.room { font-weight: 600; color: var(--ink); }
.pid { margin-left: auto; font-variant-numeric: tabular-nums; }
h4 { margin: .1rem 0 .55rem; font: 600 1.1rem/1.3 var(--serif); overflow-wrap: anywhere; }
.roles { display: grid; grid-template-columns: 6.2rem 1fr; gap: .2rem .6rem; margin: 0; }
.roles dt { color: var(--muted); font-size: .82rem; padding-top: .1rem; }
.roles dd { margin: 0; overflow-wrap: anywhere; }
.roles ul { margin: 0; padding: 0; list-style: none; }
.name { font-weight: 500; }
.badges { margin: 0 0 .3rem; display: flex; flex-wrap: wrap; gap: .3rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .74rem; font-weight: 600; }
.badge.dialogue { background: var(--dialogue-soft); color: var(--dialogue); }
.badge.recorded { background: #eef1f4; color: var(--muted); }
.nat { font-size: .72rem; font-weight: 600; color: var(--muted); letter-spacing: .04em; }
.tag { display: inline-block; padding: 0 .35rem; border-radius: 3px; background: #eef1f4; color: var(--muted); font-size: .7rem; }
.tag.risk { background: #fff1e0; color: var(--warn); font-weight: 600; }
.mix { display: flex; flex-wrap: wrap; gap: .25rem; margin: .6rem 0 0; padding-top: .5rem; border-top: 1px dashed var(--rule); font-size: .74rem; }
.mix span { padding: 0 .35rem; border-radius: 3px; background: #f1f3f5; font-variant-numeric: tabular-nums; }
.index-list { columns: 3 16rem; column-gap: 2rem; margin: 0; padding: 0; list-style: none; }
.index-list li { break-inside: avoid; padding: .15rem 0; border-bottom: 1px dotted var(--rule); }
.refs { float: right; padding-left: .5rem; font-size: .85rem; }
.refs a { color: var(--accent); text-decoration: none; font-variant-numeric: tabular-nums; }
.role { color: var(--muted); font-size: .78rem; }
.dashboard h3 { margin-top: 0; font: 600 1.15rem/1.3 var(--serif); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin-bottom: 1rem; }
.tile { background: var(--card); border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .8rem; }
.tile-value { display: block; font: 600 1.45rem/1.2 var(--sans); font-variant-numeric: tabular-nums; }
.tile-label { color: var(--muted); font-size: .8rem; }
.chart-card { background: var(--card); border: 1px solid var(--rule); border-radius: 6px; padding: .9rem 1rem; margin-bottom: 1rem; break-inside: avoid; }
.note { margin: 0 0 .6rem; color: var(--muted); font-size: .85rem; }
.chart { display: block; width: 100%; height: auto; max-width: 60rem; }
.chart-label, .chart-legend, .chart-total, .chart-in { font: 12px var(--sans); }
.chart-label, .chart-legend { fill: var(--ink); }
.chart-label.strong { font-weight: 700; }
.chart-total { fill: var(--muted); }
.chart-in { font-size: 10.5px; font-weight: 600; }
details { margin-top: .5rem; }
summary { cursor: pointer; color: var(--accent); font-size: .85rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin-top: .5rem; font-size: .82rem; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: 600; }
thead th { color: var(--muted); font-weight: 600; }
footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .8rem; }
footer p { margin: .2rem 0; }
@media (max-width: 40rem) {
  body { font-size: 15.5px; }
  h1 { font-size: 1.85rem; }
  .panels { grid-template-columns: 1fr; }
  .refs { float: none; display: block; padding-left: 0; }
}
@media print {
  @page { margin: 1.4cm 1.2cm; }
  body { background: #fff; font-size: 10pt; }
  nav, details, .banner.public { display: none; }
  .masthead, main, footer { max-width: none; padding: 0; }
  .panels { grid-template-columns: repeat(2, 1fr); gap: .5rem; }
  .panel, .chart-card, .tile { border-color: #999; box-shadow: none; }
  .day { break-before: page; }
  .day:first-of-type, .dashboard + .day { break-before: auto; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
