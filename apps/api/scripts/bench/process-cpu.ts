import fs from 'node:fs'
import os from 'node:os'

const ticksPerSecond = 100 // USER_HZ: 100 on every Linux kernel Node runs on

/** The process and its descendants (tsx runs the server in a child Node process). */
export function processTree(pid: number): number[] {
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) {
    for (const task of safeList(`/proc/${tree[i]}/task`)) {
      const children = safeRead(`/proc/${tree[i]}/task/${task}/children`)
      for (const child of children.split(' ').filter(Boolean)) tree.push(Number(child))
    }
  }
  return tree
}

const safeList = (dir: string) => { try { return fs.readdirSync(dir) } catch { return [] } }
const safeRead = (file: string) => { try { return fs.readFileSync(file, 'utf8') } catch { return '' } }

/**
 * CPU seconds used so far by a process and its descendants (user + system), from /proc. Null
 * where /proc is missing (not Linux): the harness then prints no server load.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || os.platform() !== 'linux') return null
  let ticks = 0
  for (const member of processTree(pid)) {
    // Fields after the command name (which may hold spaces, hence the last parenthesis): utime is the 14th field, stime the 15th.
    const stat = safeRead(`/proc/${member}/stat`)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
  }
  return ticks / ticksPerSecond
}

/** A /proc/<pid>/status field in kB, as bytes. */
function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(safeRead(`/proc/${pid}/status`))?.[1]
  return Number(kilobytes ?? 0) * 1024
}

/**
 * Memory of the largest process of the tree (the Node process running the server, not tsx):
 * its resident set now, or at its peak (VmHWM). Null where /proc is missing.
 */
export function residentBytes(pid: number | undefined, which: 'now' | 'peak'): number | null {
  if (pid === undefined || os.platform() !== 'linux') return null
  return Math.max(...processTree(pid).map((member) => statusBytes(member, which === 'peak' ? 'VmHWM' : 'VmRSS')))
}

/** Starts the peak (VmHWM) of the tree again from the current resident set, so a phase can be measured alone. */
export function resetPeakResident(pid: number | undefined): boolean {
  if (pid === undefined || os.platform() !== 'linux') return false
  try {
    for (const member of processTree(pid)) fs.writeFileSync(`/proc/${member}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}
