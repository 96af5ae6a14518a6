/**
 * The package's `winnow/cdk` entry: the WinnowPipeline construct for your own stacks
 * (aws-cdk-lib and constructs are peer dependencies).
 */
export {
  WinnowPipeline,
  WINNOW_DEFAULTS,
  COMMENT_MODES,
  LOG_LEVELS,
  VISIBILITY_TIMEOUT_FACTOR,
  type WinnowPipelineProps,
} from './winnow-pipeline';
export { BACKFILL_DEFAULTS, type WinnowBackfillProps } from './backfill';
export { BatchTable, BATCH_TABLE_NAME, type BatchTableProps } from './batch-table';
export { WinnowDashboard, type WinnowDashboardProps } from './dashboard';
export { WinnowEventsTail, PAGE_EVENT_PATTERN, EVENT_BUS_ENV, type WinnowEventsTailProps } from './winnow-events';
