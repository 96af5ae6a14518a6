/**
 * WinnowPipeline: the reusable construct behind the winnow stack.
 *
 *   input bucket ──(S3 event notifications: ObjectCreated:*, ObjectRemoved:*)──▶ SQS queue
 *        SQS queue ──(event source mapping, partial batch failures)──▶ Lambda (lambdas/handler.ts)
 *        Lambda ──▶ output bucket (text/<key>, json/<key>.json) + DynamoDB item
 *        SQS queue ──(after maxReceiveCount receives)──▶ dead-letter queue ──▶ alarm
 *
 * Everything is encrypted, TLS-only and private; the function's role holds only the actions it
 * uses (no `*` action anywhere). The construct acknowledges its own cdk-nag (AwsSolutions)
 * findings, each with its reason, so a stack that runs cdk-nag over it stays clean.
 */
import { parseMarkdownExtras, parseOutputs } from '../lambdas/output-keys';
import { DEFAULT_METRICS_NAMESPACE, DEFAULT_SERVICE_NAME } from '../lambdas/metric-names';
import { createBackfill, type WinnowBackfillProps } from './backfill';
import { BatchTable } from './batch-table';
import { checkInt, nagResourceName } from './checks';
import { WinnowDashboard } from './dashboard';
import { createHandlerFunction } from './handler-function';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { connectPageEvents } from './winnow-events';

/**
 * Feature flags the construct needs whatever the app says: server access logs delivered by a
 * bucket policy (not the LogDeliveryWrite ACL, which BucketOwnerEnforced buckets refuse).
 */
const PINNED_FEATURE_FLAGS: Record<string, boolean> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/** Defaults of every tunable; `cdk.json`'s context defaults mirror these (a test checks it). */
export const WINNOW_DEFAULTS = {
  maxReceiveCount: 5,
  memorySize: 1024,
  timeoutSeconds: 60,
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  maxConcurrency: 10,
  logRetentionDays: 30,
  logLevel: 'INFO',
  comments: 'drop',
  outputs: 'text,json',
  markdown: 'none',
  metricsNamespace: DEFAULT_METRICS_NAMESPACE,
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

/** What the handler does with comment threads (`WINNOW_COMMENTS`, the engine's `comments` option). */
export const COMMENT_MODES = ['drop', 'keep-ham', 'keep-all'] as const;

/** SQS recommends a queue visibility timeout of at least six times the function timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** Log levels the handler (Powertools logger) understands. */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'] as const;

export interface WinnowPipelineProps {
  /**
   * An existing bucket to read pages from. Its event notifications are added to (existing
   * notification configurations of an imported bucket are kept). If the bucket is encrypted with
   * a customer-managed KMS key, grant `kms:Decrypt` on it to `pipeline.handler` yourself.
   * @default - a new private, encrypted, TLS-only bucket with server access logs
   */
  readonly inputBucket?: s3.IBucket;

  /**
   * Only objects whose key starts with this prefix produce events (and may be read).
   * @default - every key
   */
  readonly inputPrefix?: string;

  /**
   * Only objects whose key ends with this suffix produce events.
   * @default - every key
   */
  readonly inputSuffix?: string;

  /**
   * Receives of one message before it moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;

  /**
   * Memory of the function, in MB (128 to 10240).
   * @default 1024
   */
  readonly memorySize?: number;

  /**
   * Timeout of the function. The queue's visibility timeout is six times this plus the batching
   * window.
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;

  /**
   * Messages handed to one invocation (1 to 10, or up to 10000 with a batching window).
   * @default 10
   */
  readonly batchSize?: number;

  /**
   * How long the event source gathers messages before invoking (0 to 5 minutes).
   * @default Duration.seconds(0)
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * Most concurrent invocations the SQS event source starts (2 to 1000, an AWS limit).
   * @default 10
   */
  readonly maxConcurrency?: number;

  /**
   * Retention of the function's log group.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * `LOG_LEVEL` passed to the handler.
   * @default 'INFO'
   */
  readonly logLevel?: string;

  /**
   * Comment threads: `drop` removes them; `keep-ham` also splits them into comments and keeps
   * the genuine ones (spam classifier) in the JSON output, with counts in the table item;
   * `keep-all` keeps every comment with its spam score. Passed as `WINNOW_COMMENTS`.
   * @default 'drop'
   */
  readonly comments?: string;

  /**
   * Which outputs the handler writes, comma-separated: `text` (text/<key>), `markdown`
   * (md/<key>.md, with YAML front matter), `json` (json/<key>.json), `batch` (one gzipped
   * JSON-lines object per SQS batch under batches/dt=YYYY-MM-DD/hour=HH/, with a Glue table
   * over it: `batchTable`). Passed as `WINNOW_OUTPUTS`.
   * @default 'text,json'
   */
  readonly outputs?: string;

  /**
   * CloudWatch namespace of the handler's metrics (EMF log lines; `POWERTOOLS_METRICS_NAMESPACE`)
   * and of the dashboard's graphs of them.
   * @default 'Winnow'
   */
  readonly metricsNamespace?: string;

  /**
   * Adds the CloudWatch dashboard (the handler's metrics beside the queue's and the function's).
   * @default true
   */
  readonly dashboard?: boolean;

  /**
   * With the `batch` output: the Glue database of the table over `batches/`.
   * @default - from the construct path, lower case
   */
  readonly batchDatabaseName?: string;

  /**
   * What the Markdown output adds, comma-separated: `links` ([text](url)), `images`
   * (![alt](src)), `no-emphasis` (leave out emphasis and inline code); `none` for neither.
   * Links and images are off by default: the words stay, addresses and alt text are extra.
   * Passed as `WINNOW_MARKDOWN`.
   * @default 'none'
   */
  readonly markdown?: string;

  /**
   * Removal policy of the data: created input bucket, output bucket, access-log bucket, table,
   * log group. With DESTROY, CloudFormation still cannot delete a bucket that holds objects.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Where the created buckets send S3 server access logs.
   * @default - a new private, encrypted, TLS-only bucket whose logs expire after 90 days
   */
  readonly serverAccessLogsBucket?: s3.IBucket;

  /**
   * Your own handler's entry file (exporting `handler`), bundled by NodejsFunction (esbuild) at synth.
   * @default - winnow's handler: the bundle shipped in the package (`dist/lambda-asset`); in a checkout, `<repo>/lambdas/handler.ts` bundled by `scripts/build.cjs` at synth
   */
  readonly entry?: string;

  /**
   * Adds the backfill state machine: a Step Functions Distributed Map over the input bucket's
   * objects (execution input `{"prefix": "...", "force": false}`) that invokes the handler with
   * batches of objects (lambdas/backfill.ts), results written to `backfill-results/` in the
   * output bucket.
   * @default - no backfill state machine
   */
  readonly backfill?: WinnowBackfillProps;

  /**
   * Put an event per processed page on an EventBridge bus (source `winnow`, detail-type
   * `Page Cleaned`, `Page Failed` or `Page Deleted`), so that downstream jobs need not poll.
   * @default true
   */
  readonly events?: boolean;

  /**
   * The bus for the page events (yours, perhaps of another account: the function may then only
   * put events on it; that account's bus policy must let it).
   * @default - a new bus, when `events` is on
   */
  readonly eventBus?: events.IEventBus;
}

/** Id of the singleton Lambda that CDK adds to a stack to configure bucket notifications. */
const BUCKET_NOTIFICATIONS_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

export class WinnowPipeline extends Construct {
  /** The bucket pages are uploaded to (created or imported). */
  public readonly inputBucket: s3.IBucket;
  /** The bucket the handler writes `text/<key>` and `json/<key>.json` to. */
  public readonly outputBucket: s3.Bucket;
  /** The bucket receiving S3 server access logs of the created buckets. */
  public readonly accessLogsBucket: s3.IBucket;
  /** The queue receiving the input bucket's event notifications. */
  public readonly queue: sqs.Queue;
  /** Messages received `maxReceiveCount` times without success end up here. */
  public readonly deadLetterQueue: sqs.Queue;
  /** One item per processed page; GSI `byStatus` lists items by status and time. */
  public readonly table: dynamodb.Table;
  /** The page-cleaning function. */
  public readonly handler: lambda.Function;
  /** The function's log group. */
  public readonly logGroup: logs.LogGroup;
  /** Fires when any message is in the dead-letter queue. Add actions (SNS, ...) as needed. */
  public readonly deadLetterQueueAlarm: cloudwatch.Alarm;
  /** Fires when the function reports errors (invocation failures, not per-message failures). */
  public readonly errorsAlarm: cloudwatch.Alarm;
  /** The backfill state machine, when `backfill` is set. */
  public readonly backfillStateMachine?: sfn.StateMachine;
  /** The S3 Inventory bucket the backfill reads `{manifest}` from, when set. */
  public readonly backfillInventoryBucket?: s3.IBucket;
  /** With the `batch` output: the Glue database and table over `batches/` (Athena, partition projection). */
  public readonly batchTable?: BatchTable;
  /** The CloudWatch dashboard, unless `dashboard: false`. */
  public readonly dashboard?: cloudwatch.Dashboard;
  /** The bus the page events go to (created or given); undefined when `events` is off. */
  public readonly eventBus?: events.IEventBus;

  constructor(scope: Construct, id: string, props: WinnowPipelineProps = {}) {
    super(scope, id);
    // The feature flags this construct's resources rely on, pinned for its own subtree, so it
    // synthesizes the same in any app (one made with an older `cdk init` lacks them).
    for (const [flag, value] of Object.entries(PINNED_FEATURE_FLAGS)) this.node.setContext(flag, value);

    const removalPolicy = props.removalPolicy ?? WINNOW_DEFAULTS.removalPolicy;
    const maxReceiveCount = checkInt('maxReceiveCount', props.maxReceiveCount ?? WINNOW_DEFAULTS.maxReceiveCount, 1, 1000);
    const memorySize = checkInt('memorySize', props.memorySize ?? WINNOW_DEFAULTS.memorySize, 128, 10240);
    const timeout = props.timeout ?? Duration.seconds(WINNOW_DEFAULTS.timeoutSeconds);
    checkInt('timeout (seconds)', timeout.toSeconds(), 1, 900);
    const maxBatchingWindow = props.maxBatchingWindow ?? Duration.seconds(WINNOW_DEFAULTS.maxBatchingWindowSeconds);
    checkInt('maxBatchingWindow (seconds)', maxBatchingWindow.toSeconds(), 0, 300);
    const batchSize = checkInt('batchSize', props.batchSize ?? WINNOW_DEFAULTS.batchSize, 1,
      maxBatchingWindow.toSeconds() > 0 ? 10000 : 10);
    const maxConcurrency = checkInt('maxConcurrency', props.maxConcurrency ?? WINNOW_DEFAULTS.maxConcurrency, 2, 1000);
    const logLevel = (props.logLevel ?? WINNOW_DEFAULTS.logLevel).toUpperCase();
    if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
      throw new Error(`WinnowPipeline: logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${props.logLevel}`);
    }
    const comments = (props.comments ?? WINNOW_DEFAULTS.comments).toLowerCase();
    if (!(COMMENT_MODES as readonly string[]).includes(comments)) {
      throw new Error(`WinnowPipeline: comments must be one of ${COMMENT_MODES.join(', ')}, got ${props.comments}`);
    }

    const outputs = parseOutputs(props.outputs ?? WINNOW_DEFAULTS.outputs).join(',');
    const metricsNamespace = props.metricsNamespace ?? WINNOW_DEFAULTS.metricsNamespace;
    // CloudWatch's rule for custom namespaces.
    if (!/^[0-9A-Za-z.\-_/#:]{1,255}$/.test(metricsNamespace) || metricsNamespace.startsWith('AWS/')) {
      throw new Error(`WinnowPipeline: metricsNamespace must be 1-255 of 0-9 A-Z a-z . - _ / # : and not start with AWS/, got "${metricsNamespace}"`);
    }
    const markdown = props.markdown ?? WINNOW_DEFAULTS.markdown;
    parseMarkdownExtras(markdown); // throws on an unknown extra, at synth

    // ── Buckets ────────────────────────────────────────────────────────────────────────────
    const secureBucket: Pick<s3.BucketProps, 'blockPublicAccess' | 'encryption' | 'enforceSSL' | 'objectOwnership' | 'removalPolicy'> = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
    };

    if (props.serverAccessLogsBucket) {
      this.accessLogsBucket = props.serverAccessLogsBucket;
    } else {
      const accessLogs = new s3.Bucket(this, 'AccessLogsBucket', {
        ...secureBucket,
        lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      });
      // (cdk-nag's S1 accepts a bucket that is itself a server access log destination.)
      this.accessLogsBucket = accessLogs;
    }

    this.inputBucket = props.inputBucket ?? new s3.Bucket(this, 'InputBucket', {
      ...secureBucket,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'input/',
    });

    this.outputBucket = new s3.Bucket(this, 'OutputBucket', {
      ...secureBucket,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'output/',
    });

    // ── Queues ─────────────────────────────────────────────────────────────────────────────
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      // Lambda's SQS poller: at least 6× the function timeout (+ the batching window), so a
      // message is not redelivered while a slow batch (or its retries by the poller) runs.
      visibilityTimeout: Duration.seconds(VISIBILITY_TIMEOUT_FACTOR * timeout.toSeconds() + maxBatchingWindow.toSeconds()),
      encryption: sqs.QueueEncryption.SQS_MANAGED, // S3 can send to SSE-SQS queues (not to aws/sqs KMS ones)
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });

    // ── Notifications: created AND removed objects (the handler deletes the outputs of a removed page)
    const filters: s3.NotificationKeyFilter[] =
      props.inputPrefix || props.inputSuffix
        ? [{ ...(props.inputPrefix ? { prefix: props.inputPrefix } : {}), ...(props.inputSuffix ? { suffix: props.inputSuffix } : {}) }]
        : [];
    const destination = new s3n.SqsDestination(this.queue);
    this.inputBucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, ...filters);
    this.inputBucket.addEventNotification(s3.EventType.OBJECT_REMOVED, destination, ...filters);

    // ── Table ──────────────────────────────────────────────────────────────────────────────
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'byStatus',
      partitionKey: { name: 'status', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'processedAt', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // A site's pages in a date range: items with a `site` (host of the canonical URL) and a
    // `published` date (sparse: pages without either are not in it).
    this.table.addGlobalSecondaryIndex({
      indexName: 'bySite',
      partitionKey: { name: 'site', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'published', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    // ── Function ───────────────────────────────────────────────────────────────────────────
    this.logGroup = new logs.LogGroup(this, 'HandlerLogGroup', {
      retention: props.logRetention ?? (WINNOW_DEFAULTS.logRetentionDays as logs.RetentionDays),
      removalPolicy,
    });

    // An explicit role instead of the default one: no AWS managed policy (its logs:* on every
    // log group), only writes to this function's own log group.
    const role = new iam.Role(this, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'winnow handler: read input pages, write outputs and table items, consume the queue',
    });
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [this.logGroup.logGroupArn],
    }));

    const functionProps = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize,
      timeout,
      role,
      logGroup: this.logGroup,
      description: 'winnow: clean uploaded pages into text/ and json/ outputs',
      environment: {
        OUTPUT_BUCKET: this.outputBucket.bucketName,
        TABLE_NAME: this.table.tableName,
        POWERTOOLS_SERVICE_NAME: DEFAULT_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        LOG_LEVEL: logLevel,
        WINNOW_COMMENTS: comments,
        WINNOW_OUTPUTS: outputs,
        WINNOW_MARKDOWN: markdown.toLowerCase(),
      },
    };
    this.handler = createHandlerFunction(this, functionProps, props.entry);

    // ── Least-privilege grants (no wildcard actions) ───────────────────────────────────────
    const inputObjects = this.inputBucket.arnForObjects(`${props.inputPrefix ?? ''}*`);
    const outputObjects = this.outputBucket.arnForObjects('*');
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ReadInputPages',
      actions: ['s3:GetObject'],
      resources: [inputObjects],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      // Without ListBucket a missing key answers 403 instead of 404 (NoSuchKey): the handler
      // must tell "page deleted since the event" from "access denied".
      sid: 'ListBucketsForNoSuchKey',
      actions: ['s3:ListBucket'],
      resources: [this.inputBucket.bucketArn, this.outputBucket.bucketArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ReadWriteDeleteOutputs',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
      resources: [outputObjects],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'WritePageItems',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
      resources: [this.table.tableArn],
    }));

    // The event source grants the consume actions on this queue only (ReceiveMessage,
    // DeleteMessage, ChangeMessageVisibility, GetQueueAttributes, GetQueueUrl).
    this.handler.addEventSource(new lambdaEventSources.SqsEventSource(this.queue, {
      batchSize,
      maxBatchingWindow,
      reportBatchItemFailures: true,
      maxConcurrency,
    }));

    const policy = role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      for (const objects of [inputObjects, outputObjects]) {
        Validations.of(policy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${nagResourceName(this, objects)}]`,
          reason: 'Object-level S3 actions need an object ARN; the wildcard is the key part only, '
            + 'scoped to this one bucket (and to the input prefix when one is set).',
        });
      }
    }
    Validations.of(this.handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is pinned on purpose: it is the runtime the toolchain, tests and bundle were checked with '
        + '(supported into 2027); moving to a newer runtime is a deliberate, tested change.',
    });

    if (props.backfill) {
      this.backfillInventoryBucket = props.backfill.inventoryBucket;
      this.backfillStateMachine = createBackfill(this, {
        props: props.backfill,
        inputPrefix: props.inputPrefix ?? '',
        removalPolicy,
        retention: props.logRetention ?? (WINNOW_DEFAULTS.logRetentionDays as logs.RetentionDays),
        handler: this.handler,
        inputBucket: this.inputBucket,
        outputBucket: this.outputBucket,
      });
    }

    // ── Page events (cdk/winnow-events.ts) ────────────────────────────────────────────────
    if (props.events === false && props.eventBus) throw new Error('WinnowPipeline: eventBus is given but events is false');
    if (props.events !== false) {
      this.eventBus = props.eventBus ?? new events.EventBus(this, 'EventBus', { description: 'winnow: an event per processed page' });
      connectPageEvents(this.handler, this.eventBus);
    }

    // ── CDK's bucket-notification custom resource (one per stack, not ours to shape) ──────
    const notificationsHandler = Stack.of(this).node.tryFindChild(BUCKET_NOTIFICATIONS_HANDLER_ID);
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK-managed custom resource that configures bucket notifications at deploy time; its role '
          + 'uses the AWS managed basic execution role (logs only) and cannot be changed from here.',
      });
    }

    // ── Alarms ─────────────────────────────────────────────────────────────────────────────
    this.deadLetterQueueAlarm = new cloudwatch.Alarm(this, 'DeadLetterQueueAlarm', {
      alarmDescription: 'winnow: messages in the dead-letter queue (pages that failed maxReceiveCount times)',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.errorsAlarm = new cloudwatch.Alarm(this, 'HandlerErrorsAlarm', {
      alarmDescription: 'winnow: the handler failed invocations (errors thrown, timeouts, out of memory)',
      metric: this.handler.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // ── Batch output table and dashboard (cdk/batch-table.ts, cdk/dashboard.ts) ─────────────
    const batchOutput = outputs.split(',').includes('batch');
    if (batchOutput) {
      this.batchTable = new BatchTable(this, 'BatchTable', { bucket: this.outputBucket, databaseName: props.batchDatabaseName });
    }
    if (props.dashboard ?? true) {
      this.dashboard = new WinnowDashboard(this, 'Dashboard', {
        namespace: metricsNamespace,
        serviceName: DEFAULT_SERVICE_NAME,
        handler: this.handler,
        queue: this.queue,
        deadLetterQueue: this.deadLetterQueue,
        alarms: [this.deadLetterQueueAlarm, this.errorsAlarm],
        batchOutput,
      }).dashboard;
    }
  }

}
