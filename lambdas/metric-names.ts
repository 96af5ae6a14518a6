/**
 * The handler's CloudWatch metrics (embedded metric format, lambdas/metrics.ts), as data: the
 * handler emits them and the construct's dashboard (cdk/dashboard.ts) graphs them by these
 * names. No AWS SDK or Powertools here, so the CDK side can import it.
 */

/** Namespace when none is configured (`POWERTOOLS_METRICS_NAMESPACE`, CDK `metricsNamespace`). */
export const DEFAULT_METRICS_NAMESPACE = 'Winnow';

/** The one dimension every metric has (Powertools' `service`), from `POWERTOOLS_SERVICE_NAME`. */
export const DEFAULT_SERVICE_NAME = 'winnow';

/** Pages by what became of them; one count per S3 event handled. */
export const PAGE_STATUS_METRICS = {
  done: 'PagesDone',
  failed: 'PagesFailed',
  deleted: 'PagesDeleted',
  skipped: 'PagesSkipped',
  /** Left for SQS to retry: an AWS error, the time budget, another invocation's claim, a failed batch PUT. */
  retried: 'PagesRetried',
} as const;

/** Failed pages by error code: this metric with the extra dimension `errorCode`. */
export const FAILURES_BY_CODE_METRIC = 'PageFailures';
export const ERROR_CODE_DIMENSION = 'errorCode';

/** Per cleaned page (done or failed, not skipped): one value each, so sums, averages and percentiles work. */
export const PAGE_VALUE_METRICS = {
  durationMs: { name: 'PageDuration', unit: 'Milliseconds' },
  bytesIn: { name: 'BytesIn', unit: 'Bytes' },
  charsKept: { name: 'CharsKept', unit: 'Count' },
  charsRemoved: { name: 'CharsRemoved', unit: 'Count' },
  commentBlocksRemoved: { name: 'CommentBlocksRemoved', unit: 'Count' },
  spamComments: { name: 'SpamComments', unit: 'Count' },
} as const;

/** The `batch` output: objects written (with their lines) and PUTs that failed (their records retried). */
export const BATCH_METRICS = {
  objects: 'BatchObjects',
  lines: 'BatchLines',
  putFailures: 'BatchPutFailures',
} as const;
