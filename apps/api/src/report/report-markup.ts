import { frenchText } from '@mutualis/domain'
import { frenchDay } from './report.model.ts'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c])

/** Markup already escaped: kept as is when interpolated into html``. */
export class Html {
  constructor(readonly value: string) {}
}

/**
 * Tagged template that escapes every interpolated string; arrays are joined, nested html`` kept as is.
 * The text a reader sees, written here or interpolated, is set by frenchText; tags and their
 * attributes (addresses, dates, classes) are left as written.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let inTag = false
  const markup = (string: string) =>
    string
      .split(/([<>])/)
      .map((part) => {
        if (part === '<' || part === '>') inTag = part === '<'
        return inTag || part === '>' ? part : frenchText(part)
      })
      .join('')
  const render = (value: unknown): string =>
    value instanceof Html
      ? value.value
      : Array.isArray(value)
        ? value.map(render).join('')
        : value === null || value === undefined || value === false
          ? ''
          : escapeHtml(inTag ? String(value) : frenchText(String(value)))
  return new Html(strings.reduce((out, string, i) => out + markup(string) + (i < values.length ? render(values[i]) : ''), ''))
}

export const day = (iso: string) => html`<time datetime="${iso}">${frenchDay(iso)}</time>`

/**
 * A long list or table closed on screen behind a heading that says what it holds, so a phone
 * scrolls through headings rather than 70 screens; open in print (report-style.ts).
 */
export const folded = (heading: string, meta: string, content: Html) =>
  html`<details><summary><h3>${heading}</h3> <span class="meta">${meta}</span></summary>${content}</details>`
