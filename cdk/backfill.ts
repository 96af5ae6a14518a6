/**
 * The optional backfill: a Step Functions state machine that sends a bucket's existing objects
 * through the pipeline's function (`backfill` prop / context `backfill=true`).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { checkInt, nagResourceName } from './checks';

/** Defaults of the optional backfill state machine (`backfill` prop / context `backfill=true`). */
export const BACKFILL_DEFAULTS = {
  maxConcurrency: 10,
  toleratedFailurePercentage: 5,
  maxItemsPerBatch: 20,
} as const;

export interface WinnowBackfillProps {
  /**
   * Most child executions (batches, each one invocation of the function) at a time, 1 to 10000.
   * They add to the queue's own `maxConcurrency` in the account's Lambda concurrency.
   * @default 10
   */
  readonly maxConcurrency?: number;
  /**
   * Share of listed objects (in failed batches) above which the run fails, 0 to 100.
   * @default 5
   */
  readonly toleratedFailurePercentage?: number;
  /**
   * Objects per batch (one invocation). Keep batch × per-page time well under the timeout.
   * @default 20
   */
  readonly maxItemsPerBatch?: number;
  /**
   * The destination bucket of an S3 Inventory of the input bucket (CSV format). Enables the
   * `{"manifest": "<key of a manifest.json in this bucket>"}` input: the Distributed Map then
   * reads the inventory's data files instead of listing the bucket, which is faster for
   * millions of objects. The state machine may read any object of this bucket (the manifest
   * names its data files), so keep inventories in a bucket of their own.
   * @default - no manifest input: an execution given `{manifest}` fails with `Winnow.ManifestNotConfigured`
   */
  readonly inventoryBucket?: s3.IBucket;
}

/** What the state machine is built from: the pipeline's settings and resources. */
export interface BackfillOptions {
  props: WinnowBackfillProps;
  /** The pipeline's input prefix: the default `prefix` of an execution. */
  inputPrefix: string;
  removalPolicy: RemovalPolicy;
  retention: logs.RetentionDays;
  handler: lambda.IFunction;
  inputBucket: s3.IBucket;
  outputBucket: s3.IBucket;
}

/**
 * The backfill state machine:
 *
 *   Defaults (Pass: {prefix: inputPrefix, force: false} merged with the input)
 *   → Choice on $.manifest
 *       absent:  Distributed Map, ItemReader S3 ListObjectsV2 (input bucket, $.prefix)
 *       present: Distributed Map, ItemReader S3 Inventory manifest (inventory bucket, key $.manifest);
 *                Fail Winnow.ManifestNotConfigured when the construct has no inventoryBucket
 *     each: ItemBatcher (MaxItemsPerBatch, BatchInput {bucket, force, prefix, source})
 *           MaxConcurrency, ToleratedFailurePercentage
 *           child: LambdaInvoke of the handler (lambdas/backfill.ts) → {done, skipped, failed}
 *           ResultWriter → output bucket, backfill-results/
 *
 * Invoking the function (rather than SqsSendMessage to the queue) keeps the same code path
 * (processObject) while the Map sees each batch's outcome: its counts, its failures (retried,
 * then counted against ToleratedFailurePercentage), and its concurrency is the real work's.
 */
export function createBackfill(scope: Construct, options: BackfillOptions): sfn.StateMachine {
  const { props, inputPrefix, removalPolicy, retention, handler, inputBucket, outputBucket } = options;
  const maxConcurrency = checkInt('backfill.maxConcurrency', props.maxConcurrency ?? BACKFILL_DEFAULTS.maxConcurrency, 1, 10000);
  const tolerated = props.toleratedFailurePercentage ?? BACKFILL_DEFAULTS.toleratedFailurePercentage;
  if (!Number.isFinite(tolerated) || tolerated < 0 || tolerated > 100) {
    throw new Error(`WinnowPipeline: backfill.toleratedFailurePercentage must be from 0 to 100, got ${tolerated}`);
  }
  const maxItemsPerBatch = checkInt('backfill.maxItemsPerBatch', props.maxItemsPerBatch ?? BACKFILL_DEFAULTS.maxItemsPerBatch, 1, 1000);
  const resultsPrefix = 'backfill-results';

  const defaults = new sfn.Pass(scope, 'BackfillDefaults', {
    comment: 'prefix defaults to the pipeline input prefix, force to false',
    result: sfn.Result.fromObject({ prefix: inputPrefix, force: false }),
    resultPath: '$.defaults',
  });
  const merged = new sfn.Pass(scope, 'BackfillInput', {
    parameters: { 'input.$': 'States.JsonMerge($.defaults, $, false)' },
    outputPath: '$.input',
  });

  // One Distributed Map per source; both hand the same batches to the same function.
  const batchesMap = (id: string, label: string, itemReader: sfn.IItemReader, source: 'objects' | 'inventory'): sfn.DistributedMap => {
    const invoke = new tasks.LambdaInvoke(scope, `${id}Batch`, {
      lambdaFunction: handler,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
      comment: 'one batch of listed objects through processObject, as live uploads',
    });
    // An AWS error or the time budget fails the batch: retried, its finished objects are skipped.
    invoke.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(10), maxAttempts: 2, backoffRate: 2 });
    const map = new sfn.DistributedMap(scope, `${id}Map`, {
      comment: source === 'objects'
        ? 'the input bucket\'s objects under $.prefix, in batches, through the handler'
        : 'the objects of the S3 Inventory manifest $.manifest (keys under $.prefix), in batches, through the handler',
      itemReader,
      itemBatcher: new sfn.ItemBatcher({
        maxItemsPerBatch,
        batchInput: { bucket: inputBucket.bucketName, 'force.$': '$.force', 'prefix.$': '$.prefix', source },
      }),
      maxConcurrency,
      toleratedFailurePercentage: tolerated,
      resultWriterV2: new sfn.ResultWriterV2({ bucket: outputBucket, prefix: resultsPrefix }),
      label,
    });
    return map.itemProcessor(invoke);
  };
  const objectsMap = batchesMap('Backfill', 'backfill', new sfn.S3ObjectsItemReader({ bucket: inputBucket, prefix: sfn.JsonPath.stringAt('$.prefix') }), 'objects');
  const manifestMap = props.inventoryBucket
    ? batchesMap('BackfillInventory', 'backfill-inventory', new sfn.S3ManifestItemReader({ bucket: props.inventoryBucket, key: sfn.JsonPath.stringAt('$.manifest') }), 'inventory')
    : new sfn.Fail(scope, 'ManifestNotConfigured', {
      error: 'Winnow.ManifestNotConfigured',
      cause: 'This stack takes no {manifest} input: deploy it with the inventory bucket (context backfillInventoryBucket=NAME, '
        + 'or the construct\'s backfill.inventoryBucket), or start it with {prefix}.',
    });
  const source = new sfn.Choice(scope, 'BackfillSource', { comment: '{manifest}: the S3 Inventory; otherwise list the bucket under {prefix}' })
    .when(sfn.Condition.isPresent('$.manifest'), manifestMap)
    .otherwise(objectsMap);

  const logGroup = new logs.LogGroup(scope, 'BackfillLogGroup', { retention, removalPolicy });
  const stateMachine = new sfn.StateMachine(scope, 'BackfillStateMachine', {
    definitionBody: sfn.DefinitionBody.fromChainable(defaults.next(merged).next(source)),
    comment: 'winnow backfill: existing objects of the input bucket through the handler',
    logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    tracingEnabled: true,
  });
  // An inventory encrypted with a customer managed key (a bucket of this app) needs its key too.
  props.inventoryBucket?.encryptionKey?.grantDecrypt(stateMachine);

  // Acknowledge exactly the wildcard resources the state machine's policies hold, each with
  // its reason (cdk-nag 3 matches findings by their full resource string).
  const inventoryName = props.inventoryBucket
    ? nagResourceName(scope, Stack.of(scope).formatArn({ region: '', account: '', service: 's3', resource: props.inventoryBucket.bucketName, resourceName: '*' }))
    : undefined;
  const reasonFor = (resource: string): string => {
    if (resource === '*') {
      return 'Step Functions log delivery (logs:CreateLogDelivery, ...) and X-Ray (xray:PutTraceSegments, ...) '
        + 'do not support resource-level permissions: AWS documents Resource "*" for them.';
    }
    if (inventoryName && resource === inventoryName) {
      return 'The Distributed Map reads the S3 Inventory manifest given at run time and the data files it names, '
        + 'all in the inventory bucket (a bucket for inventories): the wildcard is the key part only.';
    }
    if (resource.includes(':s3:::')) {
      return 'The Distributed Map ResultWriter writes its result files (prefix backfill-results/) as objects of '
        + 'the output bucket; the wildcard is the key part only, in this one bucket.';
    }
    if (resource.includes(':execution:')) {
      return 'Distributed Map child executions of this state machine only (describe, stop, redrive): their '
        + 'names are generated at run time, so the execution ARN ends in a wildcard.';
    }
    return 'LambdaInvoke may call a version or alias of this one function (the ARN with a :qualifier suffix); '
      + 'no other function is reachable.';
  };
  for (const policy of [stateMachine.role.node.tryFindChild('DefaultPolicy'), stateMachine.node.tryFindChild('DistributedMapPolicy')]) {
    if (!(policy instanceof iam.Policy)) continue;
    const doc = Stack.of(scope).resolve(policy.document.toJSON()) as { Statement?: { Resource?: unknown }[] } | undefined;
    const seen = new Set<string>();
    for (const statement of doc?.Statement ?? []) {
      const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
      for (const resource of resources) {
        if (resource === undefined || !JSON.stringify(resource).includes('*')) continue;
        const name = resource === '*' ? '*' : nagResourceName(scope, resource as string);
        if (seen.has(name)) continue;
        seen.add(name);
        Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${name}]`, reason: reasonFor(name) });
      }
    }
  }
  return stateMachine;
}
