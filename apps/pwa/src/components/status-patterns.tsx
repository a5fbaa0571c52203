import { For } from 'solid-js'
import type { ActionStatus } from '@mutualis/domain'
import { statusOrder } from '../lib/dashboard.rules.ts'

// Each status has a colour and a texture, so segments stay distinguishable without colour vision.
const styles: Record<ActionStatus, { colour: string; texture: 'solid' | 'stripes' | 'dots' | 'cross' | 'rows' | 'columns' }> = {
  IMPLEMENTED: { colour: '#1b6e3c', texture: 'solid' },
  IN_PROGRESS: { colour: '#2260c4', texture: 'stripes' },
  PLANNED: { colour: '#6b3fb5', texture: 'dots' },
  TO_STUDY: { colour: '#9a5b00', texture: 'cross' },
  NOT_STARTED: { colour: '#5f6670', texture: 'rows' },
  NO_PROGRESS: { colour: '#b3261e', texture: 'columns' },
  ABANDONED: { colour: '#2b2b2b', texture: 'solid' },
  NOT_REPORTED: { colour: '#9aa0a8', texture: 'dots' },
}

export const patternFill = (status: ActionStatus) => `url(#motif-${status.toLowerCase()})`

/** The pattern definitions, rendered once per page; the chart and the legend refer to them. */
export function StatusPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        <For each={statusOrder}>
          {(status) => {
            const { colour, texture } = styles[status]
            return (
              <pattern id={`motif-${status.toLowerCase()}`} width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" fill={colour} />
                {texture === 'stripes' && <path d="M-1,7 L7,-1" stroke="#fff" stroke-width="1.4" />}
                {texture === 'dots' && <circle cx="3" cy="3" r="1.2" fill="#fff" />}
                {texture === 'cross' && <path d="M0,0 L6,6 M6,0 L0,6" stroke="#fff" stroke-width="1" />}
                {texture === 'rows' && <path d="M0,3 L6,3" stroke="#fff" stroke-width="1.2" />}
                {texture === 'columns' && <path d="M3,0 L3,6" stroke="#fff" stroke-width="1.2" />}
              </pattern>
            )
          }}
        </For>
      </defs>
    </svg>
  )
}
