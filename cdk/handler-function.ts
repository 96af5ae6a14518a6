/**
 * The pipeline's function and its code: the handler bundled with the package when installed,
 * or bundled from this checkout's sources at synth.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';

/** The repository root (this file lives in `<root>/cdk/`, or is bundled into `<package>/dist/`). */
const PROJECT_ROOT = path.resolve(__dirname, '..');

/**
 * The installed package (`winnow/cdk`, bundled into `dist/`) ships the handler already bundled
 * (scripts/build.cjs): no TypeScript sources and no esbuild needed in the consumer's project.
 * A checkout bundles `lambdas/handler.ts` at synth with the same script and settings.
 */
const PREBUILT_HANDLER_DIR = path.join(__dirname, 'lambda-asset');
const BUILD_SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'build.cjs');
const CHECKOUT_HANDLER_DIR = path.join(PROJECT_ROOT, 'dist', 'lambda-asset');

/** winnow's handler: the package's bundle, or this checkout's sources bundled at synth. */
function winnowHandlerCode(): lambda.Code {
  if (existsSync(path.join(PREBUILT_HANDLER_DIR, 'index.js'))) return lambda.Code.fromAsset(PREBUILT_HANDLER_DIR);
  // scripts/build.cjs, not NodejsFunction's bundling: its esbuild plugins (scripts/sdk-*.cjs) leave
  // the SDK schemas of unused operations out and load event streams statically, and its output is
  // written in ASCII (scripts/ascii-only.cjs); NodejsFunction takes no plugins. Into
  // dist/lambda-asset, where `npm run build` puts the same bundle.
  return lambda.Code.fromCustomCommand(CHECKOUT_HANDLER_DIR, [process.execPath, BUILD_SCRIPT, 'lambda', CHECKOUT_HANDLER_DIR]);
}

/**
 * The function `Handler` in `scope`, with `functionProps` (runtime, role, environment…). `entry`:
 * an app's own handler file, bundled at synth; without it, winnow's handler.
 */
export function createHandlerFunction(scope: Construct, functionProps: lambda.FunctionOptions & { runtime: lambda.Runtime }, entry?: string): lambda.Function {
  return entry === undefined
    ? new lambda.Function(scope, 'Handler', {
      ...functionProps,
      code: winnowHandlerCode(),
      handler: 'index.handler',
    })
    : new nodejs.NodejsFunction(scope, 'Handler', {
      ...functionProps,
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false, // the locally installed esbuild; no Docker here
        minify: true,
        format: nodejs.OutputFormat.CJS,
        mainFields: ['module', 'main'],
        target: 'node22',
        // Source maps off: --enable-source-maps costs ~40 ms of cold start (toolchain notes).
        sourceMap: false,
        // Bundle the AWS SDK v3 clients too: a minified CJS bundle loads faster than the
        // runtime's own copy (toolchain notes: ~95 ms vs ~170 ms). An app's own handler keeps
        // the SDK's default credential chain.
        externalModules: [],
        bundleAwsSDK: true,
      },
    });
}
