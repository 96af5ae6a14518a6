/**
 * The Lambda handler: SQS messages carrying S3 event notifications → the winnow engine →
 * clean text and JSON in the output bucket, a metadata item in DynamoDB.
 *
 * Partial batch responses (Powertools batch): a message whose processing hit an AWS error is
 * reported in `batchItemFailures` and retried by SQS; bad input is not an error here — it ends
 * as a `failed` item and the message is acknowledged.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { isBackfillBatch, processBackfillBatch, type BackfillBatch, type BackfillBatchResult } from './backfill';
import { BatchLines, s3BatchWriter } from './batch-output';
import { BatchEvents } from './event-batch';
import { Rendezvous } from './rendezvous';
import { clientsFromEnv, configFromEnv } from './clients';
import { metricsFromEnv, type PipelineMetrics } from './metrics';
import { DEFAULT_OUTPUTS } from './output-keys';
import { EventsClientMissingError } from './events';
import { ObjectBusyError, processObject, TimeBudgetError, type BatchContext, type PipelineClients, type PipelineConfig } from './process-object';
import { parseMessageBody } from './s3-events';

/**
 * What the handler logs through: a Powertools `Logger` (or anything with these methods). A
 * structural type, so a Logger from either the CommonJS or the ES module build of Powertools fits.
 */
export type HandlerLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface HandlerDeps {
  clients: PipelineClients;
  config: PipelineConfig;
  logger: HandlerLogger;
  /** CloudWatch EMF metrics, one line per invocation (lambdas/metrics.ts); none when absent. `handler` builds them from the environment. */
  metrics?: PipelineMetrics;
}

export type Handler = (event: SQSEvent, context?: Partial<Context>) => Promise<SQSBatchResponse>;

export function createHandler(deps: HandlerDeps): Handler {
  const { clients, config, logger, metrics } = deps;
  if (config.events && !clients.eventbridge) throw new EventsClientMissingError();
  const processor = new BatchProcessor(EventType.SQS);
  // The `batch` output: one object for the batch's lines, written before their items (batch-output.ts).
  const writeBatch = (config.outputs ?? DEFAULT_OUTPUTS).includes('batch')
    ? s3BatchWriter(clients.s3, config.outputBucket, {
      written: (_key, lines) => metrics?.recordBatchObject(lines),
      failed: () => metrics?.recordBatchPutFailure(),
    })
    : undefined;

  const recordHandler = async (record: SQSRecord, context: Partial<Context> | undefined, batch: BatchContext): Promise<void> => {
    const remainingMs = () =>
      typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Infinity;
    const message = parseMessageBody(record.body);
    if (message.type === 'test') {
      logger.info('ignored the s3:TestEvent message', { messageId: record.messageId });
      return;
    }
    if (message.type === 'unknown') {
      // Not an S3 notification: retrying cannot help, so it is acknowledged and logged.
      logger.warn('ignored a message that is not an S3 event notification', { messageId: record.messageId, reason: message.reason });
      return;
    }
    for (const event of message.events) {
      try {
        const outcome = await processObject(event, clients, config, remainingMs, batch);
        metrics?.recordOutcome(outcome);
        logger.info('object', {
          bucket: event.bucket,
          key: event.key,
          event: event.eventName,
          status: outcome.skipped ? `skipped-${outcome.skipped}` : outcome.item.status,
          reason: outcome.skipReason,
          code: outcome.item.errorCode,
          bytesIn: outcome.bytesIn,
          textChars: outcome.textChars,
          ms: outcome.item.durationMs,
          eventSent: outcome.eventSent,
        });
      } catch (err) {
        metrics?.recordRetry();
        if (err instanceof TimeBudgetError || err instanceof ObjectBusyError) logger.warn('object left for a retry', { key: event.key, reason: err.message });
        else logger.error('object will be retried', { bucket: event.bucket, key: event.key, event: event.eventName, error: err as Error });
        throw err;
      }
    }
  };

  return async (event, context) => {
    // The records meet before their batch object is written and before their events are put
    // (one object, and one PutEvents per 10 events, for the batch): lambdas/rendezvous.ts.
    const rendezvous = new Rendezvous(event.Records.length);
    const lines = writeBatch ? new BatchLines(rendezvous, writeBatch) : undefined;
    const events = config.events && clients.eventbridge
      ? new BatchEvents(rendezvous, clients.eventbridge, { outputBucket: config.outputBucket, events: config.events })
      : undefined;
    try {
      return await processPartialResponse(event, (record: SQSRecord, ctx?: Partial<Context>) => {
        const turn = rendezvous.record();
        return recordHandler(record, ctx, { messageId: record.messageId, lines: lines?.sink(turn), events: events?.sink(turn) })
          .finally(() => turn.finish());
      }, processor, {
        context: context as Context | undefined,
        throwOnFullBatchFailure: false,
        // Records run concurrently (Powertools' default, stated here because the batch output's
        // lines and the events wait for every record of the batch: one at a time, the first
        // would wait forever).
        processInParallel: true,
      });
    } finally {
      metrics?.flush();
    }
  };
}

let lambdaHandler: Handler | null = null;
let deps: HandlerDeps | null = null;

/**
 * The Lambda entry point: clients and configuration are built once per container. The same
 * function also takes the backfill state machine's batches (lambdas/backfill.ts).
 */
export function handler(event: SQSEvent, context?: Partial<Context>): Promise<SQSBatchResponse>;
export function handler(event: BackfillBatch, context?: Partial<Context>): Promise<BackfillBatchResult>;
export function handler(event: SQSEvent | BackfillBatch, context?: Partial<Context>): Promise<SQSBatchResponse | BackfillBatchResult> {
  deps ??= {
    clients: clientsFromEnv(),
    config: configFromEnv(),
    logger: new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'winnow' }),
    metrics: metricsFromEnv(),
  };
  if (isBackfillBatch(event)) {
    const remainingMs = typeof context?.getRemainingTimeInMillis === 'function' ? () => context.getRemainingTimeInMillis!() : undefined;
    return processBackfillBatch(event, deps.clients, deps.config, remainingMs);
  }
  lambdaHandler ??= createHandler(deps);
  return lambdaHandler(event, context);
}
