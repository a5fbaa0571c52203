import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx'
import { frenchText, plural } from '@mutualis/domain'
import { frenchDay, legalNote, reportTitle, type ImpactRow, type ReportModel } from './report.model.ts'

// Every text of the document passes through text(), heading() or bullet(), which set it in French typography.
const text = (content: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) => new Paragraph({ children: [new TextRun({ text: frenchText(content), ...options })] })
const heading = (content: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text: frenchText(content), heading: level })
const cell = (children: Paragraph[], width?: number) => new TableCell({ children, ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}) })
const headerRow = (labels: string[], widths: number[]) =>
  new TableRow({ tableHeader: true, children: labels.map((label, i) => cell([text(label, { bold: true })], widths[i])) })
const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })
const bullet = (content: string) => new Paragraph({ text: frenchText(content), bullet: { level: 0 } })

function summary(model: ReportModel) {
  const since = frenchDay(model.since)
  return [
    heading('Synthèse', HeadingLevel.HEADING_1),
    table([
      headerRow(['Statut', 'Actions'], [70, 30]),
      ...model.byStatus.map((row) => new TableRow({ children: [cell([text(row.label)]), cell([new Paragraph({ text: String(row.count), alignment: AlignmentType.RIGHT })])] })),
      new TableRow({ children: [cell([text('Total', { bold: true })]), cell([new Paragraph({ children: [new TextRun({ text: String(model.total), bold: true })], alignment: AlignmentType.RIGHT })])] }),
    ]),
    text(
      `Depuis le ${since} : ${plural(model.completed.length, 'action mise en œuvre', 'actions mises en œuvre')}, ` +
        `${plural(model.newMemberCount, 'nouvelle adhésion', 'nouvelles adhésions')}, ${plural(model.progressUpdates.length, "point d'avancement", "points d'avancement")}.`,
    ),
    ...(model.completed.length ? [heading(`Actions mises en œuvre depuis le ${since}`, HeadingLevel.HEADING_2), ...model.completed.map((c) => bullet(`${frenchDay(c.date)} — ${c.action.title}`))] : []),
    ...(model.newMembers.length
      ? [heading(`Nouvelles adhésions depuis le ${since}`, HeadingLevel.HEADING_2), ...model.newMembers.map((m) => bullet(`${frenchDay(m.since)} — ${m.action} : ${m.organisations.join(', ')}`))]
      : []),
  ]
}

function changes(model: ReportModel) {
  return [
    heading(`Changements depuis le ${frenchDay(model.since)}`, HeadingLevel.HEADING_1),
    ...(model.statusChanges.length
      ? [table([
          headerRow(['Date', 'Action', 'Statut avant', 'Statut après'], [14, 50, 18, 18]),
          ...model.statusChanges.map((c) => new TableRow({ children: [frenchDay(c.date), c.action.title, c.fromLabel, c.toLabel].map((value) => cell([text(value)])) })),
        ])]
      : [text('Aucun changement de statut sur la période.', { italics: true })]),
    ...(model.progressUpdates.length
      ? [heading("Points d'avancement de la période", HeadingLevel.HEADING_2), ...model.progressUpdates.map((u) => bullet(`${frenchDay(u.date)} — ${u.action.title} : ${u.text}`))]
      : []),
  ]
}

const number = (value: string | number, bold = false) => new Paragraph({ children: [new TextRun({ text: String(value), bold })], alignment: AlignmentType.RIGHT })
const impactRow = (row: ImpactRow, bold = false) =>
  new TableRow({ children: [cell([text(row.commune, { bold })]), ...[row.annualCost, row.unknownCostOffers, row.staffFte, row.offers].map((value) => cell([number(value, bold)]))] })

function impact(model: ReportModel) {
  return [
    heading(`Impact par commune en ${model.impactYear}`, HeadingLevel.HEADING_1),
    text(
      'Effets prévisionnels des mutualisations sur les dépenses de fonctionnement et les effectifs de chaque commune (article L5211-39-1 du CGCT) : ' +
        "coût annuel connu des offres auxquelles elle adhère, offres dont le coût n'est pas renseigné (non comptées), agents mobilisés en équivalents temps plein.",
    ),
    table([
      headerRow(['Commune', 'Coût annuel connu', 'Offres au coût non renseigné', 'ETP', 'Offres auxquelles elle adhère'], [32, 20, 18, 12, 18]),
      ...model.impact.map((row) => impactRow(row)),
      impactRow(model.impactTotal, true),
    ]),
  ]
}

function dues(model: ReportModel) {
  return [
    heading('Échéances à venir', HeadingLevel.HEADING_1),
    ...(model.dues.length
      ? [
          text('Fins, reconductions et dates limites de préavis des offres dans les douze prochains mois.'),
          table([
            headerRow(['Date', 'Offre', 'Échéance'], [22, 52, 26]),
            ...model.dues.map((due) => new TableRow({ cantSplit: true, children: [cell([text(due.date)]), cell([text(due.offer), text(due.kindLabel, { color: '555555' })]), cell([text(due.label)])] })),
          ]),
        ]
      : [text('Aucune échéance dans les douze prochains mois.', { italics: true })]),
  ]
}

function domains(model: ReportModel) {
  return [
    heading('Avancement par domaine', HeadingLevel.HEADING_1),
    ...model.domains.flatMap((domain) => [
      heading(domain.name, HeadingLevel.HEADING_2),
      table([
        headerRow(['Action', 'Statut', "Point d'avancement"], [44, 14, 42]),
        ...domain.actions.map(
          (action) =>
            new TableRow({
              cantSplit: true,
              children: [
                cell([text(action.title, { bold: true }), ...(action.description ? [text(action.description)] : []), text(action.details, { color: '555555' })]),
                cell([text(action.statusLabel)]),
                cell(action.progressUpdates.length ? action.progressUpdates.map((u) => text(`${frenchDay(u.date)} — ${u.text}`)) : [text("Aucun point d'avancement.", { italics: true })]),
              ],
            }),
        ),
      ]),
    ]),
  ]
}

/** The same report as a Word document, A4 portrait, for the council's file. */
export async function reportDocx(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const margin = convertMillimetersToTwip(16)
  const document = new Document({
    creator: 'Mutualis',
    title: frenchText(`${reportTitle} — ${model.territoryName}`),
    sections: [
      {
        properties: { page: { size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) }, margin: { top: margin, bottom: margin, left: margin, right: margin } } },
        children: [
          text(model.territoryName.toUpperCase(), { bold: true, color: '555555' }),
          heading(reportTitle, HeadingLevel.TITLE),
          text(`Établi le ${frenchDay(model.generatedOn)} — changements depuis le ${frenchDay(model.since)}.`),
          text(legalNote, { italics: true, color: '555555' }),
          ...summary(model),
          ...changes(model),
          ...impact(model),
          ...dues(model),
          ...domains(model),
        ],
      },
    ],
  })
  return new Uint8Array((await Packer.toBuffer(document)) as unknown as ArrayBuffer)
}
