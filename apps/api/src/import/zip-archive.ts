// XLSX and ODS files are zip archives: opened with jszip, and every entry inflated once, counted,
// before any reader trusts it. A zip bomb (a few kilobytes that inflate to gigabytes) is refused as
// soon as an entry passes its bound, whatever sizes its headers claim.
import type { Readable } from 'node:stream'
import JSZip from 'jszip'
import { importLimits, ImportFileError, type Deadline } from './import-limits.ts'

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`

function inflatedSize(entry: JSZip.JSZipObject, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0
    const stream = entry.nodeStream('nodebuffer') as Readable
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > limit) {
          stream.destroy()
          reject(new ImportFileError(`Le fichier contient une partie (« ${entry.name} ») de plus de ${megabytes(limit)} une fois décompressée : il n’est pas lu.`))
        }
      })
      .on('error', () => reject(new ImportFileError(`Fichier endommagé : sa partie « ${entry.name} » ne se décompresse pas.`)))
      .on('end', () => resolve(size))
  })
}

/** The archive, each of its entries checked against the bounds. */
export async function openArchive(bytes: Uint8Array, deadline: Deadline): Promise<JSZip> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new ImportFileError('Fichier endommagé : ce n’est pas un classeur XLSX ou ODS lisible.')
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir)
  if (entries.length > importLimits.entries) throw new ImportFileError(`Le fichier contient ${entries.length} parties, plus que les ${importLimits.entries} d’un classeur : il n’est pas lu.`)
  let total = 0
  for (const entry of entries) {
    total += await inflatedSize(entry, importLimits.entryBytes)
    if (total > importLimits.archiveBytes) throw new ImportFileError(`Le fichier fait plus de ${megabytes(importLimits.archiveBytes)} une fois décompressé : il n’est pas lu.`)
    deadline.check()
  }
  return zip
}
