/** The event shapes the handler receives (the subset of aws-lambda's types it reads). */
export interface SQSRecord {
  messageId: string;
  receiptHandle?: string;
  body: string;
  attributes?: Record<string, string>;
  eventSource?: string;
}

export interface SQSEvent {
  Records: SQSRecord[];
}

export interface SQSBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}
