/**
 * Where the operations commands look: the local stack on moto (fixed names, an endpoint), or
 * a deployed stack on AWS (names from its CloudFormation outputs, or given one by one).
 *
 *   --endpoint URL                     local, at URL (names: the local stack's, unless given)
 *   --stack NAME                       AWS: InputBucketName, OutputBucketName, TableName,
 *                                      QueueUrl, DeadLetterQueueUrl from the stack's outputs
 *   --table / --queue-url / --dlq-url  AWS with explicit names (these also override the others)
 *   nothing                            local, at WINNOW_ENDPOINT or http://127.0.0.1:4566
 *
 * On AWS the clients take region and credentials the SDK's usual way (AWS_REGION, AWS_PROFILE,
 * …; AWS_ENDPOINT_URL is honoured by the SDK itself).
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_NAMES } from '../local/resources';

export const DEFAULT_LOCAL_ENDPOINT = 'http://127.0.0.1:4566';

/** The names the commands need; queue URLs only for redrive. */
export interface OpsNames {
  table: string;
  inputBucket?: string;
  outputBucket?: string;
  queueUrl?: string;
  deadLetterQueueUrl?: string;
}

export interface OpsClients {
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
}

export interface TargetOptions {
  stack?: string;
  endpoint?: string;
  table?: string;
  queueUrl?: string;
  dlqUrl?: string;
  /** The input bucket, for `status KEY` with a bare key. */
  bucket?: string;
  region?: string;
  /** Resolve the queue URLs too (local: GetQueueUrl of the fixed names). */
  queues?: boolean;
}

export interface OpsTarget {
  mode: 'local' | 'aws';
  /** One line for the user: where this is looking. */
  description: string;
  clients: OpsClients;
  names: OpsNames;
  destroy(): void;
}

export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

/** The stack's outputs as { OutputKey: OutputValue }. */
export async function stackOutputs(cfn: CloudFormationClient, stackName: string): Promise<Record<string, string>> {
  let out;
  try {
    out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  } catch (err) {
    throw new TargetError(`cannot read the stack ${stackName}: ${(err as Error).message}`);
  }
  const stack = out.Stacks?.[0];
  if (!stack) throw new TargetError(`no stack named ${stackName}`);
  const outputs: Record<string, string> = {};
  for (const o of stack.Outputs ?? []) if (o.OutputKey && o.OutputValue !== undefined) outputs[o.OutputKey] = o.OutputValue;
  return outputs;
}

/** The names from a winnow stack's outputs (cdk/winnow-stack.ts). */
export function namesFromOutputs(outputs: Record<string, string>, stackName: string): OpsNames {
  if (!outputs.TableName) {
    throw new TargetError(`the stack ${stackName} has no TableName output: is it a winnow stack? (outputs: ${Object.keys(outputs).join(', ') || 'none'})`);
  }
  return {
    table: outputs.TableName,
    inputBucket: outputs.InputBucketName,
    outputBucket: outputs.OutputBucketName,
    queueUrl: outputs.QueueUrl,
    deadLetterQueueUrl: outputs.DeadLetterQueueUrl,
  };
}

export interface ClientSettings {
  local: boolean;
  endpoint?: string;
  region?: string;
  /** For any SDK v3 client's constructor. */
  config: { region?: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } };
}

/**
 * Local (an endpoint given, or nothing that names AWS resources) or AWS, and the SDK client
 * settings for it. `explicitNames`: the command was given AWS resource names (a table, a queue URL…).
 */
export function clientSettings(options: { endpoint?: string; stack?: string; region?: string }, explicitNames: boolean, env: NodeJS.ProcessEnv = process.env): ClientSettings {
  const local = Boolean(options.endpoint) || (!options.stack && !explicitNames);
  const endpoint = local ? options.endpoint || env.WINNOW_ENDPOINT || DEFAULT_LOCAL_ENDPOINT : undefined;
  const region = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || (local ? 'us-east-1' : undefined);
  const config: ClientSettings['config'] = {};
  if (region) config.region = region;
  if (endpoint) {
    config.endpoint = endpoint;
    // moto takes any credentials; do not make the user invent some.
    if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) config.credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  }
  return { local, endpoint, region, config };
}

export async function resolveTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): Promise<OpsTarget> {
  const explicitNames = Boolean(options.table || options.queueUrl || options.dlqUrl);
  const { local, endpoint, region, config } = clientSettings(options, explicitNames, env);
  const clients: OpsClients = { dynamodb: new DynamoDBClient(config), sqs: new SQSClient(config) };
  const destroy = () => {
    clients.dynamodb.destroy();
    clients.sqs.destroy();
  };
  try {
    let names: Partial<OpsNames> = {};
    if (options.stack) {
      const cfn = new CloudFormationClient(config);
      try {
        names = namesFromOutputs(await stackOutputs(cfn, options.stack), options.stack);
      } finally {
        cfn.destroy();
      }
    } else if (local) {
      names = { table: LOCAL_NAMES.table, inputBucket: LOCAL_NAMES.inputBucket, outputBucket: LOCAL_NAMES.outputBucket };
      if (options.queues && !options.queueUrl && !options.dlqUrl) {
        names.queueUrl = await queueUrl(clients.sqs, LOCAL_NAMES.queue, endpoint!);
        names.deadLetterQueueUrl = await queueUrl(clients.sqs, LOCAL_NAMES.deadLetterQueue, endpoint!);
      }
    }
    if (options.table) names.table = options.table;
    if (options.queueUrl) names.queueUrl = options.queueUrl;
    if (options.dlqUrl) names.deadLetterQueueUrl = options.dlqUrl;
    if (options.bucket) names.inputBucket = options.bucket;
    if (!names.table) throw new TargetError('no table: give --stack NAME (a deployed winnow stack) or --table NAME');
    const where = local ? `local stack at ${endpoint}` : options.stack ? `stack ${options.stack}${region ? ` in ${region}` : ''}` : `AWS${region ? ` in ${region}` : ''}`;
    return { mode: local ? 'local' : 'aws', description: where, clients, names: names as OpsNames, destroy };
  } catch (err) {
    destroy();
    throw err;
  }
}

async function queueUrl(sqs: SQSClient, name: string, endpoint: string): Promise<string> {
  try {
    const out = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    return out.QueueUrl!;
  } catch (err) {
    throw new TargetError(`no queue ${name} at ${endpoint} (is \`winnow local\` running?): ${(err as Error).message}`);
  }
}
