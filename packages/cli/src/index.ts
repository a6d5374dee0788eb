export { main, commands, usage } from './main.js'
export type { Command } from './command.js'
export type { Io, Output } from './io.js'
export { CliError } from './cli-error.js'
