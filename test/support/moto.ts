/**
 * One real moto per test file, on a free port: `const moto = useMoto();` at the top of a test
 * file starts it in beforeAll and stops it in afterAll; `moto.endpoint` is set once it answers.
 *
 * When moto_server is not installed the file's tests fail with local/moto.ts's
 * MotoMissingError message (what to install) — they are never silently skipped.
 */
import { freePort, startMoto, type MotoServer } from '../../local/moto';

export interface MotoHandle {
  /** `http://127.0.0.1:PORT`; throws when read before beforeAll has run. */
  readonly endpoint: string;
  readonly server: MotoServer;
}

export function useMoto(): MotoHandle {
  let server: MotoServer | null = null;

  beforeAll(async () => {
    server = await startMoto(await freePort());
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    server = null;
  });

  return {
    get endpoint() {
      if (!server) throw new Error('moto is not running (useMoto: read endpoint inside a test or hook)');
      return server.endpoint;
    },
    get server() {
      if (!server) throw new Error('moto is not running');
      return server;
    },
  };
}

/** Environment for an AWS CLI process talking to the local moto. */
export function awsCliEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}
