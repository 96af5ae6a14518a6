/**
 * AWS clients and configuration from the environment, as Lambda (or the local stack) gives it.
 * SDK v3 reads AWS_ENDPOINT_URL itself; S3 on a custom endpoint (moto) needs path-style URLs.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { parseMarkdownExtras, parseOutputs } from './output-keys';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { COMMENTS_MODES, type CommentsMode } from '../engine';
import type { PipelineClients, PipelineConfig } from './process-object';

export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** A 10 MB page takes well under 2 s; 10 s leaves room for its reads and writes too. */
export const DEFAULT_MIN_REMAINING_MS = 10_000;

export function clientsFromEnv(env: NodeJS.ProcessEnv = process.env): PipelineClients {
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
  return {
    s3: new S3Client({ forcePathStyle: customEndpoint }),
    dynamodb: new DynamoDBClient({}),
    eventbridge: new EventBridgeClient({}),
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PipelineConfig {
  const outputBucket = env.OUTPUT_BUCKET;
  const tableName = env.TABLE_NAME;
  if (!outputBucket || !tableName) {
    throw new Error('winnow handler: OUTPUT_BUCKET and TABLE_NAME must be set in the environment');
  }
  const maxInputBytes = Number(env.MAX_INPUT_BYTES ?? DEFAULT_MAX_INPUT_BYTES);
  // What becomes of comment threads: drop (default), keep-ham or keep-all (engine option `comments`).
  const comments = (env.WINNOW_COMMENTS || 'drop').trim().toLowerCase() as CommentsMode;
  if (!COMMENTS_MODES.includes(comments)) {
    throw new Error(`winnow handler: WINNOW_COMMENTS must be ${COMMENTS_MODES.join(', ')}, not "${env.WINNOW_COMMENTS}"`);
  }
  // Below this much time left in the invocation, records are left for SQS to retry.
  const minRemainingMs = Number(env.WINNOW_MIN_REMAINING_MS ?? DEFAULT_MIN_REMAINING_MS);
  // Which outputs are written: text, markdown, json, batch (default text,json).
  let outputs;
  try {
    outputs = parseOutputs(env.WINNOW_OUTPUTS);
  } catch (err) {
    throw new Error(`winnow handler: WINNOW_OUTPUTS: ${(err as Error).message}`);
  }
  // What the Markdown output adds: links, images (off by default), no-emphasis. The engine
  // records emphasis only when the markdown output is written.
  let markdown;
  try {
    markdown = parseMarkdownExtras(env.WINNOW_MARKDOWN);
  } catch (err) {
    throw new Error(`winnow handler: WINNOW_MARKDOWN: ${(err as Error).message}`);
  }
  markdown.emphasis &&= outputs.includes('markdown');
  // An event per page on this bus (name or ARN); none when unset.
  const eventBusName = env.EVENT_BUS_NAME?.trim();
  return {
    outputBucket,
    tableName,
    outputs,
    ...(eventBusName ? { events: { busName: eventBusName } } : {}),
    minRemainingMs: Number.isFinite(minRemainingMs) && minRemainingMs >= 0 ? minRemainingMs : DEFAULT_MIN_REMAINING_MS,
    maxInputBytes: Number.isFinite(maxInputBytes) && maxInputBytes > 0 ? maxInputBytes : DEFAULT_MAX_INPUT_BYTES,
    engine: { decode: { maxBytes: maxInputBytes > 0 ? maxInputBytes : DEFAULT_MAX_INPUT_BYTES }, comments, markdown },
  };
}
