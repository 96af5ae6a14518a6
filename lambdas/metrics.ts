/**
 * The handler's metrics: Powertools Metrics in CloudWatch embedded metric format (EMF), one log
 * line per invocation (and one per error code seen), no CloudWatch API calls. Names, units and
 * dimensions are in metric-names.ts; the construct's dashboard graphs the same names.
 *
 * The lines are serialized by Powertools and written through `write` (standard output by
 * default, which is what Lambda sends to CloudWatch Logs), so a bench or a test can take them.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  BATCH_METRICS,
  DEFAULT_METRICS_NAMESPACE,
  DEFAULT_SERVICE_NAME,
  ERROR_CODE_DIMENSION,
  FAILURES_BY_CODE_METRIC,
  PAGE_STATUS_METRICS,
  PAGE_VALUE_METRICS,
} from './metric-names';
import type { ObjectOutcome } from './process-object';

export interface PipelineMetricsOptions {
  /** CloudWatch namespace. @default DEFAULT_METRICS_NAMESPACE ('Winnow') */
  namespace?: string;
  /** The `service` dimension. @default DEFAULT_SERVICE_NAME ('winnow') */
  serviceName?: string;
  /** Where each EMF line goes. @default a line on standard output */
  write?: (line: string) => void;
}

/**
 * Powertools publishes on its own (to stdout, past `write`) when a metric holds 100 values:
 * flush before that.
 */
const MAX_PAGES_PER_LINE = 90;

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

export class PipelineMetrics {
  readonly namespace: string;
  readonly serviceName: string;
  private readonly write: (line: string) => void;
  private readonly metrics: Metrics;
  /** One Metrics per error code seen: its lines carry the `errorCode` dimension. */
  private readonly byCode = new Map<string, Metrics>();
  private readonly counts = new Map<string, number>();
  private readonly failuresByCode = new Map<string, number>();
  private pagesBuffered = 0;

  constructor(options: PipelineMetricsOptions = {}) {
    this.namespace = options.namespace || DEFAULT_METRICS_NAMESPACE;
    this.serviceName = options.serviceName || DEFAULT_SERVICE_NAME;
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
    this.metrics = this.newMetrics();
  }

  private newMetrics(defaultDimensions?: Record<string, string>): Metrics {
    return new Metrics({ namespace: this.namespace, serviceName: this.serviceName, ...(defaultDimensions ? { defaultDimensions } : {}) });
  }

  private count(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  /** What became of one S3 event (processObject's outcome). */
  recordOutcome(outcome: ObjectOutcome): void {
    if (outcome.skipped) {
      this.count(PAGE_STATUS_METRICS.skipped);
      return;
    }
    const item = outcome.item;
    if (item.status === 'deleted') {
      this.count(PAGE_STATUS_METRICS.deleted);
      return;
    }
    if (item.status === 'failed') {
      this.count(PAGE_STATUS_METRICS.failed);
      const code = item.errorCode ?? 'UNKNOWN';
      this.failuresByCode.set(code, (this.failuresByCode.get(code) ?? 0) + 1);
    } else {
      this.count(PAGE_STATUS_METRICS.done);
    }
    const values: Record<keyof typeof PAGE_VALUE_METRICS, number | undefined> = {
      durationMs: item.durationMs,
      bytesIn: outcome.bytesIn,
      charsKept: item.charsKept ?? 0,
      charsRemoved: item.charsRemoved ?? 0,
      commentBlocksRemoved: item.commentBlocksRemoved ?? 0,
      // Only known when the pipeline splits comment threads (WINNOW_COMMENTS keep-ham / keep-all).
      spamComments: item.spamComments,
    };
    for (const [field, { name, unit }] of Object.entries(PAGE_VALUE_METRICS)) {
      const value = values[field as keyof typeof PAGE_VALUE_METRICS];
      if (value !== undefined) this.metrics.addMetric(name, unit as Unit, value);
    }
    if (++this.pagesBuffered >= MAX_PAGES_PER_LINE) this.flush();
  }

  /** A page left for SQS to retry (an AWS error, the time budget, a busy claim, a failed batch PUT). */
  recordRetry(): void {
    this.count(PAGE_STATUS_METRICS.retried);
  }

  recordBatchObject(lines: number): void {
    this.count(BATCH_METRICS.objects);
    this.count(BATCH_METRICS.lines, lines);
  }

  recordBatchPutFailure(): void {
    this.count(BATCH_METRICS.putFailures);
  }

  /** Writes what was recorded since the last flush (nothing when nothing was): call once per invocation. */
  flush(): void {
    for (const [name, n] of this.counts) this.metrics.addMetric(name, MetricUnit.Count, n);
    this.counts.clear();
    this.pagesBuffered = 0;
    this.publish(this.metrics);
    for (const [code, n] of this.failuresByCode) {
      let metrics = this.byCode.get(code);
      if (!metrics) this.byCode.set(code, (metrics = this.newMetrics({ [ERROR_CODE_DIMENSION]: code })));
      metrics.addMetric(FAILURES_BY_CODE_METRIC, MetricUnit.Count, n);
      this.publish(metrics);
    }
    this.failuresByCode.clear();
  }

  private publish(metrics: Metrics): void {
    if (!metrics.hasStoredMetrics()) return;
    try {
      this.write(JSON.stringify(metrics.serializeMetrics()));
    } finally {
      metrics.clearMetrics();
    }
  }
}

/**
 * From the Lambda environment: `POWERTOOLS_METRICS_NAMESPACE`, `POWERTOOLS_SERVICE_NAME`;
 * Powertools' `POWERTOOLS_METRICS_DISABLED=true` writes nothing.
 */
export function metricsFromEnv(env: NodeJS.ProcessEnv = process.env): PipelineMetrics {
  const disabled = /^(1|true|yes|on)$/i.test((env.POWERTOOLS_METRICS_DISABLED ?? '').trim());
  return new PipelineMetrics({
    namespace: env.POWERTOOLS_METRICS_NAMESPACE,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
    ...(disabled ? { write: () => undefined } : {}),
  });
}
