/** Screen and A4 print styles of the report: readable on screen, paginated cleanly on paper. */
export const reportCss = /* css */ `
  :root { --ink: #1b1b1b; --muted: #555; --rule: #c8c8c8; --accent: #1d4e89; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 11pt/1.45 "Marianne", "Liberation Sans", Arial, sans-serif; color: var(--ink); overflow-wrap: break-word; }
  h1 { font-size: 1.9rem; line-height: 1.2; margin: .3rem 0 .6rem; color: var(--accent); }
  h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
  h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
  p { margin: .3rem 0; }
  .territory { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0; }
  .legal, .meta, .empty { color: var(--muted); font-size: .92em; }
  table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; }
  th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
  thead th { background: #eef2f7; }
  table.counts { width: auto; min-width: min(22rem, 100%); }
  td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
  table.actions col.action { width: 44%; } table.actions col.status { width: 14%; }
  .action-title { font-weight: 700; }
  .status { display: inline-block; padding: .05rem .4rem; border: 1px solid currentColor; border-radius: .3rem; font-size: .9em; white-space: nowrap; }
  .status-IMPLEMENTED { color: #1a6b2f; border-style: solid; }
  .status-IN_PROGRESS { color: #1d4e89; border-style: dashed; }
  .status-NOT_REPORTED, .status-NO_PROGRESS, .status-ABANDONED { color: #6b1a1a; border-style: dotted; }
  .update + .update { margin-top: .35rem; }
  time { font-weight: 600; white-space: nowrap; }
  .toolbar { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: center; padding: .5rem .8rem; margin-bottom: 1rem; background: #f3f5f8; border-radius: .4rem; }
  .toolbar form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
  .toolbar a, .toolbar button, .toolbar input, .downloads a { font: inherit; }
  /* Controls a fingertip can hit (44 × 44 px, WCAG 2.5.5). */
  .toolbar a, .toolbar button, .toolbar input, .downloads a, summary { min-height: 44px; min-width: 44px; }
  .toolbar a, .downloads a { display: inline-flex; align-items: center; }
  .toolbar button, .toolbar input { padding: 0 .8rem; }
  .downloads ul { display: flex; flex-wrap: wrap; gap: 0 1.2rem; list-style: none; padding: 0; margin: 0; }
  summary { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 .6rem; padding: .6rem 0; cursor: pointer; list-style: none; }
  summary::-webkit-details-marker { display: none; }
  summary::before { content: "▸"; color: var(--accent); }
  details[open] > summary::before { content: "▾"; }
  summary h3 { display: inline; margin: 0; }
  td, th { overflow-wrap: anywhere; }
  /*
   * On a phone every table but the two-column counts stacks: one block per row, each value after its
   * column's name; figures and short values on the name's line, text (class text) below it.
   */
  @media screen and (max-width: 40rem) {
    body { padding: 1rem .75rem; }
    table.stack thead { display: none; }
    table.stack, table.stack tbody, table.stack tfoot, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
    table.stack tr { border: 1px solid var(--rule); margin-bottom: .5rem; }
    table.stack th, table.stack td { border: none; }
    table.stack td { display: flex; justify-content: space-between; gap: 1rem; text-align: right; }
    table.stack td.text { display: block; text-align: left; }
    table.stack td[data-label]::before { content: attr(data-label); text-align: left; color: var(--muted); }
    table.stack td.text[data-label]::before { display: block; font-size: .92em; }
    table.stack tbody th, table.stack tfoot th { background: #eef2f7; }
    table.counts { width: 100%; }
  }
  @page { size: A4; margin: 16mm 14mm 18mm; }
  @media print {
    /* One pixel of room keeps the tables' right border inside the printable area. */
    body { max-width: none; padding: 0 1px; font-size: 10pt; }
    .no-print { display: none; }
    /* Every domain open on paper, whatever the reader left open on screen. */
    details::details-content { content-visibility: visible; }
    summary { padding: 0; min-height: 0; break-after: avoid; }
    summary::before, details[open] > summary::before { content: none; }
    header.cover { page-break-after: always; padding-top: 35%; }
    h1 { font-size: 24pt; }
    h2 { page-break-after: avoid; break-after: avoid; }
    h3 { page-break-after: avoid; break-after: avoid; }
    section.domain { page-break-inside: auto; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`
