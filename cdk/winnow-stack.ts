/**
 * WinnowStack: one WinnowPipeline, configured from CDK context, with the stack outputs.
 *
 * Context options (defaults in cdk.json; override with `npx cdk synth -c key=value`):
 *   inputBucketName           existing bucket to read pages from; "" = create a new input bucket
 *   inputPrefix               only keys starting with this produce events; "" = all keys
 *   inputSuffix               only keys ending with this produce events (e.g. ".html"); "" = all keys
 *   maxReceiveCount           receives of a message before it goes to the dead-letter queue (5)
 *   memorySize                function memory in MB (1024)
 *   timeoutSeconds            function timeout in seconds (60); queue visibility = 6× this + window
 *   batchSize                 SQS messages per invocation (10; above 10 needs a batching window)
 *   maxBatchingWindowSeconds  seconds the event source gathers messages before invoking (0)
 *   maxConcurrency            most concurrent invocations from the queue, 2..1000 (10)
 *   logRetentionDays          retention of the function's log group, a CloudWatch Logs value (30)
 *   logLevel                  LOG_LEVEL of the handler: TRACE DEBUG INFO WARN ERROR SILENT CRITICAL (INFO)
 *   metricsNamespace          CloudWatch namespace of the handler's EMF metrics and the dashboard (Winnow)
 *   removalPolicy             "retain" or "destroy": what stack deletion does to buckets, table, logs (retain)
 *   backfill                  true: add the backfill state machine (Distributed Map; output StateMachineArn) (false)
 *   backfillMaxConcurrency    its MaxConcurrency: batches at a time (10)
 *   backfillToleratedFailurePercentage  its ToleratedFailurePercentage (5)
 *   backfillMaxItemsPerBatch  its MaxItemsPerBatch: objects per invocation (20)
 *   backfillInventoryBucket   bucket holding the input bucket's S3 Inventory (CSV): enables the
 *                             {manifest} input (output BackfillInventoryBucket) ("" = off)
 *   events                    false: no page events, no bus (true: a new bus, output EventBusName)
 *   eventsTail                true: also a queue with every page event (output EventsTailQueueUrl,
 *                             for `winnow tail --stack NAME`) (false)
 *
 * The stack is environment-agnostic (no `env`): synth does no lookups and needs no credentials.
 */
import { App, AppProps, CfnOutput, Duration, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct, Node } from 'constructs';
import { BACKFILL_DEFAULTS, type WinnowBackfillProps } from './backfill';
import { WINNOW_DEFAULTS, WinnowPipeline, WinnowPipelineProps } from './winnow-pipeline';
import { WinnowEventsTail } from './winnow-events';

/** The context keys WinnowStack reads, with their defaults (cdk.json holds the same values). */
export const CONTEXT_DEFAULTS = {
  inputBucketName: '',
  inputPrefix: '',
  inputSuffix: '',
  maxReceiveCount: WINNOW_DEFAULTS.maxReceiveCount,
  memorySize: WINNOW_DEFAULTS.memorySize,
  timeoutSeconds: WINNOW_DEFAULTS.timeoutSeconds,
  batchSize: WINNOW_DEFAULTS.batchSize,
  maxBatchingWindowSeconds: WINNOW_DEFAULTS.maxBatchingWindowSeconds,
  maxConcurrency: WINNOW_DEFAULTS.maxConcurrency,
  logRetentionDays: WINNOW_DEFAULTS.logRetentionDays,
  logLevel: WINNOW_DEFAULTS.logLevel,
  comments: WINNOW_DEFAULTS.comments,
  outputs: WINNOW_DEFAULTS.outputs,
  markdown: WINNOW_DEFAULTS.markdown,
  metricsNamespace: WINNOW_DEFAULTS.metricsNamespace,
  removalPolicy: 'retain',
} as const;

export type WinnowContext = { -readonly [K in keyof typeof CONTEXT_DEFAULTS]: (typeof CONTEXT_DEFAULTS)[K] extends number ? number : string };

/** Reads the options from context; values given with `-c` arrive as strings and are parsed. */
export function readWinnowContext(node: Node): WinnowContext {
  const str = (key: keyof typeof CONTEXT_DEFAULTS): string => {
    const v: unknown = node.tryGetContext(key);
    return v === undefined || v === null ? String(CONTEXT_DEFAULTS[key]) : String(v).trim();
  };
  const num = (key: keyof typeof CONTEXT_DEFAULTS): number => {
    const raw = str(key);
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) throw new Error(`context ${key}: expected a number, got "${raw}"`);
    return n;
  };
  const removal = str('removalPolicy').toLowerCase();
  if (removal !== 'retain' && removal !== 'destroy') {
    throw new Error(`context removalPolicy: expected "retain" or "destroy", got "${removal}"`);
  }
  return {
    inputBucketName: str('inputBucketName'),
    inputPrefix: str('inputPrefix'),
    inputSuffix: str('inputSuffix'),
    maxReceiveCount: num('maxReceiveCount'),
    memorySize: num('memorySize'),
    timeoutSeconds: num('timeoutSeconds'),
    batchSize: num('batchSize'),
    maxBatchingWindowSeconds: num('maxBatchingWindowSeconds'),
    maxConcurrency: num('maxConcurrency'),
    logRetentionDays: num('logRetentionDays'),
    logLevel: str('logLevel').toUpperCase(),
    comments: str('comments').toLowerCase(),
    outputs: str('outputs').toLowerCase(),
    markdown: str('markdown').toLowerCase(),
    metricsNamespace: str('metricsNamespace'),
    removalPolicy: removal,
  };
}

/**
 * The backfill options from context (not in CONTEXT_DEFAULTS: off unless `-c backfill=true`):
 * undefined when off.
 */
export function readBackfillContext(node: Node): (Omit<WinnowBackfillProps, 'inventoryBucket'> & { inventoryBucketName?: string }) | undefined {
  const flag = node.tryGetContext('backfill');
  const on = flag === true || String(flag ?? '').trim().toLowerCase() === 'true';
  if (!on) {
    if (flag !== undefined && flag !== false && !['', 'false'].includes(String(flag).trim().toLowerCase())) {
      throw new Error(`context backfill: expected true or false, got "${String(flag)}"`);
    }
    return undefined;
  }
  const inventory = String(node.tryGetContext('backfillInventoryBucket') ?? '').trim();
  if (inventory && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(inventory)) {
    throw new Error(`context backfillInventoryBucket: "${inventory}" is not an S3 bucket name`);
  }
  const num = (key: string, fallback: number): number => {
    const v: unknown = node.tryGetContext(key);
    if (v === undefined || v === null || String(v).trim() === '') return fallback;
    const n = Number(String(v).trim());
    if (!Number.isFinite(n)) throw new Error(`context ${key}: expected a number, got "${String(v)}"`);
    return n;
  };
  return {
    maxConcurrency: num('backfillMaxConcurrency', BACKFILL_DEFAULTS.maxConcurrency),
    toleratedFailurePercentage: num('backfillToleratedFailurePercentage', BACKFILL_DEFAULTS.toleratedFailurePercentage),
    maxItemsPerBatch: num('backfillMaxItemsPerBatch', BACKFILL_DEFAULTS.maxItemsPerBatch),
    ...(inventory ? { inventoryBucketName: inventory } : {}),
  };
}

/** A true/false context value (`-c key=value` gives strings); `fallback` when unset. */
function readFlag(node: Node, key: string, fallback: boolean): boolean {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || String(v).trim() === '') return fallback;
  const s = String(v).trim().toLowerCase();
  if (s !== 'true' && s !== 'false') throw new Error(`context ${key}: expected true or false, got "${String(v)}"`);
  return s === 'true';
}

/** The page-event options from context (off only with `-c events=false`; the tail queue only with `-c eventsTail=true`). */
export function readEventsContext(node: Node): { events: boolean; tail: boolean } {
  const events = readFlag(node, 'events', true);
  const tail = readFlag(node, 'eventsTail', false);
  if (tail && !events) throw new Error('context eventsTail=true needs the events (events is false)');
  return { events, tail };
}

function retentionDays(days: number): logs.RetentionDays {
  const allowed = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowed.includes(days)) {
    throw new Error(`context logRetentionDays: ${days} is not a CloudWatch Logs retention (${allowed.join(', ')})`);
  }
  return days as logs.RetentionDays;
}

export interface WinnowStackProps extends StackProps {
  /** Options that take precedence over context (handy in tests and other apps). */
  readonly pipeline?: Partial<WinnowPipelineProps>;
}

export class WinnowStack extends Stack {
  public readonly pipeline: WinnowPipeline;

  constructor(scope: Construct, id: string, props: WinnowStackProps = {}) {
    super(scope, id, {
      description: 'winnow: S3 uploads -> SQS -> Lambda (clean pages) -> output bucket + DynamoDB',
      ...props,
    });
    const ctx = readWinnowContext(this.node);

    const inputBucket = ctx.inputBucketName
      ? s3.Bucket.fromBucketName(this, 'ExistingInputBucket', ctx.inputBucketName)
      : undefined;
    const eventsContext = readEventsContext(this.node);
    const backfillContext = readBackfillContext(this.node);
    let backfill: WinnowBackfillProps | undefined;
    if (backfillContext) {
      const { inventoryBucketName, ...rest } = backfillContext;
      backfill = inventoryBucketName
        ? { ...rest, inventoryBucket: s3.Bucket.fromBucketName(this, 'InventoryBucket', inventoryBucketName) }
        : rest;
    }

    this.pipeline = new WinnowPipeline(this, 'Pipeline', {
      inputBucket,
      inputPrefix: ctx.inputPrefix || undefined,
      inputSuffix: ctx.inputSuffix || undefined,
      maxReceiveCount: ctx.maxReceiveCount,
      memorySize: ctx.memorySize,
      timeout: Duration.seconds(ctx.timeoutSeconds),
      batchSize: ctx.batchSize,
      maxBatchingWindow: Duration.seconds(ctx.maxBatchingWindowSeconds),
      maxConcurrency: ctx.maxConcurrency,
      logRetention: retentionDays(ctx.logRetentionDays),
      logLevel: ctx.logLevel,
      comments: ctx.comments,
      outputs: ctx.outputs,
      markdown: ctx.markdown,
      metricsNamespace: ctx.metricsNamespace,
      removalPolicy: ctx.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      backfill,
      events: eventsContext.events,
      ...props.pipeline,
    });

    const p = this.pipeline;
    new CfnOutput(this, 'InputBucketName', { value: p.inputBucket.bucketName, description: 'Upload pages here' });
    new CfnOutput(this, 'OutputBucketName', { value: p.outputBucket.bucketName, description: 'text/<key>, json/<key>.json, md/<key>.md (context outputs)' });
    new CfnOutput(this, 'TableName', { value: p.table.tableName, description: 'One item per page; GSIs byStatus and bySite' });
    new CfnOutput(this, 'QueueUrl', { value: p.queue.queueUrl, description: 'S3 event notifications' });
    if (p.backfillStateMachine) {
      new CfnOutput(this, 'StateMachineArn', {
        value: p.backfillStateMachine.stateMachineArn,
        description: 'Backfill: start with {"prefix": "...", "force": false} or {"manifest": "<key of an inventory manifest.json>"}',
      });
    }
    if (p.backfillInventoryBucket) {
      new CfnOutput(this, 'BackfillInventoryBucket', { value: p.backfillInventoryBucket.bucketName, description: 'Backfill: the S3 Inventory bucket of {manifest}' });
    }
    if (p.batchTable) {
      new CfnOutput(this, 'BatchDatabaseName', { value: p.batchTable.databaseName, description: `Athena: SELECT ... FROM "<this>"."${p.batchTable.tableName}" (batch output)` });
    }
    if (p.dashboard) new CfnOutput(this, 'DashboardName', { value: p.dashboard.dashboardName, description: 'CloudWatch dashboard' });
    if (p.eventBus) {
      new CfnOutput(this, 'EventBusName', { value: p.eventBus.eventBusName, description: 'Page events: source winnow, Page Cleaned / Page Failed / Page Deleted' });
      if (eventsContext.tail) {
        const tail = new WinnowEventsTail(this, 'EventsTail', { eventBus: p.eventBus });
        new CfnOutput(this, 'EventsTailQueueUrl', { value: tail.queue.queueUrl, description: 'Every page event (winnow tail --stack)' });
      }
    }
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: p.deadLetterQueue.queueUrl, description: 'Messages that failed maxReceiveCount times' });
  }
}

/**
 * The app as `npx cdk synth` builds it: one environment-agnostic WinnowStack (no `env`: no
 * lookups, no credentials) and cdk-nag's AwsSolutions checks as a validation plugin, so any
 * unacknowledged finding fails synthesis.
 */
export function createWinnowApp(props?: AppProps): { app: App; stack: WinnowStack } {
  const app = new App(props);
  const stack = new WinnowStack(app, 'WinnowStack');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
