/**
 * A Glue database and table over the `batch` output (`batches/dt=YYYY-MM-DD/hour=HH/*.jsonl.gz`
 * in the output bucket), so Athena can query the pages with no crawler: the partitions are
 * computed from the query's `dt` and `hour` by partition projection, never registered.
 */
import { Names, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BATCH_LINE_COLUMNS, BATCH_PREFIX } from '../lambdas/batch-line';

/** The table's name in its database. */
export const BATCH_TABLE_NAME = 'pages';

/**
 * First day partition projection enumerates (a query without a `dt` filter reads every day from
 * here to today); a day before the first batch object costs nothing but that listing.
 */
export const DEFAULT_PROJECTION_START = '2026-01-01';

export interface BatchTableProps {
  /** The output bucket the handler writes `batches/` to. */
  readonly bucket: s3.IBucket;
  /** @default - from the construct path, lower case (e.g. `winnowstack_pipeline_batchtable_1a2b3c4d`) */
  readonly databaseName?: string;
  /** `yyyy-MM-dd`. @default DEFAULT_PROJECTION_START */
  readonly projectionStart?: string;
}

/** Glue names: lower-case letters, digits and underscores (what Athena accepts unquoted). */
function glueName(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 255);
}

export class BatchTable extends Construct {
  public readonly databaseName: string;
  public readonly tableName = BATCH_TABLE_NAME;
  public readonly database: glue.CfnDatabase;
  public readonly table: glue.CfnTable;

  constructor(scope: Construct, id: string, props: BatchTableProps) {
    super(scope, id);
    const projectionStart = props.projectionStart ?? DEFAULT_PROJECTION_START;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(projectionStart)) {
      throw new Error(`BatchTable: projectionStart must be a day, yyyy-MM-dd, not "${projectionStart}"`);
    }
    this.databaseName = glueName(props.databaseName ?? Names.uniqueResourceName(this, { maxLength: 64, separator: '_' }));
    const catalogId = Stack.of(this).account;
    const location = `s3://${props.bucket.bucketName}/${BATCH_PREFIX}`;

    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId,
      databaseInput: { name: this.databaseName, description: 'winnow: the batch output of the pipeline (Athena, partition projection)' },
    });
    this.table = new glue.CfnTable(this, 'Table', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: this.tableName,
        description: 'One JSON line per page result (status, metadata, counts, clean text); keep one line per idempotencykey.',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [
          { name: 'dt', type: 'string', comment: 'UTC day the batch object was written, yyyy-MM-dd' },
          { name: 'hour', type: 'string', comment: 'UTC hour the batch object was written, 00-23' },
        ],
        parameters: {
          classification: 'json',
          compressionType: 'gzip',
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy-MM-dd',
          'projection.dt.range': `${projectionStart},NOW`,
          'projection.dt.interval': '1',
          'projection.dt.interval.unit': 'DAYS',
          'projection.hour.type': 'integer',
          'projection.hour.range': '0,23',
          'projection.hour.digits': '2',
          'storage.location.template': `${location}dt=\${dt}/hour=\${hour}/`,
        },
        storageDescriptor: {
          location,
          columns: BATCH_LINE_COLUMNS.map(([name, type, comment]) => ({ name, type, comment })),
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          compressed: true,
          serdeInfo: {
            serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
            // The lines' keys are camelCase, Glue's columns lower case.
            parameters: { 'case.insensitive': 'true', 'ignore.malformed.json': 'false' },
          },
        },
      },
    });
    this.table.addResourceDependency(this.database);
  }
}
