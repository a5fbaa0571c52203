// Dates as EPCIs write them in a spreadsheet: « 01/10/2021 », « 1/10/21 », « 2021-10-01 », an
// Excel serial number, « octobre 2021 », « 1er octobre 2021 », « 2021 », « fin 2023 ».
import { checkCalendarDate } from './input-limits.rules.ts'
import { refuse, type ImportRefusal } from './import-text.ts'
import { searchText } from './search-text.ts'

/**
 * How precisely the cell names the date. A spreadsheet says « décembre 2014 » or « fin 2023 » as
 * often as a day, and the schéma keeps one day per date: the reading keeps the whole period
 * (`start` to `end`, both included) and its precision, so that the import stores `start` for a
 * date d'effet or a date du point and `end` for an échéance (« fin 2023 » is due on 31 December,
 * not on 1 October), and the report can say « décembre 2014 : lu comme un mois ».
 * PERIOD is a span of months that is neither one month nor a year: a quarter, a semester, a
 * season, « début » (January–March), « mi- » (June–July) or « fin » (October–December) of a year.
 */
export type DatePrecision = 'DAY' | 'MONTH' | 'PERIOD' | 'YEAR'

export interface ImportDate {
  start: Date
  end: Date
  precision: DatePrecision
}

/** A cell read: no date (empty, « NC », « à définir »), a date, or a refusal. */
export type DateReading = { ok: true; date: ImportDate | null } | ImportRefusal

const monthNames = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
// « janv. », « fév », « sept. »: the abbreviations a month is written with (accents already removed).
const monthPattern = 'janv(?:ier)?|fev(?:r(?:ier)?)?|mars?|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?'
const monthIndex = (word: string) => ['jan', 'fev', 'mar', 'avr', 'mai', 'juin', 'juil', 'aou', 'sep', 'oct', 'nov', 'dec'].findIndex((prefix) => word.startsWith(prefix))

const unknownWords = /^(?:nc|n\.?\s?c\.?|nr|\?+|-+|non (?:renseignee?|connue?|communiquee?|definie?)|inconnue?|a (?:definir|determiner|preciser|confirmer)|sans objet|nd)$/
// Words before a date that do not change it: « au 1er octobre 2021 », « à partir de 2022 », « courant 2023 ».
const leadingWords = /^(?:le|au|en|des|depuis|a partir d(?:u|e|')|a compter d(?:u|e|')|d'ici(?: a| au| fin)?|courant|avant(?: le)?|jusqu'(?:au|a|en)|au plus tard(?: le| en)?|pour|prevue?s? (?:en|le|pour|au)|a|vers)\s+/

const dayMs = 86_400_000
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day))
const lastDay = (year: number, month: number) => utc(year, month + 1, 0)
const twoDigitYear = (year: string) => (year.length === 2 ? (Number(year) < 30 ? 2000 : 1900) + Number(year) : Number(year)) // Excel's own window: 00–29 → 20xx

const dayName = (day: number) => (day === 1 ? '1er' : String(day))
const pad = (n: number) => String(n).padStart(2, '0')

function period(start: Date, end: Date, precision: DatePrecision): DateReading {
  for (const bound of [start, end]) {
    const check = checkCalendarDate('date', bound)
    if (!check.ok) return refuse(check.reason)
  }
  return { ok: true, date: { start, end, precision } }
}

function day(year: number, month: number, dayOfMonth: number, written: string): DateReading {
  if (month < 1 || month > 12) {
    // « 12/31/2023 »: an American order is likely when swapping gives a real day.
    const swapped = dayOfMonth >= 1 && dayOfMonth <= 12 && month <= 31 && utc(year, dayOfMonth - 1, month).getUTCDate() === month
    return refuse(`Il n’y a pas de mois ${month} : « ${written} » se lit jour/mois/année.`, swapped ? [`${pad(month)}/${pad(dayOfMonth)}/${year}`] : [])
  }
  const date = utc(year, month - 1, dayOfMonth)
  if (dayOfMonth < 1 || date.getUTCDate() !== dayOfMonth) {
    const named = `${dayName(dayOfMonth)} ${monthNames[month - 1]} ${year} n’existe pas.`
    const last = lastDay(year, month - 1)
    return refuse(month === 2 && dayOfMonth === 29 ? `${year} n’est pas bissextile : le ${named}` : `Le ${named}`, dayOfMonth > 28 ? [`${pad(last.getUTCDate())}/${pad(month)}/${year}`] : [])
  }
  return period(date, date, 'DAY')
}

const seasons = { printemps: 2, ete: 5, automne: 8 } as const

/** The months (0–11) a French phrase names: « fin 2023 », « 2e semestre 2024 », « T3 2022 », « à l'automne 2022 ». */
const namedPeriods: Array<[RegExp, (m: RegExpMatchArray) => [from: number, to: number]]> = [
  [/^debut (\d{4})$/, () => [0, 2]],
  [/^mi-? ?(\d{4})$/, () => [5, 6]],
  [/^fin (\d{4})$/, () => [9, 11]],
  [/^(?:(?:1er|premier) semestre|s1) (\d{4})$/, () => [0, 5]],
  [/^(?:(?:2e|2eme|2nd|second|deuxieme) semestre|s2) (\d{4})$/, () => [6, 11]],
  [/^(?:t([1-4])|([1-4])(?:er|e|eme) trimestre) (\d{4})$/, (m) => [(Number(m[1] ?? m[2]) - 1) * 3, (Number(m[1] ?? m[2]) - 1) * 3 + 2]],
  [/^(?:l'|le )?(printemps|ete|automne) (\d{4})$/, (m) => [seasons[m[1] as keyof typeof seasons], seasons[m[1] as keyof typeof seasons] + 2]],
]

function monthPeriod(year: number, month: number, written: string): DateReading {
  if (month < 1 || month > 12) return refuse(`Il n’y a pas de mois ${month} : « ${written} » se lit mois/année.`)
  return period(utc(year, month - 1, 1), lastDay(year, month - 1), 'MONTH')
}

function readText(written: string): DateReading {
  let text = searchText(written).replace(/\s*\.\s*$/, '')
  if (unknownWords.test(text)) return { ok: true, date: null }
  for (let previous = ''; previous !== text; ) [previous, text] = [text, text.replace(leadingWords, '')]
  text = text.replace(/(\p{L})\.(?=\s|$)/gu, '$1') // « janv. 2022 », « sept. 2021 »
  let m: RegExpMatchArray | null
  if ((m = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/))) return day(Number(m[1]), Number(m[2]), Number(m[3]), written)
  if ((m = text.match(/^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})$/))) return day(twoDigitYear(m[4]), Number(m[3]), Number(m[1]), written)
  if ((m = text.match(/^(\d{1,2})[/.\-](\d{4})$/))) return monthPeriod(Number(m[2]), Number(m[1]), written)
  if ((m = text.match(/^(\d{4})-(\d{1,2})$/))) return monthPeriod(Number(m[1]), Number(m[2]), written)
  if ((m = text.match(/^(\d{4})$/))) return period(utc(Number(m[1]), 0, 1), utc(Number(m[1]), 11, 31), 'YEAR')
  if ((m = text.match(new RegExp(`^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?(1er|1°|premier|\\d{1,2}) (${monthPattern}) (\\d{4})$`)))) {
    return day(Number(m[3]), monthIndex(m[2]) + 1, /^\d+$/.test(m[1]) ? Number(m[1]) : 1, written)
  }
  if ((m = text.match(new RegExp(`^(?:(?:debut|mi|fin|courant) )?(${monthPattern}) (\\d{4})$`)))) {
    const month = monthIndex(m[1])
    return period(utc(Number(m[2]), month, 1), lastDay(Number(m[2]), month), 'MONTH')
  }
  for (const [pattern, months] of namedPeriods) {
    if ((m = text.match(pattern))) {
      const [from, to] = months(m)
      const year = Number(m.at(-1))
      return period(utc(year, from, 1), lastDay(year, to), 'PERIOD')
    }
  }
  if ((m = text.match(/^(\d{4}) ?[-/–] ?(\d{4})$/))) {
    return refuse(`« ${written} » est une période de plusieurs années, pas une date : garder l’année de début pour une date d’effet, celle de fin pour une échéance.`, [m[1], m[2]])
  }
  if (/^hiver \d{4}$/.test(text)) return refuse(`« ${written} » est à cheval sur deux années.`, [], 'Écrire le mois, par exemple « janvier 2024 ».')
  return refuse(`Date illisible : « ${written} ».`, [], 'Écrire la date sous la forme JJ/MM/AAAA (01/10/2021), « octobre 2021 » ou « 2021 ».')
}

/** Days since 30 December 1899: how Excel (in its default 1900 system) stores a date. */
function fromSerial(serial: number, written: string): DateReading {
  const days = Math.floor(serial)
  const date = new Date(Date.UTC(1899, 11, 30) + days * dayMs)
  return days < 61 ? refuse(`Date illisible : « ${written} ».`) : period(date, date, 'DAY')
}

/**
 * A date cell: text, a number (an Excel serial, or a year when it is between 1900 and 2100),
 * or a Date (read by its UTC calendar day, as spreadsheet readers such as exceljs give it).
 * Impossible days (« 31/02/2023 », « 29/02/2023 ») and dates outside 2000–2100 are refused.
 */
export function readImportDate(value: unknown): DateReading {
  if (value === null || value === undefined) return { ok: true, date: null }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refuse('Date illisible.')
    const date = utc(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())
    return period(date, date, 'DAY')
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return refuse(`Date illisible : « ${value} ».`)
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return readText(String(value))
    return fromSerial(value, String(value))
  }
  const written = String(value).trim()
  if (!written) return { ok: true, date: null }
  // A date cell exported as text keeps its serial: « 44470 » is 1 October 2021.
  if (/^\d{5}(?:[.,]\d+)?$/.test(written)) return fromSerial(Number(written.replace(',', '.')), written)
  return readText(written)
}

/** « 1er octobre 2021 », « octobre 2021 », « 2021 », « 4e trimestre 2023 » … as the report says what it read. */
export function importDateLabel(date: ImportDate): string {
  const start = `${dayName(date.start.getUTCDate())} ${monthNames[date.start.getUTCMonth()]} ${date.start.getUTCFullYear()}`
  if (date.precision === 'DAY') return start
  if (date.precision === 'MONTH') return `${monthNames[date.start.getUTCMonth()]} ${date.start.getUTCFullYear()}`
  if (date.precision === 'YEAR') return String(date.start.getUTCFullYear())
  const from = monthNames[date.start.getUTCMonth()]
  return `${/^[aeiouéèâ]/.test(from) ? 'd’' : 'de '}${from} à ${monthNames[date.end.getUTCMonth()]} ${date.end.getUTCFullYear()}`
}
