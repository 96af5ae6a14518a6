/**
 * The pipeline's function and its code: the handler bundled with the package when installed,
 * or bundled from this checkout's sources at synth.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import LAMBDA_ALIASES from '../lambdas/bundle-alias.json';

/** The repository root (this file lives in `<root>/cdk/`, or is bundled into `<package>/dist/`). */
const PROJECT_ROOT = path.resolve(__dirname, '..');

/**
 * The installed package (`winnow/cdk`, bundled into `dist/`) ships the handler already bundled
 * the same way (scripts/build.cjs): no TypeScript sources and no esbuild needed in the
 * consumer's project. A checkout bundles `lambdas/handler.ts` at synth (NodejsFunction).
 */
const PREBUILT_HANDLER_DIR = path.join(__dirname, 'lambda-asset');

/**
 * The function `Handler` in `scope`, with `functionProps` (runtime, role, environment…). `entry`:
 * an app's own handler file, bundled at synth; without it, winnow's handler.
 */
export function createHandlerFunction(scope: Construct, functionProps: lambda.FunctionOptions & { runtime: lambda.Runtime }, entry?: string): lambda.Function {
  const prebuilt = entry === undefined && existsSync(path.join(PREBUILT_HANDLER_DIR, 'index.js'));
  return prebuilt
    ? new lambda.Function(scope, 'Handler', {
      ...functionProps,
      code: lambda.Code.fromAsset(PREBUILT_HANDLER_DIR),
      handler: 'index.handler',
    })
    : new nodejs.NodejsFunction(scope, 'Handler', {
      ...functionProps,
      entry: entry ?? path.join(PROJECT_ROOT, 'lambdas', 'handler.ts'),
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
        // runtime's own copy (toolchain notes: ~95 ms vs ~170 ms).
        externalModules: [],
        bundleAwsSDK: true,
        // Our handler gets the Lambda-only credential chain (lambdas/aws-credentials.ts); an
        // `entry` of the app's own keeps the SDK's default chain. esbuild reads the path from
        // its working directory, the project root here and in Docker bundling alike.
        esbuildArgs: entry === undefined
          ? { '--alias': Object.entries(LAMBDA_ALIASES).map(([from, to]) => `${from}=./${to}`) }
          : undefined,
      },
    });
}
