/**
 * The package's `winnow/lambda` entry: the Lambda handler (clients and configuration from the
 * environment) and the factory that builds one from your own clients and configuration.
 */
export { handler, createHandler, type Handler, type HandlerDeps, type HandlerLogger } from './handler';
export { clientsFromEnv, configFromEnv, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MIN_REMAINING_MS } from './clients';
export { processObject, TimeBudgetError, ObjectBusyError, type PipelineClients, type PipelineConfig, type ObjectOutcome } from './process-object';
export { outputKeys, parseOutputs, OUTPUT_KINDS, DEFAULT_OUTPUTS, type OutputKeys, type OutputKind } from './output-keys';
export { PipelineMetrics, metricsFromEnv, type PipelineMetricsOptions } from './metrics';
export { BatchWriteError } from './batch-output';
export { idempotencyKey, BATCH_PREFIX, type BatchLine } from './batch-line';
export type { PageItem, ItemStatus, ItemClaim, ClaimOnlyItem, TableItem } from './item';
export type { BackfillBatch, BackfillBatchResult, BackfillItem } from './backfill';
export { EventsClientMissingError, PageEventError } from './events';
export { DETAIL_TYPES, EVENT_SOURCE, pageEventDetail, type EventsConfig, type PageDetailType, type PageEventDetail } from './page-event';
