/**
 * The pipeline's CloudWatch dashboard: what the handler reports in its EMF log lines
 * (lambdas/metrics.ts; names in lambdas/metric-names.ts) beside what AWS measures of the queue,
 * the dead-letter queue and the function.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  BATCH_METRICS,
  ERROR_CODE_DIMENSION,
  FAILURES_BY_CODE_METRIC,
  PAGE_STATUS_METRICS,
  PAGE_VALUE_METRICS,
} from '../lambdas/metric-names';

export interface WinnowDashboardProps {
  readonly namespace: string;
  /** The `service` dimension of the handler's metrics (`POWERTOOLS_SERVICE_NAME`). */
  readonly serviceName: string;
  readonly handler: lambda.IFunction;
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  readonly alarms: cloudwatch.IAlarm[];
  /** Adds the batch output's graph. */
  readonly batchOutput: boolean;
  /** @default Duration.minutes(5) */
  readonly period?: Duration;
}

const WIDTH = 8;
const HEIGHT = 6;

export class WinnowDashboard extends Construct {
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: WinnowDashboardProps) {
    super(scope, id);
    const period = props.period ?? Duration.minutes(5);
    const emf = (metricName: string, statistic: string, label?: string) => new cloudwatch.Metric({
      namespace: props.namespace,
      metricName,
      dimensionsMap: { service: props.serviceName },
      statistic,
      period,
      ...(label ? { label } : {}),
    });
    const graph = (title: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      new cloudwatch.GraphWidget({ title, left, width: WIDTH, height: HEIGHT, ...extra });

    const statuses = Object.entries(PAGE_STATUS_METRICS).map(([status, name]) => emf(name, cloudwatch.Stats.SUM, status));
    // One line per error code, whichever codes occur: a search over the extra dimension.
    const failuresByCode = new cloudwatch.MathExpression({
      expression: `SEARCH('{${props.namespace},${ERROR_CODE_DIMENSION},service} MetricName="${FAILURES_BY_CODE_METRIC}" service="${props.serviceName}"', 'Sum', ${period.toSeconds()})`,
      usingMetrics: {},
      label: '',
      period,
    });
    const fn = props.handler;

    const pageRow: cloudwatch.IWidget[] = [
      graph('Pages by status', statuses, { stacked: true }),
      graph('Failed pages by error code', [failuresByCode], { stacked: true }),
      graph('Page duration in the handler (ms)', [
        emf(PAGE_VALUE_METRICS.durationMs.name, cloudwatch.Stats.p(50), 'p50'),
        emf(PAGE_VALUE_METRICS.durationMs.name, cloudwatch.Stats.p(90), 'p90'),
        emf(PAGE_VALUE_METRICS.durationMs.name, cloudwatch.Stats.MAXIMUM, 'max'),
      ]),
    ];
    const contentRow: cloudwatch.IWidget[] = [
      graph('Bytes in', [emf(PAGE_VALUE_METRICS.bytesIn.name, cloudwatch.Stats.SUM, 'bytes read')]),
      graph('Characters kept and removed', [
        emf(PAGE_VALUE_METRICS.charsKept.name, cloudwatch.Stats.SUM, 'kept'),
        emf(PAGE_VALUE_METRICS.charsRemoved.name, cloudwatch.Stats.SUM, 'removed'),
      ]),
      graph('Comments', [
        emf(PAGE_VALUE_METRICS.commentBlocksRemoved.name, cloudwatch.Stats.SUM, 'comment blocks removed'),
        emf(PAGE_VALUE_METRICS.spamComments.name, cloudwatch.Stats.SUM, 'spam comments'),
      ]),
    ];
    const queueRow: cloudwatch.IWidget[] = [
      graph('Queue depth', [props.queue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'visible' }),
        props.queue.metricApproximateNumberOfMessagesNotVisible({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'in flight' })], {
        right: [props.queue.metricApproximateAgeOfOldestMessage({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'oldest (s)' })],
      }),
      graph('Dead letters', [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'dead letters' })]),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: WIDTH, height: HEIGHT }),
    ];
    const functionRow: cloudwatch.IWidget[] = [
      graph('Function errors and throttles', [
        fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM, label: 'errors' }),
        fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM, label: 'throttles' }),
      ]),
      graph('Function duration (ms)', [
        fn.metricDuration({ period, statistic: cloudwatch.Stats.p(50), label: 'p50' }),
        fn.metricDuration({ period, statistic: cloudwatch.Stats.p(99), label: 'p99' }),
        fn.metricDuration({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'max' }),
      ]),
      graph('Function concurrency', [fn.metric('ConcurrentExecutions', { period, statistic: cloudwatch.Stats.MAXIMUM, label: 'concurrent executions' })]),
    ];
    const rows = [pageRow, contentRow, queueRow, functionRow];
    if (props.batchOutput) {
      rows.push([graph('Batch output', [
        emf(BATCH_METRICS.objects, cloudwatch.Stats.SUM, 'objects written'),
        emf(BATCH_METRICS.lines, cloudwatch.Stats.SUM, 'lines written'),
        emf(BATCH_METRICS.putFailures, cloudwatch.Stats.SUM, 'failed PUTs (records retried)'),
      ])]);
    }
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: rows,
    });
  }
}
