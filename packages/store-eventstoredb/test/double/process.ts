import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { EventStoreDoubleOptions } from './server.js'
import { startEventStoreDouble } from './server.js'

/**
 * The double in a child process, as a real server runs apart from its clients: benchmarks use it so that the
 * server's work neither shares a thread with the client being measured nor counts in the client's CPU time.
 * No fault injection from here.
 */
export interface ProcessDouble {
  readonly connectionString: string
  stop(): Promise<void>
}

const FLAG = '--event-store-double'

if (process.argv[2] === FLAG) {
  const parsed: unknown = JSON.parse(process.argv[3] ?? '{}')
  const double = await startEventStoreDouble(typeof parsed === 'object' && parsed !== null ? parsed : {})
  process.stdout.write(`${JSON.stringify({ connectionString: double.directConnectionString })}\n`)
  process.stdin.resume()
  process.stdin.on('end', () => {
    void double.stop().then(() => process.exit(0))
  })
}

export const startEventStoreDoubleProcess = async (
  options: EventStoreDoubleOptions = {},
): Promise<ProcessDouble> => {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@journeykit/source',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      FLAG,
      JSON.stringify(options),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const lines = createInterface({ input: child.stdout })
  const connectionString = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => {
      const cs: unknown = Reflect.get(Object(JSON.parse(line)), 'connectionString')
      if (typeof cs === 'string') resolve(cs)
      else reject(new Error(`the double process said: ${line}`))
    })
    child.once('exit', (code) => reject(new Error(`the double process exited with ${code}`)))
  })
  return {
    connectionString,
    stop: async () => {
      lines.close()
      child.stdin.end()
      await exited
    },
  }
}
