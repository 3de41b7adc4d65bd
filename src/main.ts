import 'reflect-metadata';
import { configFromEnvironmentOrExit } from './config/index.js';
import { startTelemetry } from './telemetry/start-telemetry.js';

const config = configFromEnvironmentOrExit();
// Tracing starts before the app's modules are imported, so its instrumentations can hook http and pg as they load.
const telemetry = await startTelemetry(config.otlpEndpoint);
const { runService } = await import('./bootstrap/run-service.js');
await runService(config, telemetry);
