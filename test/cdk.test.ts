/**
 * The CDK app: WinnowPipeline through WinnowStack, with the context of cdk.json (as `cdk synth`
 * uses it) and with every option overridden. All CDK tests live in this one file: loading
 * aws-cdk-lib costs seconds per file. The synth bundles lambdas/handler.ts (scripts/build.cjs lambda).
 *
 * cdk-nag 3 reports through CDK's policy-validation plugins, not annotations: its findings are
 * read from `AwsSolutionsChecks.validateScope(stack)` (and from the app's validation report).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { CONTEXT_DEFAULTS, WinnowStack, createWinnowApp } from '../cdk/winnow-stack';
import { VISIBILITY_TIMEOUT_FACTOR, WinnowPipeline } from '../cdk/winnow-pipeline';
import { BATCH_LINE_COLUMNS } from '../lambdas/batch-line';
import { BATCH_METRICS, FAILURES_BY_CODE_METRIC, PAGE_STATUS_METRICS, PAGE_VALUE_METRICS } from '../lambdas/metric-names';

type Json = Record<string, any>;

const cdkJson: Json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'));

/** Cloud assemblies go to temporary folders, removed after the file's tests. */
const outdirs: string[] = [];
function tmpOutdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'winnow-cdk-'));
  outdirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of outdirs) fs.rmSync(dir, { recursive: true, force: true });
});

function makeStack(context: Json = {}): { stack: WinnowStack; template: Template; resources: Json } {
  const app = new App({ context: { ...cdkJson.context, ...context }, outdir: tmpOutdir() });
  const stack = new WinnowStack(app, 'WinnowStack');
  const template = Template.fromStack(stack);
  return { stack, template, resources: template.toJSON().Resources };
}

function only(resources: Json, type: string): [string, Json] {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type);
  expect(found).toHaveLength(1);
  return found[0] as [string, Json];
}

function logicalIdOf(stack: Stack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as any);
}

/**
 * The dashboard's widgets, its body parsed: CloudFormation references become `<LogicalId>` so
 * the JSON can be read (the body is an Fn::Join of strings and Refs).
 */
function dashboardWidgets(resources: Json): Json[] {
  const [, dashboard] = only(resources, 'AWS::CloudWatch::Dashboard');
  const body = dashboard.Properties.DashboardBody;
  const parts: unknown[] = body['Fn::Join'] ? body['Fn::Join'][1] : [body];
  const ref = (p: Json) => (p.Ref ? `<${p.Ref}>` : p['Fn::GetAtt'] ? `<${p['Fn::GetAtt'].join('.')}>` : `<${JSON.stringify(p).replace(/"/g, '')}>`);
  const text = parts.map((p) => (typeof p === 'string' ? p : ref(p as Json))).join('');
  return JSON.parse(text).widgets;
}

/** Each graphed metric of the widgets as `namespace/name[dimension=value]`, and each expression. */
function graphedMetrics(widgets: Json[]): string[] {
  const out: string[] = [];
  for (const w of widgets) {
    for (const m of w.properties?.metrics ?? []) {
      if (m.length === 1 && m[0].expression) {
        out.push(m[0].expression);
        continue;
      }
      const strings = m.filter((x: unknown) => typeof x === 'string');
      const [namespace, name, ...dims] = strings;
      const dimText = [];
      for (let i = 0; i + 1 < dims.length; i += 2) dimText.push(`${dims[i]}=${dims[i + 1]}`);
      out.push(`${namespace}/${name}[${dimText.join(',')}]`);
    }
  }
  return out;
}

/** Every statement of every IAM policy in the template (inline role policies included). */
function policyStatements(resources: Json): Json[] {
  const out: Json[] = [];
  for (const r of Object.values(resources)) {
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') out.push(...r.Properties.PolicyDocument.Statement);
    if (r.Type === 'AWS::IAM::Role') for (const p of r.Properties.Policies ?? []) out.push(...p.PolicyDocument.Statement);
  }
  return out;
}
const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Raw cdk-nag findings, acknowledgements ignored. */
function rawFindings(scope: IConstruct): string[] {
  const checks = new AwsSolutionsChecks() as any;
  checks.isAcknowledged = () => false;
  return checks.validateScope(scope).violations.map((v: Json) => v.ruleName).sort();
}

/** Every acknowledgement recorded in the tree: [rule id, reason, construct path]. */
function acknowledgements(scope: IConstruct): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const c of scope.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(m.data as Record<string, string>)) {
        out.push([id.replace(/^annotation::/i, ''), reason, c.node.path]);
      }
    }
  }
  return out;
}

describe('cdk.json', () => {
  test('runs the app with tsx, offline: no notices, no telemetry', () => {
    expect(cdkJson.app).toBe('npx tsx cdk/app.ts');
    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
  });

  test('context defaults are the code defaults', () => {
    for (const [key, value] of Object.entries(CONTEXT_DEFAULTS)) expect([key, cdkJson.context[key]]).toEqual([key, value]);
  });
});

describe('WinnowStack with the cdk.json defaults', () => {
  let stack: WinnowStack;
  let template: Template;
  let resources: Json;
  let ids: { input: string; output: string; logs: string; queue: string; dlq: string; table: string; fn: string; logGroup: string; role: string; dlqAlarm: string; errorsAlarm: string; bus: string };

  beforeAll(() => {
    ({ stack, template, resources } = makeStack());
    const p = stack.pipeline;
    ids = {
      input: logicalIdOf(stack, p.inputBucket),
      output: logicalIdOf(stack, p.outputBucket),
      logs: logicalIdOf(stack, p.accessLogsBucket),
      queue: logicalIdOf(stack, p.queue),
      dlq: logicalIdOf(stack, p.deadLetterQueue),
      table: logicalIdOf(stack, p.table),
      fn: logicalIdOf(stack, p.handler),
      logGroup: logicalIdOf(stack, p.logGroup),
      role: logicalIdOf(stack, p.handler.role!),
      dlqAlarm: logicalIdOf(stack, p.deadLetterQueueAlarm),
      errorsAlarm: logicalIdOf(stack, p.errorsAlarm),
      bus: logicalIdOf(stack, p.eventBus!),
    };
  });

  test('three buckets: input, output (never the input one), access logs', () => {
    template.resourceCountIs('AWS::S3::Bucket', 3);
    expect(new Set([ids.input, ids.output, ids.logs]).size).toBe(3);
    for (const id of [ids.input, ids.output, ids.logs]) expect(resources[id].Type).toBe('AWS::S3::Bucket');
  });

  test('every bucket: blocks all public access, S3-managed encryption, owner-enforced, retained', () => {
    for (const [, bucket] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
      expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.UpdateReplacePolicy).toBe('Retain');
    }
  });

  test('every bucket has a TLS-only bucket policy', () => {
    for (const id of [ids.input, ids.output, ids.logs]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          })]),
        },
      });
    }
  });

  test('input and output buckets send server access logs to the access-log bucket, whose logs expire', () => {
    expect(resources[ids.input].Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: ids.logs }, LogFilePrefix: 'input/' });
    expect(resources[ids.output].Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: ids.logs }, LogFilePrefix: 'output/' });
    expect(resources[ids.logs].Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' }),
    ]);
  });

  test('S3 notifications: ObjectCreated and ObjectRemoved of the input bucket go to the queue, unfiltered', () => {
    const [, notifications] = only(resources, 'Custom::S3BucketNotifications');
    expect(notifications.Properties.BucketName).toEqual({ Ref: ids.input });
    const configs = notifications.Properties.NotificationConfiguration.QueueConfigurations;
    expect(configs).toEqual([
      { Events: ['s3:ObjectCreated:*'], QueueArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] } },
      { Events: ['s3:ObjectRemoved:*'], QueueArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] } },
    ]);
    // S3 may send to the queue, from this bucket only
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ids.queue }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: Match.arrayWith(['sqs:SendMessage']),
          Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [ids.input, 'Arn'] } } },
        })]),
      },
    });
  });

  test('queue: visibility timeout ≥ 6× the function timeout, redrive to the DLQ after 5 receives', () => {
    const queue = resources[ids.queue].Properties;
    const fnTimeout = resources[ids.fn].Properties.Timeout;
    expect(fnTimeout).toBe(60);
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(VISIBILITY_TIMEOUT_FACTOR * fnTimeout);
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fnTimeout);
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] }, maxReceiveCount: 5 });
    expect(resources[ids.dlq].Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  test('both queues: SQS-managed encryption and TLS-only queue policies', () => {
    template.resourceCountIs('AWS::SQS::Queue', 2);
    for (const id of [ids.queue, ids.dlq]) {
      expect(resources[id].Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          })]),
        },
      });
    }
  });

  test('function: nodejs22.x on arm64, handler, memory, timeout, exactly the eight env vars, own log group and role', () => {
    const fn = resources[ids.fn].Properties;
    expect(fn.Runtime).toBe('nodejs22.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.Handler).toBe('index.handler');
    expect(fn.MemorySize).toBe(1024);
    expect(fn.Timeout).toBe(60);
    expect(fn.Environment).toEqual({
      Variables: {
        OUTPUT_BUCKET: { Ref: ids.output },
        TABLE_NAME: { Ref: ids.table },
        POWERTOOLS_SERVICE_NAME: 'winnow',
        POWERTOOLS_METRICS_NAMESPACE: 'Winnow',
        LOG_LEVEL: 'INFO',
        WINNOW_COMMENTS: 'drop',
        WINNOW_OUTPUTS: 'text,json',
        WINNOW_MARKDOWN: 'none',
        EVENT_BUS_NAME: { 'Fn::GetAtt': [ids.bus, 'Arn'] },
      },
    });
    expect(fn.LoggingConfig).toEqual({ LogGroup: { Ref: ids.logGroup } });
    expect(fn.Role).toEqual({ 'Fn::GetAtt': [ids.role, 'Arn'] });
    template.resourceCountIs('AWS::Lambda::Function', 2); // ours + CDK's bucket-notification handler
  });

  test('function code is the esbuild bundle: minified CJS, no source map, SDK bundled', () => {
    const asm = stack.node.root as App;
    const outdir = asm.synth().directory;
    const s3Key: string = resources[ids.fn].Properties.Code.S3Key;
    const assetDir = path.join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`);
    const files = fs.readdirSync(assetDir);
    expect(files).toEqual(['index.js']);
    const code = fs.readFileSync(path.join(assetDir, 'index.js'), 'utf8');
    expect(code).toMatch(/module\.exports/); // CJS
    expect(code).not.toMatch(/^import |^export /m);
    expect(code).not.toMatch(/sourceMappingURL/);
    expect(code.length / code.split('\n').length).toBeGreaterThan(500); // minified (newlines left only in template literals)
    expect(code).not.toMatch(/require\("@aws-sdk\/(client|lib)-/); // the SDK clients are in the bundle, not the runtime's
    // The Lambda-only credential chain (lambdas/bundle-alias.json): the environment and a
    // container endpoint, not web identity, SSO or shared config files.
    expect(code.includes('AWS_CONTAINER_CREDENTIALS_FULL_URI')).toBe(true);
    expect(code.includes('AWS_WEB_IDENTITY_TOKEN_FILE')).toBe(false);
    expect(code.includes('sso_start_url')).toBe(false);
    // The S3 schemas of the operations it calls, not of the ~100 others (scripts/sdk-schemas.cjs).
    expect(code.includes('"GetObjectRequest"')).toBe(true);
    expect(code.includes('"PutBucketAnalyticsConfigurationRequest"')).toBe(false);
  });

  test('event source mapping: batch size, window, ReportBatchItemFailures, ScalingConfig.MaximumConcurrency', () => {
    const [, esm] = only(resources, 'AWS::Lambda::EventSourceMapping');
    expect(esm.Properties).toEqual({
      FunctionName: { Ref: ids.fn },
      EventSourceArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  test('table: pk (S), on demand, PITR, GSIs byStatus (status S + processedAt S) and bySite (site S + published S), retained', () => {
    const table = resources[ids.table];
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(table.Properties.AttributeDefinitions).toEqual(expect.arrayContaining([
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'processedAt', AttributeType: 'S' },
      { AttributeName: 'site', AttributeType: 'S' },
      { AttributeName: 'published', AttributeType: 'S' },
    ]));
    expect(table.Properties.AttributeDefinitions).toHaveLength(5);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual([{
      IndexName: 'byStatus',
      KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }, { AttributeName: 'processedAt', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }, {
      IndexName: 'bySite',
      KeySchema: [{ AttributeName: 'site', KeyType: 'HASH' }, { AttributeName: 'published', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }]);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  test('log group: created explicitly, one month retention, retained', () => {
    const [id, logGroup] = only(resources, 'AWS::Logs::LogGroup');
    expect(id).toBe(ids.logGroup);
    expect(logGroup.Properties.RetentionInDays).toBe(30);
    expect(logGroup.DeletionPolicy).toBe('Retain');
  });

  test('alarms: DLQ depth > 0 and function errors > 0', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.dlq, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids.fn } }],
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  test('dashboard: every handler metric (namespace Winnow, service winnow) beside queue depth, dead letters, function errors, duration, concurrency', () => {
    const widgets = dashboardWidgets(resources);
    const graphed = graphedMetrics(widgets);
    const handlerMetrics = [...Object.values(PAGE_STATUS_METRICS), ...Object.values(PAGE_VALUE_METRICS).map((m) => m.name)];
    for (const name of handlerMetrics) expect(graphed).toContain(`Winnow/${name}[service=winnow]`);
    expect(graphed).toContain(`SEARCH('{Winnow,errorCode,service} MetricName="${FAILURES_BY_CODE_METRIC}" service="winnow"', 'Sum', 300)`);
    for (const queue of [ids.queue, ids.dlq]) expect(graphed).toContain(`AWS/SQS/ApproximateNumberOfMessagesVisible[QueueName=<${queue}.QueueName>]`);
    for (const name of ['Errors', 'Duration', 'ConcurrentExecutions', 'Throttles']) expect(graphed).toContain(`AWS/Lambda/${name}[FunctionName=<${ids.fn}>]`);
    expect(graphed.some((g) => g.includes(BATCH_METRICS.objects))).toBe(false); // the batch output is off
    const alarms = widgets.find((w) => w.properties.title === 'Alarms');
    expect(alarms?.properties.alarms).toEqual([`<${ids.dlqAlarm}.Arn>`, `<${ids.errorsAlarm}.Arn>`]);
    expect(stack.pipeline.batchTable).toBeUndefined();
    template.resourceCountIs('AWS::Glue::Table', 0);
  });

  test('outputs: InputBucketName, OutputBucketName, TableName, QueueUrl, DeadLetterQueueUrl, DashboardName, EventBusName', () => {
    const outputs = template.toJSON().Outputs;
    expect(Object.keys(outputs).sort()).toEqual(['DashboardName', 'DeadLetterQueueUrl', 'EventBusName', 'InputBucketName', 'OutputBucketName', 'QueueUrl', 'TableName']);
    expect(outputs.EventBusName.Value).toEqual({ Ref: ids.bus });
    expect(outputs.InputBucketName.Value).toEqual({ Ref: ids.input });
    expect(outputs.OutputBucketName.Value).toEqual({ Ref: ids.output });
    expect(outputs.TableName.Value).toEqual({ Ref: ids.table });
    expect(outputs.QueueUrl.Value).toEqual({ Ref: ids.queue });
    expect(outputs.DeadLetterQueueUrl.Value).toEqual({ Ref: ids.dlq });
  });

  test('IAM: no wildcard action anywhere; the function role holds exactly the expected statements', () => {
    for (const s of policyStatements(resources)) {
      if (s.Effect !== 'Allow') continue;
      for (const action of asArray(s.Action)) expect(action).not.toContain('*');
    }
    const role = resources[ids.role];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.Policies).toBeUndefined();
    const rolePolicies = Object.values(resources).filter(
      (r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === ids.role),
    );
    expect(rolePolicies).toHaveLength(1);
    const statements = rolePolicies[0].Properties.PolicyDocument.Statement.map((s: Json) => ({
      Effect: s.Effect, Action: asArray(s.Action).sort(), Resource: s.Resource,
    }));
    const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
    const objects = (id: string) => ({ 'Fn::Join': ['', [arn(id), '/*']] });
    expect(statements).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arn(ids.logGroup) },
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: objects(ids.input) },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arn(ids.input), arn(ids.output)] },
      { Effect: 'Allow', Action: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'], Resource: objects(ids.output) },
      { Effect: 'Allow', Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: arn(ids.table) },
      {
        Effect: 'Allow',
        Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
        Resource: arn(ids.queue),
      },
      { Effect: 'Allow', Action: ['events:PutEvents'], Resource: arn(ids.bus) },
    ]);
  });

  test('events: a bus of its own, and no rule on it (what consumes the events is the user\'s)', () => {
    const [id, bus] = only(resources, 'AWS::Events::EventBus');
    expect(id).toBe(ids.bus);
    expect(bus.Properties.Name).toBeDefined();
    template.resourceCountIs('AWS::Events::Rule', 0);
  });

  test('cdk-nag AwsSolutions: no unacknowledged finding (errors or warnings)', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.description} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  test('cdk-nag AwsSolutions: every acknowledgement has a reason and matches a real finding', () => {
    const acks = acknowledgements(stack);
    for (const [id, reason] of acks) {
      expect(id).toMatch(/^AwsSolutions-/);
      expect(reason.length).toBeGreaterThan(40);
    }
    expect([...new Set(acks.map(([id]) => id))].sort()).toEqual(rawFindings(stack));
    expect(rawFindings(stack)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      `AwsSolutions-IAM5[Resource::<${ids.input}.Arn>/*]`,
      `AwsSolutions-IAM5[Resource::<${ids.output}.Arn>/*]`,
      'AwsSolutions-L1',
    ]);
  });
});

describe('cdk-nag wiring', () => {
  test('the checks do flag a bare bucket (the pack runs)', () => {
    const stack = new Stack(new App({ outdir: tmpOutdir() }), 'Bare');
    new s3.Bucket(stack, 'Bucket');
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  test('the app as `cdk synth` builds it: plugin registered, synth passes validation', () => {
    const outdir = tmpOutdir();
    const { app, stack } = createWinnowApp({ context: cdkJson.context, outdir });
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
    const exitCode = process.exitCode;
    app.synth();
    expect(process.exitCode).toBe(exitCode); // a failed validation sets process.exitCode = 1
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports.filter((r: Json) => r.conclusion !== 'success')).toEqual([]);
  });
});

describe('WinnowStack with every context option overridden', () => {
  const context = {
    inputBucketName: 'existing-pages',
    inputPrefix: 'incoming/',
    inputSuffix: '.html',
    maxReceiveCount: '3', // -c values arrive as strings
    memorySize: 2048,
    timeoutSeconds: '120',
    batchSize: 50,
    maxBatchingWindowSeconds: 10,
    maxConcurrency: 4,
    logRetentionDays: 7,
    logLevel: 'debug',
    comments: 'Keep-Ham',
    markdown: 'Links,images',
    removalPolicy: 'destroy',
  };
  let stack: WinnowStack;
  let template: Template;
  let resources: Json;

  beforeAll(() => {
    ({ stack, template, resources } = makeStack(context));
  });

  test('uses the existing bucket: no input bucket created, notifications filtered by prefix and suffix', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2); // output + access logs
    const [, notifications] = only(resources, 'Custom::S3BucketNotifications');
    expect(notifications.Properties.BucketName).toBe('existing-pages');
    expect(notifications.Properties.Managed).toBe(false); // existing configurations are kept
    const filter = { Key: { FilterRules: [{ Name: 'suffix', Value: '.html' }, { Name: 'prefix', Value: 'incoming/' }] } };
    const configs = notifications.Properties.NotificationConfiguration.QueueConfigurations;
    expect(configs.map((c: Json) => c.Events)).toEqual([['s3:ObjectCreated:*'], ['s3:ObjectRemoved:*']]);
    for (const c of configs) {
      expect(c.Filter.Key.FilterRules).toEqual(expect.arrayContaining(filter.Key.FilterRules));
      expect(c.Filter.Key.FilterRules).toHaveLength(2);
    }
    expect(stack.pipeline.outputBucket.bucketName).not.toBe(stack.pipeline.inputBucket.bucketName);
  });

  test('reads only the prefix of the existing bucket', () => {
    const statements = policyStatements(resources);
    expect(statements).toContainEqual(expect.objectContaining({
      Action: 's3:GetObject',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::existing-pages/incoming/*']] },
    }));
  });

  test('numbers from context: visibility, redrive, memory, timeout, batching, concurrency, log level, comments and retention', () => {
    const queue = Object.values(resources).find((r) => r.Type === 'AWS::SQS::Queue' && r.Properties.RedrivePolicy)!;
    expect(queue.Properties.VisibilityTimeout).toBe(6 * 120 + 10);
    expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(3);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      MemorySize: 2048,
      Timeout: 120,
      Environment: { Variables: Match.objectLike({ LOG_LEVEL: 'DEBUG', WINNOW_COMMENTS: 'keep-ham', WINNOW_MARKDOWN: 'links,images' }) },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 4 },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  test('removalPolicy destroy: data resources are deleted with the stack, no deletion protection', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::Logs::LogGroup']) {
      for (const r of Object.values(resources).filter((x) => x.Type === type)) expect(r.DeletionPolicy).toBe('Delete');
    }
    template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
  });

  test('cdk-nag AwsSolutions: clean, and the acknowledgements follow the imported bucket', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations).toEqual([]);
    expect(rawFindings(stack)).toContain('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::existing-pages/incoming/*]');
  });
});

describe('bad context is refused at synth', () => {
  test.each([
    [{ maxConcurrency: 1 }, /maxConcurrency must be an integer from 2 to 1000/],
    [{ maxReceiveCount: 0 }, /maxReceiveCount/],
    [{ batchSize: 11 }, /batchSize must be an integer from 1 to 10,?/],
    [{ timeoutSeconds: 901 }, /timeout/],
    [{ memorySize: 'lots' }, /context memorySize: expected a number/],
    [{ logRetentionDays: 31 }, /logRetentionDays: 31 is not a CloudWatch Logs retention/],
    [{ logLevel: 'LOUD' }, /logLevel must be one of/],
    [{ comments: 'keep-some' }, /comments must be one of drop, keep-ham, keep-all/],
    [{ markdown: 'links,video' }, /markdown must be a comma-separated list of links, images, no-emphasis/],
    [{ removalPolicy: 'keep' }, /removalPolicy: expected "retain" or "destroy"/],
    [{ outputs: 'text,parquet' }, /outputs must be a comma-separated list of text, markdown, json, batch/],
    [{ metricsNamespace: 'AWS/Lambda' }, /metricsNamespace must be .* not start with AWS\//],
    [{ metricsNamespace: 'my namespace' }, /metricsNamespace must be/],
  ])('%j', (context, message) => {
    const app = new App({ context: { ...cdkJson.context, ...context }, outdir: tmpOutdir() });
    expect(() => new WinnowStack(app, 'Bad')).toThrow(message);
  });
});

describe('WinnowStack with the backfill state machine (-c backfill=true)', () => {
  let stack: WinnowStack;
  let template: Template;
  let resources: Json;
  let definition: Json;
  let smId: string;
  let roleId: string;

  /** The state machine's definition with the tokens of its Fn::Join replaced by placeholders. */
  function definitionOf(sm: Json): Json {
    const parts = sm.Properties.DefinitionString['Fn::Join'][1] as unknown[];
    return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p).replace(/"/g, "'")}>`)).join(''));
  }

  beforeAll(() => {
    ({ stack, template, resources } = makeStack({
      backfill: 'true', backfillMaxConcurrency: '25', backfillToleratedFailurePercentage: 2, backfillMaxItemsPerBatch: '40',
    }));
    const [id, sm] = only(resources, 'AWS::StepFunctions::StateMachine');
    smId = id;
    roleId = sm.Properties.RoleArn['Fn::GetAtt'][0];
    definition = definitionOf(sm);
  });

  test('off by default: no state machine, no StateMachineArn output', () => {
    const { template: plain } = makeStack();
    plain.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    expect(Object.keys(plain.toJSON().Outputs)).not.toContain('StateMachineArn');
  });

  test('Distributed Map: S3 objects reader on the input bucket at $.prefix, batching, concurrency, tolerated failures, results to the output bucket', () => {
    const p = stack.pipeline;
    const input = logicalIdOf(stack, p.inputBucket);
    const output = logicalIdOf(stack, p.outputBucket);
    expect(definition.StartAt).toBe('BackfillDefaults');
    expect(definition.States.BackfillDefaults).toMatchObject({ Type: 'Pass', Result: { prefix: '', force: false }, ResultPath: '$.defaults' });
    expect(definition.States.BackfillInput.Parameters).toEqual({ 'input.$': 'States.JsonMerge($.defaults, $, false)' });
    expect(definition.States.BackfillInput.Next).toBe('BackfillSource');
    expect(definition.States.BackfillSource).toMatchObject({ Type: 'Choice', Choices: [{ Variable: '$.manifest', IsPresent: true }], Default: 'BackfillMap' });
    const map = definition.States.BackfillMap;
    expect(map.Type).toBe('Map');
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(map.ItemReader.Resource).toMatch(/:states:::s3:listObjectsV2$/);
    expect(map.ItemReader.Parameters).toEqual({ Bucket: `<{'Ref':'${input}'}>`, 'Prefix.$': '$.prefix' });
    expect(map.ItemBatcher).toEqual({
      MaxItemsPerBatch: 40,
      BatchInput: { bucket: `<{'Ref':'${input}'}>`, 'force.$': '$.force', 'prefix.$': '$.prefix', source: 'objects' },
    });
    expect(map.MaxConcurrency).toBe(25);
    expect(map.ToleratedFailurePercentage).toBe(2);
    expect(map.ResultWriter.Parameters).toEqual({ Bucket: `<{'Ref':'${output}'}>`, Prefix: 'backfill-results' });
    const child = map.ItemProcessor.States[map.ItemProcessor.StartAt];
    expect(child.Type).toBe('Task');
    expect(child.Resource).toBe(`<{'Fn::GetAtt':['${logicalIdOf(stack, p.handler)}','Arn']}>`); // the same function, payload only
    expect(child.Retry.map((r: Json) => r.ErrorEquals)).toContainEqual(['States.TaskFailed']);
  });

  test('without an inventory bucket, {manifest} fails at once with Winnow.ManifestNotConfigured', () => {
    const branch = definition.States.BackfillSource.Choices[0].Next;
    expect(definition.States[branch]).toMatchObject({ Type: 'Fail', Error: 'Winnow.ManifestNotConfigured' });
    expect(definition.States[branch].Cause).toMatch(/backfillInventoryBucket/);
    expect(Object.keys(template.toJSON().Outputs)).not.toContain('BackfillInventoryBucket');
  });

  test('logging ALL (without execution data) to its own log group, X-Ray tracing; output StateMachineArn', () => {
    const sm = resources[smId];
    expect(sm.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    expect(sm.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(template.toJSON().Outputs.StateMachineArn.Value).toEqual({ Ref: smId });
  });

  test('least privilege: the state machine role lists the input bucket, invokes the handler, starts only its own executions', () => {
    const p = stack.pipeline;
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === roleId))
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
    const byAction = (a: string) => statements.filter((s) => asArray(s.Action).includes(a));
    expect(byAction('s3:ListBucket').map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logicalIdOf(stack, p.inputBucket), 'Arn'] }]);
    expect(byAction('lambda:InvokeFunction').map((s) => s.Resource)).toEqual([[
      { 'Fn::GetAtt': [logicalIdOf(stack, p.handler), 'Arn'] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdOf(stack, p.handler), 'Arn'] }, ':*']] },
    ]]);
    expect(byAction('states:StartExecution').map((s) => s.Resource)).toEqual([{ Ref: smId }]);
    expect(byAction('s3:PutObject').map((s) => JSON.stringify(s.Resource))).toEqual([expect.stringContaining(logicalIdOf(stack, p.outputBucket))]);
    expect(byAction('s3:GetObject')).toHaveLength(1); // the ResultWriter's, on the output bucket; no input read
    for (const s of statements) for (const a of asArray(s.Action)) expect(a).not.toContain('*');
    // The handler role gained nothing.
    const handlerRole = logicalIdOf(stack, p.handler.role!);
    const handlerActions = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === handlerRole))
      .flatMap((r) => (r.Properties.PolicyDocument.Statement as Json[]).flatMap((s) => asArray(s.Action)));
    expect(handlerActions.filter((a: string) => a.startsWith('states:') || a.startsWith('lambda:'))).toEqual([]);
  });

  test('cdk-nag AwsSolutions: clean with backfill on; every acknowledgement matches a real finding', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    const acks = acknowledgements(stack);
    for (const [, reason] of acks) expect(reason.length).toBeGreaterThan(40);
    expect([...new Set(acks.map(([id]) => id))].sort()).toEqual(rawFindings(stack));
  });

  test('bad backfill context is refused', () => {
    for (const [context, message] of [
      [{ backfill: 'yes' }, /context backfill: expected true or false/],
      [{ backfill: true, backfillMaxConcurrency: 0 }, /backfill.maxConcurrency must be an integer from 1 to 10000/],
      [{ backfill: true, backfillToleratedFailurePercentage: 101 }, /toleratedFailurePercentage must be from 0 to 100/],
      [{ backfill: true, backfillMaxItemsPerBatch: 'many' }, /context backfillMaxItemsPerBatch: expected a number/],
      [{ backfill: true, backfillInventoryBucket: 'Not_A_Bucket' }, /context backfillInventoryBucket: "Not_A_Bucket" is not an S3 bucket name/],
    ] as const) {
      const app = new App({ context: { ...cdkJson.context, ...context }, outdir: tmpOutdir() });
      expect(() => new WinnowStack(app, 'Bad')).toThrow(message);
    }
  });
});

describe('WinnowStack with backfill from an S3 Inventory (-c backfillInventoryBucket=NAME)', () => {
  let stack: WinnowStack;
  let template: Template;
  let resources: Json;
  let definition: Json;
  let roleId: string;

  beforeAll(() => {
    ({ stack, template, resources } = makeStack({ backfill: 'true', backfillInventoryBucket: 'acme-inventories' }));
    const [, sm] = only(resources, 'AWS::StepFunctions::StateMachine');
    roleId = sm.Properties.RoleArn['Fn::GetAtt'][0];
    const parts = sm.Properties.DefinitionString['Fn::Join'][1] as unknown[];
    definition = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p).replace(/"/g, "'")}>`)).join(''));
  });

  test('{manifest}: a second Distributed Map reads the inventory manifest at $.manifest in the inventory bucket, same batches, same function', () => {
    const p = stack.pipeline;
    const input = logicalIdOf(stack, p.inputBucket);
    const branch = definition.States.BackfillSource.Choices[0].Next;
    expect(branch).toBe('BackfillInventoryMap');
    const map = definition.States[branch];
    expect(map.Type).toBe('Map');
    expect(map.ItemReader).toMatchObject({ ReaderConfig: { InputType: 'MANIFEST' }, Parameters: { Bucket: 'acme-inventories', 'Key.$': '$.manifest' } });
    expect(map.ItemReader.Resource).toMatch(/:states:::s3:getObject$/);
    expect(map.ItemBatcher.BatchInput).toEqual({ bucket: `<{'Ref':'${input}'}>`, 'force.$': '$.force', 'prefix.$': '$.prefix', source: 'inventory' });
    expect(map.ItemBatcher.MaxItemsPerBatch).toBe(definition.States.BackfillMap.ItemBatcher.MaxItemsPerBatch);
    expect(map.ResultWriter).toEqual(definition.States.BackfillMap.ResultWriter);
    const child = map.ItemProcessor.States[map.ItemProcessor.StartAt];
    expect(child.Resource).toBe(`<{'Fn::GetAtt':['${logicalIdOf(stack, p.handler)}','Arn']}>`);
    expect(template.toJSON().Outputs.BackfillInventoryBucket.Value).toBe('acme-inventories');
  });

  test('least privilege: the role reads objects of the inventory bucket only (no listing, no write)', () => {
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === roleId))
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
    const onInventory = statements.filter((s) => JSON.stringify(s.Resource).includes('acme-inventories'));
    expect(onInventory.map((s) => asArray(s.Action))).toEqual([['s3:GetObject']]);
    expect(JSON.stringify(onInventory[0]!.Resource)).toContain('acme-inventories/*');
  });

  test('cdk-nag AwsSolutions: clean; every acknowledgement matches a real finding', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    const acks = acknowledgements(stack);
    expect(acks.some(([id, reason]) => id.includes('acme-inventories/*') && /inventory/i.test(reason))).toBe(true);
    expect([...new Set(acks.map(([id]) => id))].sort()).toEqual(rawFindings(stack));
  });
});

describe('WinnowStack with the batch output (-c outputs=text,json,batch) and its own metrics namespace', () => {
  let stack: WinnowStack;
  let resources: Json;

  beforeAll(() => {
    ({ stack, resources } = makeStack({ outputs: 'text,json,batch', metricsNamespace: 'Crawl/Winnow' }));
  });

  test('Glue database and table over batches/ of the output bucket, partitions dt and hour by projection (no crawler)', () => {
    const [dbId, db] = only(resources, 'AWS::Glue::Database');
    const [, table] = only(resources, 'AWS::Glue::Table');
    expect(Object.values(resources).some((r) => r.Type === 'AWS::Glue::Crawler')).toBe(false);
    const output = logicalIdOf(stack, stack.pipeline.outputBucket);
    const name = db.Properties.DatabaseInput.Name;
    expect(name).toMatch(/^[a-z0-9_]+$/);
    expect(table.Properties.DatabaseName).toBe(name);
    expect(table.DependsOn).toContain(dbId);
    const input = table.Properties.TableInput;
    expect(input.Name).toBe('pages');
    expect(input.TableType).toBe('EXTERNAL_TABLE');
    expect(input.PartitionKeys.map((k: Json) => [k.Name, k.Type])).toEqual([['dt', 'string'], ['hour', 'string']]);
    const location = { 'Fn::Join': ['', ['s3://', { Ref: output }, '/batches/']] };
    expect(input.StorageDescriptor.Location).toEqual(location);
    expect(input.Parameters).toEqual({
      classification: 'json',
      compressionType: 'gzip',
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.format': 'yyyy-MM-dd',
      'projection.dt.range': '2026-01-01,NOW',
      'projection.dt.interval': '1',
      'projection.dt.interval.unit': 'DAYS',
      'projection.hour.type': 'integer',
      'projection.hour.range': '0,23',
      'projection.hour.digits': '2',
      'storage.location.template': { 'Fn::Join': ['', ['s3://', { Ref: output }, '/batches/dt=${dt}/hour=${hour}/']] },
    });
    expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
    expect(input.StorageDescriptor.InputFormat).toBe('org.apache.hadoop.mapred.TextInputFormat');
    expect(input.StorageDescriptor.Columns.map((c: Json) => [c.Name, c.Type])).toEqual(BATCH_LINE_COLUMNS.map(([n, t]) => [n, t]));
    const outputs = Template.fromStack(stack).toJSON().Outputs;
    expect(outputs.BatchDatabaseName.Value).toBe(name);
  });

  test('the handler writes the batch output and its metrics under the namespace the dashboard graphs', () => {
    const fn = resources[logicalIdOf(stack, stack.pipeline.handler)].Properties;
    expect(fn.Environment.Variables).toMatchObject({ WINNOW_OUTPUTS: 'text,json,batch', POWERTOOLS_METRICS_NAMESPACE: 'Crawl/Winnow' });
    const graphed = graphedMetrics(dashboardWidgets(resources));
    for (const name of Object.values(BATCH_METRICS)) expect(graphed).toContain(`Crawl/Winnow/${name}[service=winnow]`);
    expect(graphed).toContain(`Crawl/Winnow/${PAGE_STATUS_METRICS.done}[service=winnow]`);
    expect(graphed.some((g) => g.startsWith('Winnow/'))).toBe(false);
  });

  test('cdk-nag AwsSolutions: clean with the Glue table and the dashboard; no new acknowledgement', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(rawFindings(stack)).toHaveLength(4);
  });

  test('dashboard: false leaves it out', () => {
    const app = new App({ context: cdkJson.context, outdir: tmpOutdir() });
    const bare = new Stack(app, 'NoDashboard');
    const pipeline = new WinnowPipeline(bare, 'Pipeline', { dashboard: false });
    expect(pipeline.dashboard).toBeUndefined();
    Template.fromStack(bare).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });
});

describe('page events: off, with a tail queue, on a bus of the user\'s', () => {
  test('-c events=false: no bus, no EVENT_BUS_NAME, no events:PutEvents, no EventBusName output', () => {
    const { stack, template, resources } = makeStack({ events: 'false' });
    expect(stack.pipeline.eventBus).toBeUndefined();
    template.resourceCountIs('AWS::Events::EventBus', 0);
    const [, fn] = Object.entries(resources).find(([id]) => id === logicalIdOf(stack, stack.pipeline.handler))!;
    expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain('EVENT_BUS_NAME');
    expect(policyStatements(resources).flatMap((s) => asArray(s.Action))).not.toContain('events:PutEvents');
    expect(Object.keys(template.toJSON().Outputs)).not.toContain('EventBusName');
  });

  describe('-c eventsTail=true', () => {
    let stack: WinnowStack;
    let template: Template;
    let resources: Json;
    beforeAll(() => {
      ({ stack, template, resources } = makeStack({ eventsTail: 'true' }));
    });

    test('a rule on the bus sends every winnow event ({"source": ["winnow"]}) to an encrypted queue; output EventsTailQueueUrl', () => {
      const busId = logicalIdOf(stack, stack.pipeline.eventBus!);
      const [, rule] = only(resources, 'AWS::Events::Rule');
      expect(rule.Properties.EventBusName).toEqual({ Ref: busId });
      expect(rule.Properties.EventPattern).toEqual({ source: ['winnow'] });
      expect(rule.Properties.Targets).toHaveLength(1);
      const queueId = rule.Properties.Targets[0].Arn['Fn::GetAtt'][0];
      expect(resources[queueId].Type).toBe('AWS::SQS::Queue');
      expect(resources[queueId].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 86400 });
      // Only EventBridge, for this rule, may send to it; and only over TLS.
      const queuePolicies = Object.values(resources).filter((r) => r.Type === 'AWS::SQS::QueuePolicy' && r.Properties.Queues.some((q: Json) => q.Ref === queueId));
      const statements = queuePolicies.flatMap((p) => p.Properties.PolicyDocument.Statement);
      const ruleId = logicalIdOf(stack, stack.node.findChild('EventsTail').node.findChild('Rule'));
      expect(statements).toContainEqual(expect.objectContaining({
        Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: expect.arrayContaining(['sqs:SendMessage']),
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }));
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
      expect(template.toJSON().Outputs.EventsTailQueueUrl.Value).toEqual({ Ref: queueId });
    });

    test('cdk-nag AwsSolutions: clean; every acknowledgement matches a real finding', () => {
      expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
      expect([...new Set(acknowledgements(stack).map(([id]) => id))].sort()).toEqual(rawFindings(stack));
      expect(rawFindings(stack)).toContain('AwsSolutions-SQS3');
    });
  });

  test('the construct on an existing bus: no bus created; the function puts events on that bus only', () => {
    const app = new App({ outdir: tmpOutdir() });
    const stack = new Stack(app, 'Crawl');
    const busArn = 'arn:aws:events:us-east-1:111122223333:event-bus/crawl-events';
    const bus = events.EventBus.fromEventBusArn(stack, 'Bus', busArn);
    const pipeline = new WinnowPipeline(stack, 'Winnow', { eventBus: bus });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Events::EventBus', 0);
    expect(pipeline.eventBus).toBe(bus);
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ EVENT_BUS_NAME: busArn }) } });
    expect(policyStatements(template.toJSON().Resources)).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: busArn }));
    expect(() => new WinnowPipeline(stack, 'Contradiction', { eventBus: bus, events: false })).toThrow(/eventBus is given but events is false/);
  });

  test.each([
    [{ events: 'maybe' }, /context events: expected true or false/],
    [{ events: 'false', eventsTail: 'true' }, /eventsTail=true needs the events/],
  ])('bad context %j is refused', (context, message) => {
    const app = new App({ context: { ...cdkJson.context, ...context }, outdir: tmpOutdir() });
    expect(() => new WinnowStack(app, 'Bad')).toThrow(message);
  });
});
