/**
 * The CDK app: `npx cdk synth` (cdk.json runs this with tsx). Options come from context; see
 * cdk/winnow-stack.ts for the list. cdk-nag's AwsSolutions checks run at synth: an
 * unacknowledged finding fails it.
 */
import { createWinnowApp } from './winnow-stack';

createWinnowApp().app.synth();
