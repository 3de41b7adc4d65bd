import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule, type AuthOptions } from './auth/auth.module.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/index.js';
import { HealthModule } from './health/health.module.js';
import { DatabaseModule } from './infrastructure/database.module.js';
import { EventStoreModule } from './infrastructure/event-store.module.js';
import { loggerOptions } from './bootstrap/logger-options.js';
import { CommandsModule } from './shared/commands/commands.module.js';
import { EmployersModule } from './employers/employers.module.js';
import { CasesModule } from './cases/cases.module.js';

@Global()
@Module({})
class RuntimeConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return { module: RuntimeConfigModule, providers: [{ provide: RUNTIME_CONFIG, useValue: config }], exports: [RUNTIME_CONFIG] };
  }
}

export interface AppOptions {
  config: RuntimeConfig;
  auth: AuthOptions;
}

@Module({})
export class AppModule {
  static forRoot({ config, auth }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config.logLevel)),
        CqrsModule.forRoot(),
        DatabaseModule,
        EventStoreModule,
        AuthModule.forRoot(auth),
        CommandsModule,
        HealthModule,
        // One module per area of the domain.
        EmployersModule,
        CasesModule,
      ],
    };
  }
}
