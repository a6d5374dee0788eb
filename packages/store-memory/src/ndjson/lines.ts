/** Cuts a stream of NDJSON chunks into lines; `end` passes on the last line when it has no line end. */
export interface LineCutter {
  readonly push: (chunk: string | Buffer) => void
  readonly end: () => void
}

const LF = 10
const CR = 13

/**
 * Passes each complete line of the chunks pushed (without its `\n` or `\r\n`) to `each`, in a plain loop per
 * chunk: an async generator yielding line by line would cost a promise per line. Bytes are cut before they are
 * decoded, each line on its own: an ASCII line becomes a one-byte string whatever else its chunk holds (a chunk
 * decoded whole becomes two-byte when one character in it needs it), and cutting and parsing bytes ran 2.7–3.0 µs
 * per line against 3.5–4.8 for decoding chunks and cutting text (112,324 lines). A character whose UTF-8 bytes
 * straddle two chunks is decoded whole: no byte of a multi-byte character is a line feed. String chunks (a
 * stream with an encoding set) are cut as text.
 */
export const lineCutter = (each: (line: string) => void): LineCutter => {
  let bytes: Buffer | undefined
  let text = ''

  const pushBytes = (chunk: Buffer): void => {
    const all = bytes === undefined ? chunk : Buffer.concat([bytes, chunk])
    bytes = undefined
    let start = 0
    for (let end = all.indexOf(LF); end !== -1; end = all.indexOf(LF, start)) {
      const line = all.toString('utf8', start, end > start && all[end - 1] === CR ? end - 1 : end)
      start = end + 1
      each(line)
    }
    if (start < all.length) bytes = all.subarray(start)
  }

  const pushText = (chunk: string): void => {
    const all = text + chunk
    text = ''
    let start = 0
    for (let end = all.indexOf('\n'); end !== -1; end = all.indexOf('\n', start)) {
      const line = all.slice(start, end > start && all.charCodeAt(end - 1) === CR ? end - 1 : end)
      start = end + 1
      each(line)
    }
    text = all.slice(start)
  }

  return {
    push: (chunk) => {
      if (typeof chunk !== 'string' && text === '') return pushBytes(chunk)
      // a stream gives strings or bytes, not both; should it change, what is pending is joined as text
      const pending = bytes === undefined ? '' : bytes.toString('utf8')
      bytes = undefined
      pushText(pending + (typeof chunk === 'string' ? chunk : chunk.toString('utf8')))
    },
    end: () => {
      const last = (bytes === undefined ? '' : bytes.toString('utf8')) + text
      bytes = undefined
      text = ''
      if (last !== '') each(last)
    },
  }
}
