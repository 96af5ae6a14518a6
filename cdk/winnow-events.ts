/**
 * The page events of a WinnowPipeline: the EventBridge bus the handler puts one event per page
 * on (lambdas/events.ts), and an optional "tail" queue that a rule fills with every winnow
 * event, for `winnow tail --stack NAME` or a quick look.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../lambdas/page-event';

/** The handler's environment variable naming the bus (name or ARN); no events without it. */
export const EVENT_BUS_ENV = 'EVENT_BUS_NAME';

/** Every event winnow puts on the bus. */
export const PAGE_EVENT_PATTERN: events.EventPattern = { source: [EVENT_SOURCE] };

/** Lets the function put its events on the bus and tells it which bus (by ARN: a bus of another account works too). */
export function connectPageEvents(fn: lambda.Function, bus: events.IEventBus): void {
  fn.addEnvironment(EVENT_BUS_ENV, bus.eventBusArn);
  bus.grantPutEventsTo(fn); // events:PutEvents on this bus only
}

export interface WinnowEventsTailProps {
  readonly eventBus: events.IEventBus;
  /**
   * How long an event waits on the queue for someone to read it.
   * @default Duration.days(1)
   */
  readonly retentionPeriod?: Duration;
}

/** A queue receiving every winnow event of the bus (a rule with PAGE_EVENT_PATTERN). */
export class WinnowEventsTail extends Construct {
  public readonly queue: sqs.Queue;
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: WinnowEventsTailProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retentionPeriod ?? Duration.days(1),
    });
    this.rule = new events.Rule(this, 'Rule', {
      eventBus: props.eventBus,
      eventPattern: PAGE_EVENT_PATTERN,
      description: 'winnow: every page event to the tail queue (winnow tail)',
      targets: [new targets.SqsQueue(this.queue)],
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'The tail queue is for watching events (winnow tail), not a work queue: a message nobody reads '
        + 'expires, and there is no processing whose failures a dead-letter queue would keep.',
    });
  }
}
