/**
 * The Lambda handler: SQS messages carrying S3 event notifications → the winnow engine →
 * clean text and JSON in the output bucket, a metadata item in DynamoDB.
 * (Being written: this placeholder only fixes the entry point the CDK construct bundles.)
 */
import type { SQSBatchResponse, SQSEvent } from './types';

export async function handler(_event: SQSEvent): Promise<SQSBatchResponse> {
  throw new Error('winnow handler: not implemented yet');
}
