/**
 * npm run bench:hostile — the hostile inputs of test/support/hostile-inputs.ts through the local
 * stack (moto + the worker + the Lambda handler, in this process), one at a time, with the
 * code each ended with, the time it took and the process's peak RSS (the worker's memory).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { pkOf } from '../lambdas/item';
import { freePort, startMoto } from '../local/moto';
import { startLocalStack } from '../local/stack';
import { waitForItem } from '../local/examples';
import { HOSTILE_INPUTS } from '../test/support/hostile-inputs';

async function main(): Promise<void> {
  const moto = await startMoto(await freePort());
  const stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT' });
  const rows: { name: string; status: string; code: string; ms: number; rssMB: number }[] = [];
  try {
    for (const input of HOSTILE_INPUTS) {
      const body = await input.body();
      const t0 = Date.now();
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.resources.names.inputBucket, Key: input.key, Body: body }));
      const item = await waitForItem(stack, input.key, 120_000);
      rows.push({
        name: input.name,
        status: item?.status ?? 'MISSING',
        code: item?.errorCode ?? '',
        ms: Date.now() - t0,
        rssMB: process.resourceUsage().maxRSS / 1024,
      });
      void pkOf;
    }
  } finally {
    await stack.stop();
    await moto.stop();
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ rows, peakRssMB: process.resourceUsage().maxRSS / 1024 }, null, 2));
    return;
  }
  for (const r of rows) console.log(`${r.status.padEnd(8)} ${r.code.padEnd(14)} ${String(r.ms).padStart(6)} ms  peak RSS so far ${r.rssMB.toFixed(0)} MB  ${r.name}`);
  console.log(`\npeak RSS of the worker process (moto runs apart): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (rows.some((r) => r.status !== 'failed')) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
