import pino from 'pino';
import type { ServerConfig } from './config.js';

export function createLogger(config: Pick<ServerConfig, 'logLevel'>) {
  return pino({ level: config.logLevel, base: { service: 'zhengfa' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type AppLogger = ReturnType<typeof createLogger>;
