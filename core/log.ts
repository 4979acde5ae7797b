/** The process's log lines, filtered by LOG_LEVEL: `silent` < `error` < `info` < `debug`. Errors go to stderr. */
export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  error(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(level: LogLevel, sink: { out(line: string): void; err(line: string): void } = { out: console.log, err: console.error }): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const nop = () => {};
  return {
    error: rank >= 1 ? (m) => sink.err(m) : nop,
    info: rank >= 2 ? (m) => sink.out(m) : nop,
    debug: rank >= 3 ? (m) => sink.out(m) : nop,
  };
}
