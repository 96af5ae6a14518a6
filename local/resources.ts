/**
 * The local stack's resources, with the fixed names the README documents: the same shape as
 * the CDK stack (input and output buckets, a queue fed by S3 notifications with a dead-letter
 * queue, the metadata table with its status index).
 */
import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createEventResources } from './events';

export interface LocalNames {
  inputBucket: string;
  outputBucket: string;
  queue: string;
  deadLetterQueue: string;
  table: string;
  /** The events' bus and the queue a rule sends them all to (local/events.ts); no events without them. */
  eventBus?: string;
  eventsTailQueue?: string;
}

export const LOCAL_NAMES: LocalNames = {
  inputBucket: 'winnow-input',
  outputBucket: 'winnow-output',
  queue: 'winnow-uploads',
  deadLetterQueue: 'winnow-uploads-dlq',
  table: 'winnow-pages',
  eventBus: 'winnow-events',
  eventsTailQueue: 'winnow-events-tail',
};

export interface LocalResources {
  names: LocalNames;
  queueUrl: string;
  deadLetterQueueUrl: string;
  /** Set when the names have an event bus and tail queue. */
  eventsTailQueueUrl?: string;
}

export interface ResourceOptions {
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
  /** Seconds a received message stays invisible to other consumers. */
  visibilityTimeoutSeconds: number;
}

export const DEFAULT_RESOURCE_OPTIONS: ResourceOptions = { maxReceiveCount: 5, visibilityTimeoutSeconds: 60 };

export interface AwsClients {
  s3: S3Client;
  sqs: SQSClient;
  dynamodb: DynamoDBClient;
  eventbridge: EventBridgeClient;
}

export function localClients(endpoint: string): AwsClients {
  const common = { endpoint, region: process.env.AWS_REGION ?? 'us-east-1' };
  return {
    s3: new S3Client({ ...common, forcePathStyle: true }),
    sqs: new SQSClient(common),
    dynamodb: new DynamoDBClient(common),
    eventbridge: new EventBridgeClient(common),
  };
}

async function ignoreExists(promise: Promise<unknown>, ...names: string[]): Promise<void> {
  try {
    await promise;
  } catch (err) {
    const name = (err as Error).name;
    if (!names.includes(name) && !(err instanceof ResourceInUseException)) throw err;
  }
}

export async function createResources(
  clients: AwsClients,
  names: LocalNames = LOCAL_NAMES,
  options: ResourceOptions = DEFAULT_RESOURCE_OPTIONS,
): Promise<LocalResources> {
  for (const bucket of [names.inputBucket, names.outputBucket]) {
    await ignoreExists(clients.s3.send(new CreateBucketCommand({ Bucket: bucket })), 'BucketAlreadyOwnedByYou', 'BucketAlreadyExists');
  }
  const dlq = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: names.deadLetterQueue, Attributes: { MessageRetentionPeriod: '1209600' } }),
  );
  const dlqAttributes = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await clients.sqs.send(
    new CreateQueueCommand({
      QueueName: names.queue,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqAttributes.Attributes?.QueueArn,
          maxReceiveCount: options.maxReceiveCount,
        }),
      },
    }),
  );
  const queueAttributes = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await ignoreExists(
    clients.dynamodb.send(
      new CreateTableCommand({
        TableName: names.table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
          { AttributeName: 'processedAt', AttributeType: 'S' },
          { AttributeName: 'site', AttributeType: 'S' },
          { AttributeName: 'published', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'processedAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            // A site's pages by publication date (sparse: items with both attributes).
            IndexName: 'bySite',
            KeySchema: [
              { AttributeName: 'site', KeyType: 'HASH' },
              { AttributeName: 'published', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    ),
    'ResourceInUseException',
  );
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: names.inputBucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          { QueueArn: queueAttributes.Attributes?.QueueArn, Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] },
        ],
      },
    }),
  );
  const events = names.eventBus && names.eventsTailQueue
    ? await createEventResources(clients, { eventBus: names.eventBus, eventsTailQueue: names.eventsTailQueue })
    : null;
  return { names, queueUrl: queue.QueueUrl!, deadLetterQueueUrl: dlq.QueueUrl!, ...(events ? { eventsTailQueueUrl: events.eventsTailQueueUrl } : {}) };
}
