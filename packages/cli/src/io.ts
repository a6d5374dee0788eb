/** Where a command writes: the report on stdout, progress and errors on stderr. */
export interface Io {
  readonly stdout: Output
  readonly stderr: Output
}

export interface Output {
  write(text: string): unknown
  readonly isTTY?: boolean
}

export const println = (out: Output, text = ''): void => {
  out.write(`${text}\n`)
}
