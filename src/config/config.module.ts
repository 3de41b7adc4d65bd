import { type DynamicModule, Global, Module } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from './runtime-config.js';

/**
 * Provides the settled configuration under `RUNTIME_CONFIG` to every module. It takes the
 * value rather than reading the environment, so tests hand in whatever config they need.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: RUNTIME_CONFIG, useValue: config }], exports: [RUNTIME_CONFIG] };
  }
}
