// Which reader a file needs, from its first bytes (its name may say anything): a zip archive is an
// XLSX or an ODS workbook, an old binary Excel file is refused with what to do, anything else is CSV.
import { importLimits, ImportFileError, type Deadline, type Workbook } from './import-limits.ts'
import { readCsv } from './read-csv.ts'
import { readOds } from './read-ods.ts'
import { readXlsx } from './read-xlsx.ts'
import { openArchive } from './zip-archive.ts'

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte)

export async function readSpreadsheet(bytes: Uint8Array, deadline: Deadline): Promise<Workbook> {
  if (bytes.length === 0) throw new ImportFileError('Le fichier est vide.')
  if (bytes.length > importLimits.fileBytes) throw new ImportFileError(`Le fichier fait ${(bytes.length / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo, plus que les ${importLimits.fileBytes / 1024 / 1024} Mo acceptés : importez-le en plusieurs parties.`)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new ImportFileError('Les classeurs Excel 97-2003 (.xls) ne sont pas lus : enregistrez le fichier au format .xlsx (Fichier › Enregistrer sous).')
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readCsv(bytes, deadline)
  const zip = await openArchive(bytes, deadline)
  if (zip.file('xl/workbook.xml')) return readXlsx(zip, deadline)
  if (zip.file('content.xml')) return readOds(zip, deadline)
  throw new ImportFileError('Cette archive n’est pas un classeur : enregistrez le tableau au format XLSX, ODS ou CSV.')
}
