import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CommunePicker, TerritoryPicker } from '../../apps/pwa/src/components/name-picker.tsx'
import { filterByName } from '../../apps/pwa/src/lib/name-search.rules.ts'

afterEach(cleanup)

const filterCommunes = <C extends { name: string; inseeCode: string }>(communes: readonly C[], typed: string) => filterByName(communes, typed, (commune) => commune.inseeCode)

const communes = [
  { id: 'c1', inseeCode: '21003', name: 'Ahuy' },
  { id: 'c2', inseeCode: '21166', name: 'Chenôve' },
  { id: 'c3', inseeCode: '21171', name: 'Chevigny-Saint-Sauveur' },
  { id: 'c4', inseeCode: '21231', name: 'Dijon' },
]

describe('finding a commune by what a mayor types', () => {
  it.each([
    ['chenove', ['Chenôve']],
    ['CHENÔVE', ['Chenôve']],
    ['che', ['Chenôve', 'Chevigny-Saint-Sauveur']],
    ['saint sauveur', ['Chevigny-Saint-Sauveur']],
    ['21231', ['Dijon']],
    ['paris', []],
  ])('« %s » finds %j', (typed, expected) => {
    expect(filterCommunes(communes, typed).map((commune) => commune.name)).toEqual(expected)
  })

  it('lists names starting with the text before names merely containing it', () => {
    const names = filterCommunes([{ inseeCode: '1', name: 'Saint-Apollinaire' }, { inseeCode: '2', name: 'Apollo' }], 'apo').map((c) => c.name)
    expect(names).toEqual(['Apollo', 'Saint-Apollinaire'])
  })
})

describe('finding an intercommunalité', () => {
  it('by its SIREN as well as by its name', () => {
    const territories = [{ siren: '242100410', name: 'Dijon Métropole' }, { siren: '200000001', name: 'Communauté de communes d’essai' }]
    expect(filterByName(territories, '242100410', (territory) => territory.siren).map((territory) => territory.name)).toEqual(['Dijon Métropole'])
    expect(filterByName(territories, 'communaute', (territory) => territory.siren).map((territory) => territory.name)).toEqual(['Communauté de communes d’essai'])
  })
})

describe('the commune picker', () => {
  it('narrows the list as « chenove » is typed, announces the count, and picks Chenôve on tap', () => {
    const onPick = vi.fn()
    render(() => <CommunePicker communes={communes} onPick={onPick} />)
    fireEvent.input(screen.getByLabelText('Rechercher votre commune'), { target: { value: 'chenove' } })
    const list = screen.getByRole('list', { name: 'Communes' })
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual(['Chenôve'])
    expect(screen.getByText('1 commune')).toBeVisible()
    fireEvent.click(within(list).getByRole('button', { name: 'Chenôve' }))
    expect(onPick).toHaveBeenCalledWith(communes[1])
  })

  it('picks the first match with Entrée, for keyboard users', () => {
    const onPick = vi.fn()
    render(() => <CommunePicker communes={communes} onPick={onPick} />)
    const input = screen.getByLabelText('Rechercher votre commune')
    fireEvent.input(input, { target: { value: 'dij' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(onPick).toHaveBeenCalledWith(communes[3])
  })

  it('says when nothing matches', () => {
    render(() => <CommunePicker communes={communes} onPick={() => {}} />)
    fireEvent.input(screen.getByLabelText('Rechercher votre commune'), { target: { value: 'Lyon' } })
    expect(screen.getByText('Aucune commune ne correspond à « Lyon ».')).toBeVisible()
  })
})
