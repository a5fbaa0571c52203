import { cleanup, render } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import { setFrenchTypography } from '../../apps/pwa/src/lib/french-typography.ts'

afterEach(cleanup)

const settled = () => new Promise((resolve) => setTimeout(resolve))

describe('French typography on screen', () => {
  it('sets what components write and what the API sends, and again when it changes', async () => {
    const [note, setNote] = createSignal('Périmètre actuel: Dijon ; à suivre')
    const [typed, setTyped] = createSignal('che')
    const { container } = render(() => (
      <div>
        <p>Coût pour Chenôve : <strong>12 €</strong></p>
        <p>{note()}</p>
        <p>Aucune commune ne correspond à « {typed()} ».</p>
      </div>
    ))
    const observer = setFrenchTypography(container)
    const texts = () => [...container.querySelectorAll('p')].map((p) => p.textContent)
    expect(texts()).toEqual(['Coût pour Chenôve\u00A0: 12\u00A0€', 'Périmètre actuel\u00A0: Dijon\u202F; à suivre', 'Aucune commune ne correspond à «\u00A0che\u00A0».'])

    setNote('Pourquoi ? « Parce que »')
    setTyped('dijon')
    await settled()
    expect(texts().slice(1)).toEqual(['Pourquoi\u202F? «\u00A0Parce que\u00A0»', 'Aucune commune ne correspond à «\u00A0dijon\u00A0».'])
    setNote('Encore : une fois')
    await settled()
    expect(texts()[1]).toBe('Encore\u00A0: une fois')
    observer.disconnect()
  })

  it('leaves what people type and code as they are', async () => {
    const [shown, setShown] = createSignal(false)
    const { container } = render(() => (
      <div>
        <textarea>Note : brouillon</textarea>
        <p contentEditable>Brouillon : en cours</p>
        {shown() && <code>a ? b : c</code>}
      </div>
    ))
    const observer = setFrenchTypography(container)
    setShown(true)
    await settled()
    expect(container.querySelector('textarea')!.value).toBe('Note : brouillon')
    expect(container.querySelector('p')!.textContent).toBe('Brouillon : en cours')
    expect(container.querySelector('code')!.textContent).toBe('a ? b : c')
    observer.disconnect()
  })
})
