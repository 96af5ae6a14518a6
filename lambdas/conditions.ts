/** DynamoDB's answer to a write whose condition did not hold (the SDK's class, or its name from another copy of the SDK). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export function isConditionFailed(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err as Error | null)?.name === 'ConditionalCheckFailedException';
}
