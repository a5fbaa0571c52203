import fs from 'node:fs'
import os from 'node:os'

const ticksPerSecond = 100 // USER_HZ: 100 on every Linux kernel Node runs on

/** The process and its descendants (tsx runs the server in a child Node process). */
function processTree(pid: number): number[] {
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
