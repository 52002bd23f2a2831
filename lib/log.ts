import pino from "pino";

/**
 * The process logger: one JSON line per event on stdout (pino), so an
 * operator's log shipper can index request errors and faults by field.
 * Every line carries `service` and `pid`; request-scoped lines add `reqId`
 * (the x-request-id the server gives each request). NEWSDESK_LOG_LEVEL sets
 * the level (default info; tests are silent unless asked).
 */
export const logger = pino({
  level: process.env.NEWSDESK_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "newsdesk", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
