import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ProgressForm } from '../../apps/pwa/src/components/progress-form.tsx'

afterEach(cleanup)

// 28 November 2026, 10:00 on the device.
const today = () => new Date(2026, 10, 28, 10, 0)

function field(label: RegExp) {
  return screen.getByLabelText(label) as HTMLInputElement
}

describe('« Ajouter un point d’avancement »', () => {
  it('starts from today and the action’s current status', () => {
    render(() => <ProgressForm currentStatus="IN_PROGRESS" onSave={() => {}} today={today} />)
    expect(field(/^date$/i).value).toBe('2026-11-28')
    expect((screen.getByLabelText(/statut après ce point/i) as HTMLSelectElement).value).toBe('IN_PROGRESS')
    expect(field(/instance/i).value).toBe('')
  })

  it('hands over status, note, date and meeting, then clears the note for the next point', async () => {
    const onSave = vi.fn()
    render(() => <ProgressForm currentStatus="IN_PROGRESS" onSave={onSave} today={today} />)
    fireEvent.change(screen.getByLabelText(/statut après ce point/i), { target: { value: 'IMPLEMENTED' } })
    fireEvent.input(field(/^point d'avancement/i), { target: { value: 'Convention signée par les deux parties.' } })
    fireEvent.input(field(/^date$/i), { target: { value: '2026-11-27' } })
    fireEvent.input(field(/instance/i), { target: { value: 'Comité de pilotage' } })
    fireEvent.click(screen.getByRole('button', { name: /enregistrer le point d'avancement/i }))

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1))
    expect(onSave).toHaveBeenCalledWith({ status: 'IMPLEMENTED', note: 'Convention signée par les deux parties.', date: '2026-11-27', meeting: 'Comité de pilotage' })
    await waitFor(() => expect(field(/^point d'avancement/i).value).toBe(''))
    // What became of it shows in the history; the form only relays it to screen readers.
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('says to screen readers what the page says of the point just saved, and nothing about the device', () => {
    render(() => <ProgressForm currentStatus="IN_PROGRESS" onSave={() => {}} today={today} announcement="Point d’avancement enregistré." />)
    expect(screen.getByRole('status').textContent).toBe('Point d’avancement enregistré.')
    expect(document.body.textContent).not.toMatch(/sur l’appareil/)
  })

  it('refuses an empty note, says why next to the field, and moves focus there', async () => {
    const onSave = vi.fn()
    render(() => <ProgressForm currentStatus="PLANNED" onSave={onSave} today={today} />)
    fireEvent.input(field(/^point d'avancement/i), { target: { value: '   ' } })
    fireEvent.click(screen.getByRole('button', { name: /enregistrer/i }))
    await waitFor(() => expect(screen.getByText('Ce champ est obligatoire.')).toBeVisible())
    const note = field(/^point d'avancement/i)
    expect(note.getAttribute('aria-invalid')).toBe('true')
    expect(note.getAttribute('aria-describedby')).toBe('note-erreur')
    expect(document.activeElement).toBe(note)
    expect(onSave).not.toHaveBeenCalled()
  })

  it('refuses a date in the future', async () => {
    const onSave = vi.fn()
    render(() => <ProgressForm currentStatus="PLANNED" onSave={onSave} today={today} />)
    fireEvent.input(field(/^point d'avancement/i), { target: { value: 'Réunion tenue.' } })
    fireEvent.input(field(/^date$/i), { target: { value: '2027-01-15' } })
    fireEvent.click(screen.getByRole('button', { name: /enregistrer/i }))
    await waitFor(() => expect(screen.getByText('La date est dans le futur.')).toBeVisible())
    expect(onSave).not.toHaveBeenCalled()
  })
})
