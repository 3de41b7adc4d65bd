import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONNECTION_SETTINGS } from '../../libs/database/src/connection-settings.js';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { MIGRATIONS } from '../migrations/index.js';

/** Read models and other tables of the app, on the same PostgreSQL; schema by migrations only. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
        migrations: [...MIGRATIONS],
        // Also the connections projections hold their advisory locks on (connection-settings.ts says why).
        extra: { max: 20, ...CONNECTION_SETTINGS },
      }),
    }),
  ],
})
export class DatabaseModule {}
