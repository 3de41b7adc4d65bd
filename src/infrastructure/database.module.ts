import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONNECTION_SETTINGS } from '@app/database';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/index.js';
import { MIGRATIONS } from '../migrations/index.js';

/**
 * The app's tables (idempotency records, the access log, the views), on the same PostgreSQL as the
 * event store: TypeORM's pool for SQL of our own and its migrations, the one way the app's schema
 * changes. No entities: every table is read and written by plain SQL, so there is no mapping to
 * keep in step with the migrations. (The event store migrates its own schema, as a library.)
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        entities: [],
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
