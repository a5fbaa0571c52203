import { createInterface } from 'node:readline'

/** Reads a password without echoing it on a terminal, or as one line from a pipe. */
export async function readPassword(prompt = 'Mot de passe (12 caractères au moins) : '): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
  if (process.stdin.isTTY) {
    process.stdout.write(prompt)
    ;(rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {}
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')))
  rl.close()
  if (process.stdin.isTTY) process.stdout.write('\n')
  return line
}
