/**
 * The local stack: moto (started here, or an endpoint given in WINNOW_ENDPOINT), the same
 * resources as the CDK stack under fixed names, and a worker that feeds the queue to the very
 * same Lambda handler. Everything it started is stopped by `stop()`.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { OutputKind } from '../lambdas/output-keys';
import type { CommentsMode } from '../engine';
import { createHandler, type Handler } from '../lambdas/handler';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MIN_REMAINING_MS } from '../lambdas/clients';
import { PipelineMetrics } from '../lambdas/metrics';
import { isUp, startMoto, type MotoServer } from './moto';
import { createResources, localClients, LOCAL_NAMES, type AwsClients, type LocalNames, type LocalResources, type ResourceOptions, DEFAULT_RESOURCE_OPTIONS } from './resources';
import { startWorker, type Worker } from './worker';

export const DEFAULT_LOCAL_PORT = 4566;

export interface LocalStackOptions {
  /** Use this endpoint instead of starting moto (e.g. a moto or LocalStack already running). */
  endpoint?: string;
  /** Port for the moto this starts. */
  port?: number;
  names?: LocalNames;
  resources?: ResourceOptions;
  /** Log level of the handler's structured logs (Powertools): DEBUG, INFO, WARN, ERROR, SILENT. */
  logLevel?: string;
  /** What the handler does with comment threads (engine option `comments`, default drop). */
  comments?: CommentsMode;
  /** Which outputs the handler writes (default text and json). */
  outputs?: readonly OutputKind[];
  /**
   * The handler's EMF metrics lines, written to standard output as on Lambda (default: on
   * unless logLevel is SILENT); a PipelineMetrics of your own sends them elsewhere.
   */
  metrics?: boolean | PipelineMetrics;
  /** Start the worker (default true). Tests that drive the handler themselves turn it off. */
  worker?: boolean;
  /** The handler puts an event per page on the names' bus (default true when the names have one). */
  events?: boolean;
}

export interface LocalStack {
  endpoint: string;
  resources: LocalResources;
  clients: AwsClients;
  handler: Handler;
  worker: Worker | null;
  /** moto, when this stack started it. */
  moto: MotoServer | null;
  stop(): Promise<void>;
}

/** What the handler and the AWS CLI need to talk to the local endpoint. */
export function localEnvironment(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION ?? process.env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'test',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

function localMetrics(options: LocalStackOptions): PipelineMetrics | undefined {
  if (options.metrics instanceof PipelineMetrics) return options.metrics;
  const on = options.metrics ?? (options.logLevel ?? 'INFO').toUpperCase() !== 'SILENT';
  return on ? new PipelineMetrics() : undefined;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const names = options.names ?? LOCAL_NAMES;
  let moto: MotoServer | null = null;
  let endpoint = options.endpoint;
  if (!endpoint) {
    moto = await startMoto(options.port ?? DEFAULT_LOCAL_PORT);
    endpoint = moto.endpoint;
  } else if (!(await isUp(endpoint))) {
    throw new Error(`nothing answers at ${endpoint} (WINNOW_ENDPOINT): start moto there, or unset it to let winnow start one`);
  }
  try {
    // The handler reads its endpoint, region and credentials from the environment, as on Lambda.
    Object.assign(process.env, localEnvironment(endpoint));
    const clients = localClients(endpoint);
    const resourceOptions = options.resources ?? DEFAULT_RESOURCE_OPTIONS;
    const resources = await createResources(clients, names, resourceOptions);
    const handler = createHandler({
      clients: clientsFromEnv(),
      config: {
        outputBucket: names.outputBucket,
        tableName: names.table,
        maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
        minRemainingMs: DEFAULT_MIN_REMAINING_MS,
        maxClaimMs: resourceOptions.visibilityTimeoutSeconds * 1000, // a retry never meets a dead claim
        ...(options.comments ? { engine: { comments: options.comments } } : {}),
        ...(options.outputs ? { outputs: options.outputs } : {}),
        ...(names.eventBus && options.events !== false ? { events: { busName: names.eventBus } } : {}),
      },
      logger: new Logger({ serviceName: 'winnow', logLevel: (options.logLevel ?? 'INFO') as 'INFO' }),
      metrics: localMetrics(options),
    });
    const worker =
      options.worker === false
        ? null
        : startWorker({
            sqs: clients.sqs,
            queueUrl: resources.queueUrl,
            handler,
            onError: (err) => process.stderr.write(`winnow local: worker: ${(err as Error).message}\n`),
          });
    return {
      endpoint,
      resources,
      clients,
      handler,
      worker,
      moto,
      async stop() {
        await worker?.stop();
        for (const client of Object.values(clients)) client.destroy();
        await moto?.stop();
      },
    };
  } catch (err) {
    await moto?.stop();
    throw err;
  }
}
