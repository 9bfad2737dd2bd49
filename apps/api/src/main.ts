import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Bodies } from './bodies/bodies.service.js';
import { seedExampleBodies } from './bodies/examples.js';
import { createApp } from './app.factory.js';
import { UserDirectory } from './auth/users.js';
import { ConfigError, loadApiConfig } from './config.js';
import { warmUpPdf } from './documents/fonts.js';
import { createEventStore, EventStoreConfigError, parseEventStoreConfig } from '@app/event-store';
import { readModelPath } from '@app/projections';
import { FileLock } from './infra/store-lock.js';
import { upcasters } from '@app/domain';

// Configuration errors are the operator's to fix: say which variable, exit 1, no stack trace.
try {
  const config = loadApiConfig(process.env);
  parseEventStoreConfig(process.env); // every setting checked before any file is created
  // A development first start (no users file yet) also gets the example bodies (seeded below).
  const firstStart = !existsSync(config.usersFile);
  const users = UserDirectory.load(config.usersFile);
  const store = createEventStore(upcasters, process.env);
  // The read models are this server's to write: a rebuild (or a second server) must not.
  const readModels = readModelPath(store);
  if (readModels !== ':memory:') FileLock.acquire(readModels, `Paragraf API, port ${config.port}`);
  const app = await createApp({ config, store, users }, { handleSignals: true });
  if (firstStart) await seedExampleBodies(app.get(Bodies), (l) => process.stdout.write(`${l}\n`));
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`Paragraf API on http://localhost:${config.port} (OpenAPI: /docs)\n`);
  process.stdout.write(
    config.oidc
      ? `Sign-in: the identity provider ${config.oidc.issuer.href} (PARAGRAF_OIDC_ISSUER)\n`
      : 'Sign-in: NO identity provider configured (PARAGRAF_OIDC_ISSUER), so the web page lets anyone ' +
          'who reaches it sign in as a development user. For development only; see the README, ' +
          '"Connecting the municipality\'s identity provider".\n',
  );
  // Fonts parsed and pdfkit loaded now rather than on the first PDF someone waits for.
  setTimeout(() => void warmUpPdf().catch(() => undefined), 500).unref();
} catch (err) {
  // A settings error names its variable (ConfigError here, EventStoreConfigError in libs/event-store).
  const e = err as Error;
  const isConfig = err instanceof ConfigError || err instanceof EventStoreConfigError;
  process.stderr.write(
    `${isConfig ? 'Invalid configuration' : 'Could not start'}: ${e?.message ?? String(err)}\n`,
  );
  if (!isConfig && e?.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}
