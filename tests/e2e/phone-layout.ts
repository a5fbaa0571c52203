import type { Page } from 'playwright-core'
import { screenshot, settled } from './browser.ts'

export interface Layout {
  topBar: number
  documentHeight: number
  scrollWidth: number
  /** Controls outside running text smaller than 44 × 44 px, as « tag "text" w×h ». */
  smallControls: string[]
  smallest: { width: number; height: number; control: string } | null
}

/**
 * Measures a screen as a phone shows it. A control inside a sentence (a link in a paragraph with
 * other words) is running text, exempt from the 44 px target size (WCAG 2.5.5, exception « inline »).
 */
export async function measureLayout(page: Page): Promise<Layout> {
  await settled(page)
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [role=tab]')]
    const sizes: Array<{ width: number; height: number; control: string }> = []
    for (const control of controls) {
      const box = control.getBoundingClientRect()
      const style = getComputedStyle(control)
      if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || box.bottom < 0) continue
      // Inside a closed <details>, or otherwise not rendered.
      if (!control.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue
      if (control.closest('.visually-hidden, [aria-hidden=true]')) continue
      const block = control.parentElement?.closest('p, dd, td, th, label, figcaption')
      const inline = block && (block.textContent ?? '').trim().length > (control.textContent ?? '').trim().length
      if (inline) continue
      sizes.push({ width: Math.round(box.width), height: Math.round(box.height), control: `${control.tagName.toLowerCase()} "${(control.textContent ?? control.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"` })
    }
    const small = sizes.filter((size) => size.width < 44 || size.height < 44)
    const smallest = sizes.reduce<(typeof sizes)[number] | null>((min, size) => (!min || Math.min(size.width, size.height) < Math.min(min.width, min.height) ? size : min), null)
    return {
      topBar: document.querySelector('.top-bar')?.getBoundingClientRect().height ?? 0,
      documentHeight: document.scrollingElement!.scrollHeight,
      scrollWidth: document.scrollingElement!.scrollWidth,
      smallControls: small.map((size) => `${size.control} ${size.width}×${size.height}`),
      smallest,
    }
  })
}

/** A full-page screenshot taken from the top: scrolled down, the sticky top bar would be drawn mid-page. */
export async function screenshotFromTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name)
}
