// French punctuation spacing, one convention for every text Mutualis prints: the PWA's screens
// (apps/pwa/src/lib/french-typography.ts), the report in HTML and Word, the prose columns of the
// exports. The convention is the Imprimerie nationale's (Lexique des règles typographiques):
//   « : » and inside « … »  U+00A0 NO-BREAK SPACE, a word space that never breaks the line;
//   « ; » « ? » « ! »        U+202F NARROW NO-BREAK SPACE, the « fine »;
//   an amount and « € »      U+00A0, as Intl.NumberFormat('fr-FR') writes a currency (its
//                            thousands are grouped with U+202F: euroAmount, plural).
// No file of the project holds these characters literally: they are invisible in an editor.

export const noBreakSpace = '\u00A0'
export const narrowNoBreakSpace = '\u202F'

/** Spaces on one line: a line break before « ? » stays a line break. */
const spaces = '[ \\t\\u00A0\\u2009\\u202F]'
/** What may stand right before a « : » or « ? » written without its space: a word, a number, a closing sign. */
const wordEnd = `[\\p{L}\\p{N}\\p{Pe}\\p{Pf}"'%€…]`

/**
 * Passages never retouched: addresses (their « : » and « ? » are not punctuation) and `code`.
 * Times (10:30) and ratios need no guard: a « : » is punctuation only before a space or the end.
 */
const verbatim = /`[^`\n]*`|\b(?:https?|ftp|mailto|tel):[^\s<>"«»]+|\bwww\.[^\s<>"«»]+/giu

/** One spacing rule: what typographyMistakes names it, and how frenchText fixes it. */
export interface SpacingRule {
  mistake: string
  fix: (prose: string) => string
}

export const spacingRules: SpacingRule[] = [
  {
    mistake: 'espace insécable attendue avant « : »',
    fix: (prose) => prose.replace(new RegExp(`(?:${spaces}+|(?<=${wordEnd}))(?=:(?:[\\s»]|$))`, 'gu'), noBreakSpace),
  },
  {
    mistake: 'espace fine insécable attendue avant « ; ? ! »',
    // « ?! », « ? » » and « ?) » end a sentence too; « != » is code and stays.
    fix: (prose) => prose.replace(new RegExp(`(?:${spaces}+|(?<=${wordEnd}))(?=[;?!](?:[\\s?!»)\\]”…]|$))`, 'gu'), narrowNoBreakSpace),
  },
  {
    mistake: 'espaces insécables attendues dans « »',
    // Without a space, a guillemet at the edge of a text is left alone: what lies beyond is unknown.
    // Before « : ; ? ! » the space is theirs (« ? » gets its fine).
    fix: (prose) =>
      prose
        .replace(new RegExp(`«(${spaces}*)(?=[^\\s:;?!]|$)`, 'gu'), (all, inside: string, at: number) => (inside || at + 1 < prose.length ? `«${noBreakSpace}` : all))
        .replace(new RegExp(`(?:${spaces}+|(?<=\\S))»`, 'gu'), `${noBreakSpace}»`),
  },
  {
    mistake: 'espace insécable attendue avant « € »',
    fix: (prose) => prose.replace(new RegExp(`(?<=\\d)${spaces}*€`, 'gu'), `${noBreakSpace}€`),
  },
]

/** Applies `fix` to the prose of a text, outside its addresses and code. */
export function inProse(text: string, fix: (prose: string) => string): string {
  let out = ''
  let from = 0
  for (const match of text.matchAll(verbatim)) {
    out += fix(text.slice(from, match.index)) + match[0]
    from = match.index + match[0].length
  }
  return out + fix(text.slice(from))
}

/**
 * A text as French typography sets it: the spaces around « : ; ? ! », inside « » and before « € »
 * become the non-breaking ones of the convention above, added where they were missing. Only spaces
 * change; addresses, `code` and times such as 10:30 are left as written. Idempotent.
 */
export function frenchText(text: string): string {
  return inProse(text, (prose) => spacingRules.reduce((fixed, rule) => rule.fix(fixed), prose))
}
