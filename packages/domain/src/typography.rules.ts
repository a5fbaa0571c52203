// The French typography mistakes a reader notices, as one rule: screens, the report and the
// exports are checked against it (tests/e2e/typography.test.ts, tests/api/report.test.ts).
import { inProse, spacingRules } from './french-text.ts'

const months = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'

/** Words of the interface left in English (data quoted from a source is French by nature). */
const englishWords = ['Loading', 'Error', 'Submit', 'Search', 'Cancel', 'undefined', 'null', 'NaN', 'Invalid Date', 'true', 'false']

const checks: Array<{ name: string; pattern: RegExp }> = [
  // « 10 a venir », « 9 a étudier »: the preposition « à » lost its accent.
  { name: '« a » pour « à »', pattern: /(?:^|[\s\d,;(])a (?:venir|étudier|l['’]étude|partir|compter|jour)\b/u },
  // « 1 janvier 2022 »: the first of the month is « 1er ».
  { name: '« 1 » pour « 1er » devant un mois', pattern: new RegExp(`(?:^|[^\\d])1 (?:${months})\\b`, 'u') },
  { name: 'espace double', pattern: /\S {2,}\S/u },
  { name: 'anglais dans l’interface', pattern: new RegExp(`(?:^|[^\\p{L}])(?:${englishWords.join('|')})(?:$|[^\\p{L}])`, 'u') },
]

/** The mistakes found in a text, each with the passage that shows it (empty when the text is clean). */
export function typographyMistakes(text: string): Array<{ mistake: string; passage: string }> {
  const found: Array<{ mistake: string; passage: string }> = []
  const passage = (line: string, start: number, end: number) => line.slice(Math.max(0, start - 20), end + 20).trim()
  for (const line of text.split('\n')) {
    for (const { name, pattern } of checks) {
      const match = pattern.exec(line)
      if (match) found.push({ mistake: name, passage: passage(line, match.index, match.index + match[0].length) })
    }
    // A space the formatter would set otherwise (frenchText): an ordinary or missing one before « : ; ? ! », inside « ».
    for (const { mistake, fix } of spacingRules) {
      const fixed = inProse(line, fix)
      if (fixed === line) continue
      let at = 0
      while (line[at] === fixed[at]) at++
      found.push({ mistake, passage: passage(line, at, at + 1) })
    }
  }
  return found
}
