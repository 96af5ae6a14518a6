/**
 * The AWS credential chain of the Lambda bundle: the sources a Lambda function is given, and no
 * others. esbuild puts this module in place of `@aws-sdk/credential-provider-node` when it
 * bundles the handler (LAMBDA_BUNDLE's `alias` in scripts/build.cjs, which the construct
 * deploys). The SDK's default chain also reads shared config files, SSO, web identity,
 * credential processes and EC2 instance metadata, none of which a Lambda function has; they
 * were 113 KB of the 816 KB bundle and ~13 ms of its cold start.
 *
 * Lambda puts the function role's credentials in the environment (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). A container credentials endpoint
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI) is read after them, as the default
 * chain does. The `winnow/lambda` entry and the CLI keep the SDK's whole default chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { chain } from '@smithy/core/config';

type ProviderInit = Parameters<typeof fromEnv>[0] & Parameters<typeof fromHttp>[0];

/** The same name and call as `@aws-sdk/credential-provider-node`'s, which the SDK clients import. */
export const defaultProvider = (init: ProviderInit = {}) =>
  // fromHttp reads its endpoint when made: made only once the environment had no keys.
  chain(fromEnv(init), () => fromHttp(init)());
