import { ConsoleLogger } from '@nestjs/common';
import type { LogLevel as SdkLogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import { logLevelsFrom, type LogFormat, type LogLevel } from '../config';
import { workflowSubjects } from '../domain/ids';

/** Values never written to a log, at any depth of what is logged with a message. */
const REDACTED = ['password', 'token', 'apiKey', 'authorization', 'secret', 'confirmationCode'];

/**
 * The process's logger: in `json`, one object a line (`level`, `timestamp`, `context`, `message`, and the fields
 * logged with it as keys of their own); in `text`, Nest's lines for a person.
 */
export function createLogger(options: { logLevel: LogLevel; logFormat: LogFormat }): ConsoleLogger {
  return new ConsoleLogger({
    logLevels: logLevelsFrom(options.logLevel),
    json: options.logFormat === 'json',
    flattenParams: true,
    redact: REDACTED,
  });
}

const TO_NEST = { TRACE: 'debug', DEBUG: 'debug', INFO: 'log', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The Temporal SDK's logs (workflows, activities, the worker, its core) through `logger`, each with the workflow id
 * and run id it concerns and, read from the workflow id, its cycle and entry.
 */
export function temporalLogger(logger: ConsoleLogger): SdkLogger {
  const write = (level: SdkLogLevel, message: string, meta: LogMetadata = {}) => {
    const workflowId = typeof meta.workflowId === 'string' ? meta.workflowId : undefined;
    const { workflowRunId, ...rest } = meta as LogMetadata & { workflowRunId?: string };
    const fields = {
      ...rest,
      ...(workflowRunId && !rest.runId ? { runId: workflowRunId } : {}),
      ...(workflowId ? workflowSubjects(workflowId) : {}),
    };
    logger[TO_NEST[level]](message, fields, 'Temporal');
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
