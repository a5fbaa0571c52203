import { frenchDay, legalNote, reportTitle, type ImpactRow, type ReportModel } from './report.model.ts'
import { plural } from '@mutualis/domain'
import { day, folded, html, Html } from './report-markup.ts'
import { reportCss } from './report-style.ts'

function summary(model: ReportModel) {
  return html`<section id="synthese">
    <h2>Synthèse</h2>
    <table class="counts">
      <thead><tr><th scope="col">Statut</th><th scope="col" class="number">Actions</th></tr></thead>
      <tbody>${model.byStatus.map((row) => html`<tr><th scope="row"><span class="status status-${row.status}">${row.label}</span></th><td class="number">${row.count}</td></tr>`)}</tbody>
      <tfoot><tr><th scope="row">Total</th><td class="number">${model.total}</td></tr></tfoot>
    </table>
    <p>Depuis le ${day(model.since)} : <strong>${plural(model.completed.length, 'action mise en œuvre', 'actions mises en œuvre')}</strong>,
      <strong>${plural(model.newMemberCount, 'nouvelle adhésion', 'nouvelles adhésions')}</strong>,
      ${plural(model.progressUpdates.length, "point d'avancement", "points d'avancement")}.</p>
    ${model.completed.length ? html`<h3>Actions mises en œuvre depuis le ${day(model.since)}</h3><ul>${model.completed.map((c) => html`<li>${day(c.date)} — ${c.action.title}</li>`)}</ul>` : ''}
    ${model.newMembers.length ? html`<h3>Nouvelles adhésions depuis le ${day(model.since)}</h3><ul>${model.newMembers.map((m) => html`<li>${day(m.since)} — <strong>${m.action}</strong> : ${m.organisations.join(', ')}</li>`)}</ul>` : ''}
  </section>`
}

function changes(model: ReportModel) {
  return html`<section id="changements">
    <h2>Changements depuis le ${day(model.since)}</h2>
    ${model.statusChanges.length
      ? folded(plural(model.statusChanges.length, 'changement de statut', 'changements de statut'), `dont ${plural(model.completed.length, 'action mise en œuvre', 'actions mises en œuvre')}`, html`<table class="stack">
          <thead><tr><th scope="col">Date</th><th scope="col">Action</th><th scope="col">Statut avant</th><th scope="col">Statut après</th></tr></thead>
          <tbody>${model.statusChanges.map((c) => html`<tr><td data-label="Date">${day(c.date)}</td><td class="text" data-label="Action">${c.action.title}</td><td data-label="Statut avant">${c.fromLabel}</td><td data-label="Statut après">${c.toLabel}</td></tr>`)}</tbody></table>`)
      : html`<p class="empty">Aucun changement de statut sur la période.</p>`}
    ${model.progressUpdates.length
      ? folded(plural(model.progressUpdates.length, "point d'avancement", "points d'avancement"), 'les plus anciens d’abord', html`<ul>${model.progressUpdates.map((u) => html`<li>${day(u.date)} — <strong>${u.action.title}</strong> : ${u.text}</li>`)}</ul>`)
      : ''}
  </section>`
}

/** Table cells carry their column's name, which a phone shows when the table stacks (report-style.ts). */
const impactColumns = ['Coût annuel connu', 'Offres au coût non renseigné', 'ETP', 'Offres auxquelles elle adhère']
const impactCells = (row: ImpactRow) =>
  [row.annualCost, row.unknownCostOffers, row.staffFte, row.offers].map((value, i) => html`<td class="number" data-label="${impactColumns[i]}">${value}</td>`)

function impact(model: ReportModel) {
  return html`<section id="impact">
    <h2>Impact par commune en ${model.impactYear}</h2>
    <p>Effets prévisionnels des mutualisations sur les dépenses de fonctionnement et les effectifs de chaque commune (article L5211-39-1 du CGCT) :
      coût annuel connu des offres auxquelles elle adhère, offres dont le coût n'est pas renseigné (non comptées), agents mobilisés en équivalents temps plein.</p>
    ${folded(`Détail des ${model.impact.length} communes`, `Total : ${model.impactTotal.annualCost}, ${model.impactTotal.staffFte} ETP`, html`<table class="stack">
      <thead><tr><th scope="col">Commune</th>${impactColumns.map((label) => html`<th scope="col" class="number">${label}</th>`)}</tr></thead>
      <tbody>${model.impact.map((row) => html`<tr><th scope="row">${row.commune}</th>${impactCells(row)}</tr>`)}</tbody>
      <tfoot><tr><th scope="row">${model.impactTotal.commune}</th>${impactCells(model.impactTotal)}</tr></tfoot>
    </table>`)}
  </section>`
}

function dues(model: ReportModel) {
  return html`<section id="echeances">
    <h2>Échéances à venir</h2>
    ${model.dues.length
      ? html`<p>Fins, reconductions et dates limites de préavis des offres dans les douze prochains mois.</p>
        <table class="stack"><thead><tr><th scope="col">Date</th><th scope="col">Offre</th><th scope="col">Échéance</th></tr></thead>
          <tbody>${model.dues.map((due) => html`<tr><td data-label="Date"><time datetime="${due.iso}">${due.date}</time></td><td data-label="Offre">${due.offer} <span class="meta">(${due.kindLabel})</span></td><td data-label="Échéance">${due.label}</td></tr>`)}</tbody></table>`
      : html`<p class="empty">Aucune échéance dans les douze prochains mois.</p>`}
  </section>`
}

/** « 12 actions — Mis en œuvre : 5 · En cours : 4 »: what a closed domain tells before it is opened. */
function domainCounts(actions: ReportModel['domains'][number]['actions']) {
  const byLabel = new Map<string, number>()
  for (const action of actions) byLabel.set(action.statusLabel, (byLabel.get(action.statusLabel) ?? 0) + 1)
  return `${plural(actions.length, 'action', 'actions')} — ${[...byLabel].map(([label, count]) => `${label} : ${count}`).join(' · ')}`
}

function domains(model: ReportModel) {
  return html`<section id="avancement">
    <h2>Avancement par domaine</h2>
    ${model.domains.map(
      (domain) => html`<section class="domain" id="domaine-${domain.key}">${folded(domain.name, domainCounts(domain.actions), html`
        <table class="actions stack">
          <colgroup><col class="action"><col class="status"><col></colgroup>
          <thead><tr><th scope="col">Action</th><th scope="col">Statut</th><th scope="col">Point d'avancement</th></tr></thead>
          <tbody>${domain.actions.map(
            (action) => html`<tr>
              <td class="text"><p class="action-title">${action.title}</p>${action.description ? html`<p>${action.description}</p>` : ''}<p class="meta">${action.details}</p></td>
              <td data-label="Statut"><span class="status status-${action.status}">${action.statusLabel}</span></td>
              <td class="text" data-label="Point d'avancement">${action.progressUpdates.length
                ? action.progressUpdates.map((u) => html`<p class="update">${day(u.date)} — ${u.text}</p>`)
                : html`<p class="empty">Aucun point d'avancement.</p>`}</td>
            </tr>`,
          )}</tbody>
        </table>`)}</section>`,
    )}
  </section>`
}

/** The same report in Word, and its figures in Excel from the exports, for the territory shown and its period. */
function downloads(model: ReportModel) {
  const territory = encodeURIComponent(model.territorySiren)
  const links: Array<[string, string]> = [
    [`/rapport.docx?depuis=${model.since}&territoire=${territory}`, 'Le rapport au format Word (.docx)'],
    [`/export/actions.xlsx?territory=${territory}`, 'Les actions et leur statut (Excel)'],
    [`/export/progress-updates.xlsx?territory=${territory}&dateFrom=${model.since}`, `Les points d'avancement depuis le ${frenchDay(model.since)} (Excel)`],
    [`/export/impact.xlsx?territory=${territory}&year=${model.impactYear}`, `L'impact par commune en ${model.impactYear} (Excel)`],
    [`/export/matrix.xlsx?territory=${territory}`, 'La matrice des adhésions (Excel)'],
  ]
  return html`<section id="telecharger" class="downloads no-print">
  <h2>Télécharger</h2>
  <ul>${links.map(([href, label]) => html`<li><a href="${href}" download>${label}</a></li>`)}</ul>
</section>`
}

/** The printable report page; the date form keeps the territory shown. */
export function reportHtml(model: ReportModel): string {
  return `<!doctype html>${html`<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${reportTitle} — ${model.territoryName}</title><style>${new Html(reportCss)}</style></head>
<body>
<nav class="toolbar no-print" aria-label="Rapport">
  <a href="/">Retour à Mutualis</a>
  <form method="get" action="/rapport"><label for="depuis">Changements depuis le</label>
    <input id="depuis" type="date" name="depuis" value="${model.since}" required><input type="hidden" name="territoire" value="${model.territorySiren}">
    <button type="submit">Afficher</button></form>
  <button type="button" onclick="window.print()">Imprimer ou enregistrer en PDF</button>
</nav>
<header class="cover">
  <p class="territory">${model.territoryName}</p>
  <h1>${reportTitle}</h1>
  <p>Établi le ${day(model.generatedOn)} — changements depuis le ${day(model.since)}.</p>
  <p class="legal">${legalNote}</p>
</header>
${downloads(model)}
<main>${summary(model)}${changes(model)}${impact(model)}${dues(model)}${domains(model)}</main>
</body></html>`.value}`
}
