// A cell listing communes (« LARROQUE ST SERNIN - LARROQUE SUR L'OSSE – LAURAET », « Dijon,
// Chenôve ; Talant », « toutes les communes sauf Dijon »), read name by name. Hyphens join the
// words of a name as often as they separate names, so the list is not split blindly: it is read
// as the sequence of official names that covers it best.
import { communeWords, type CommuneMatch, type CommuneMatcher, type CommuneOutcome } from './commune-names.rules.ts'

/** One name of the list, with the text the sheet gave it (for the report's « value »). */
export type CommuneReading = CommuneOutcome & { text: string }

export interface CommuneListReading {
  /** No name was refused. */
  ok: boolean
  /** « Toutes les communes »: every member, less the names listed after « sauf ». */
  all: boolean
  /** The member communes the cell designates, by INSEE code, once each, in the cell's order. */
  codes: string[]
  /** The EPCI itself is named (« Dijon Métropole », « la Métropole »). */
  territory: boolean
  /** Each name read; with `all`, the exceptions. */
  items: CommuneReading[]
}

// How strongly the text between two words separates them: never inside a name (hard), between
// names unless a name spans it (break: a dash, a line break), or inside names (joint).
type Gap = 'hard' | 'break' | 'joint'
interface Token {
  word: string
  start: number
  end: number
  gap: Gap
  /** An article in brackets after a name (« Vergne (La) »), as INSEE writes it: read before the name. */
  after?: boolean
}

const wordPattern = /(?:(?![ʼ`´‘’'])[\p{L}\p{N}\p{M}^])+/gu
const closingBracket = /\s*['’ʼ]?\s*\)/y
const gapOf = (between: string): Gap => (/[,;/|+&•·]/.test(between) ? 'hard' : /[\n\r–—‒―−]|\s-|-\s/.test(between) ? 'break' : 'joint')

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const match of text.matchAll(wordPattern)) {
    const [start, end] = [match.index, match.index + match[0].length]
    const between = text.slice(last, start)
    const previous = tokens.at(-1)
    last = end
    // « Bressey s/ Tille »: « s/ » is « sur », not a separator.
    const sur = previous?.word === 's' && /^\s*\/\s*$/.test(between)
    if (sur) previous.word = 'sur'
    if (previous && /\(\s*$/.test(between) && /^(?:le|la|les|l)$/i.test(match[0])) {
      closingBracket.lastIndex = end
      if (closingBracket.test(text)) {
        last = closingBracket.lastIndex
        tokens.push({ word: match[0].toLowerCase(), start, end: last, gap: 'joint', after: true })
        continue
      }
    }
    const gap = sur ? 'joint' : tokens.length === 0 ? 'hard' : gapOf(between)
    communeWords(match[0]).forEach((word, i) => tokens.push({ word, start, end, gap: i === 0 ? gap : 'joint' }))
  }
  return tokens
}

// Words between names that are no name: « Dijon et Chenôve », « la ville de Talant ».
const fillers = ['et', 'ainsi que', ...['ville', 'commune', 'mairie'].flatMap((head) => ['de', 'd'].flatMap((of) => [`${head} ${of}`, `la ${head} ${of}`]))].map((filler) => filler.split(' '))

type Cost = [unknownWords: number, refused: number, pieces: number]
const less = (a: Cost, b: Cost) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
interface Piece {
  from: number
  to: number
  match: CommuneMatch | null
}

/**
 * The reading of a run of words with the fewest unknown words, then the fewest refused names, then
 * the fewest pieces (the longest names). An unknown run is one piece until a dash or line break.
 */
function bestReading(words: readonly Token[], matcher: CommuneMatcher): Piece[] {
  const n = words.length
  // best[i][s]: the cheapest reading of words[0..i), s = 1 when it ends inside an unknown run.
  const best = Array.from({ length: n + 1 }, () => [null, null] as Array<{ cost: Cost; from: number; state: number; piece: Piece | null } | null>)
  best[0][0] = { cost: [0, 0, 0], from: 0, state: 0, piece: null }
  const relax = (to: number, state: number, cost: Cost, from: number, fromState: number, piece: Piece | null) => {
    const current = best[to][state]
    if (!current || less(cost, current.cost) < 0) best[to][state] = { cost, from, state: fromState, piece }
  }
  for (let i = 0; i < n; i++) {
    for (const state of [0, 1]) {
      const here = best[i][state]
      if (!here) continue
      const [unknown, refused, pieces] = here.cost
      for (const filler of fillers) if (filler.every((word, k) => words[i + k]?.word === word)) relax(i + filler.length, 0, here.cost, i, state, null)
      if (words[i].after) relax(i + 1, 0, here.cost, i, state, null)
      const matched = (to: number, match: CommuneMatch | null) => match && relax(to, 0, [unknown, refused + (match.refused ? 1 : 0), pieces + 1], i, state, { from: i, to, match })
      for (let to = i + 1; to <= Math.min(n, i + matcher.longestName) && !words[to - 1].after; to++) {
        const span = words.slice(i, to).map((token) => token.word)
        // Tried first, so that « Vergne (La) » is La Vergne before it is Vergné and a stray article.
        if (words[to]?.after) matched(to + 1, matcher.lookup([words[to].word, ...span]))
        matched(to, matcher.lookup(span))
      }
      const continues = state === 1 && words[i].gap === 'joint'
      relax(i + 1, 1, [unknown + 1, refused, pieces + (continues ? 0 : 1)], i, state, { from: i, to: i + 1, match: null })
    }
  }
  const steps: Array<{ piece: Piece | null; state: number }> = []
  const [known, unknown] = best[n]
  let [at, state] = [n, known && (!unknown || less(known.cost, unknown.cost) <= 0) ? 0 : 1]
  while (at > 0) {
    const step = best[at][state]!
    steps.unshift({ piece: step.piece, state: step.state })
    ;[at, state] = [step.from, step.state]
  }
  const pieces: Piece[] = []
  for (const { piece, state: before } of steps) {
    if (!piece) continue
    const previous = pieces.at(-1)
    if (!piece.match && before === 1 && previous && !previous.match && previous.to === piece.from && words[piece.from].gap === 'joint') previous.to = piece.to
    else pieces.push({ ...piece })
  }
  return pieces
}

/**
 * A misspelt name that holds a real one (« Plombiere lès Dijon » holds « Dijon ») must not read as
 * that one plus an unknown word: a stretch between dashes with an unknown word that is, whole, close
 * to a member's name is one unknown name suggesting that member.
 */
function rescueMisspelt(words: readonly Token[], pieces: Piece[], matcher: CommuneMatcher, text: string): Piece[] {
  const result: Piece[] = []
  for (let i = 0; i < pieces.length; ) {
    let j = i + 1
    while (j < pieces.length && words[pieces[j].from].gap === 'joint') j++
    const stretch = pieces.slice(i, j)
    const { from } = stretch[0]
    const { to } = stretch.at(-1)!
    const close = stretch.length > 1 && stretch.some((piece) => !piece.match) && matcher.unknown(text.slice(words[from].start, words[to - 1].end)).suggestions.length > 0
    result.push(...(close ? [{ from, to, match: null }] : stretch))
    i = j
  }
  return result
}

function readNames(text: string, matcher: CommuneMatcher): CommuneReading[] {
  const tokens = tokenize(text)
  const items: CommuneReading[] = []
  for (let start = 0; start < tokens.length; ) {
    let end = start + 1
    while (end < tokens.length && tokens[end].gap !== 'hard') end++
    const words = tokens.slice(start, end)
    for (const piece of rescueMisspelt(words, bestReading(words, matcher), matcher, text)) {
      const written = text.slice(words[piece.from].start, words[piece.to - 1].end)
      items.push({ ...(piece.match ? piece.match.outcome(written) : matcher.unknown(written)), text: written })
    }
    start = end
  }
  return items
}

const exception = /(?:^|[\s,;:(])(?:sauf|hors|except[ée]e?s?|moins|[àa]\s+l['’ʼ]\s*exception\s+d(?:es|e|u)?)(?=[\s:'’ʼ]|$)/iu
const allCommunes = /^(?:(?:a|pour) )?(?:(?:toutes|tous)(?: les)?(?: (\d+))?(?: communes?)?|(?:l )?ensemble(?: des)?(?: (\d+))? communes|les (\d+) communes|tout le territoire)(?: (?:membres|concernees|adherentes))?(?: (.+))?$/

/** « toutes les communes », « les 23 communes de la Métropole », « tout le territoire »; `null` when the text says otherwise. */
function readAll(head: string, matcher: CommuneMatcher): { count: number | null; rest: string | null } | null {
  const match = communeWords(head).join(' ').match(allCommunes)
  if (!match) return null
  const count = match[1] ?? match[2] ?? match[3]
  // « … de la Métropole », « … du territoire », « … de Dijon Métropole » only say whose communes.
  const whose = match[4]?.replace(/^(?:de|du|d)(?: (?:la|le|l))? /, '').split(' ')
  const rest = whose && !(whose.join(' ') === 'territoire' || matcher.lookup(whose)?.outcome('').kind === 'TERRITORY') ? match[4] : null
  return { count: count === undefined ? null : Number(count), rest }
}

/** A « Communes » cell: each name matched to a member of the territory, or refused with its reason. */
export function readCommuneList(cell: string | null | undefined, matcher: CommuneMatcher): CommuneListReading {
  const text = (cell ?? '').trim()
  const cut = text.match(exception)
  const head = cut ? text.slice(0, cut.index) : text
  const all = readAll(head, matcher)
  const members = matcher.territory.members
  if (all && (all.rest !== null || (all.count !== null && all.count !== members.length))) {
    const reason = all.rest !== null ? `« ${head.trim()} » ne dit pas lesquelles : nommer les communes, ou écrire « toutes les communes ».` : `${matcher.territory.name} compte ${members.length} communes, pas ${all.count} : nommer les communes, ou écrire « toutes les communes ».`
    const refusal = { ...matcher.unknown(head.trim()), reason, suggestions: [], suggestion: null }
    return { ok: false, all: false, codes: [], territory: false, items: [{ ...refusal, text: head.trim() }] }
  }
  const items = all ? (cut ? readNames(text.slice(cut.index! + cut[0].length), matcher) : []) : readNames(text, matcher)
  const named = items.flatMap((item) => (item.ok && item.kind === 'MEMBER' ? [item.code] : []))
  const codes = all ? members.map((member) => member.code).filter((code) => !named.includes(code)) : [...new Set(named)]
  return { ok: items.every((item) => item.ok), all: all !== null, codes, territory: items.some((item) => item.ok && item.kind === 'TERRITORY'), items }
}
