import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule, type AuthOptions } from './auth/auth.module.js';
import { ConfigModule, type RuntimeConfig } from './config/index.js';
import { HealthModule } from './health/health.module.js';
import { DatabaseModule } from './infrastructure/database.module.js';
import { EventStoreModule } from './infrastructure/event-store.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { CommandsModule } from './shared/commands/commands.module.js';
import { ClientsModule } from './shared/clients/clients.module.js';
import { EmployersModule } from './employers/employers.module.js';
import { CasesModule } from './cases/cases.module.js';
import { EVENT_STORE } from '@app/event-store';
import { ProjectionsModule, type ViewDefinition } from '@app/projections';
import { OfficesModule } from './offices/offices.module.js';
import { ProjectionsAdminModule } from './projections-admin/projections-admin.module.js';
import { ViewReaderModule } from './shared/views/view-reader.module.js';
import { APP_VIEWS } from './views/app-views.js';
import { ReplayThreadsModule } from './infrastructure/replay-threads.module.js';
import { HistoryModule } from './history/history.module.js';
import { ClientsAdminModule } from './clients/clients-admin.module.js';
import { AccessLogModule } from './access-log/access-log.module.js';
import { AccessLogWriter } from './access-log/record-access/access-log.writer.js';
import { ACCESS_DECISION_LISTENER } from './auth/access-decision.js';
import { WebAppModule } from './web-app/web-app.module.js';

export interface AppOptions {
  config: RuntimeConfig;
  auth: AuthOptions;
  /**
   * The views this instance runs (default: every area's, `APP_VIEWS`). Queries read each view with
   * the projection listed here, found by name: a test or the bench runs two releases of one view
   * in one process, as an old and a new instance of a rolling deploy.
   */
  views?: readonly ViewDefinition[];
}

@Module({})
export class AppModule {
  static forRoot({ config, auth, views = APP_VIEWS }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        DatabaseModule,
        EventStoreModule,
        // Every access decision goes to the access log (sporingslogg) before the request goes on.
        AuthModule.forRoot(auth, { provide: ACCESS_DECISION_LISTENER, useClass: AccessLogWriter }),
        CommandsModule,
        ClientsModule,
        HealthModule,
        MetricsModule,
        // The read side: the engine runs every area's views; ViewReader serves their queries.
        ProjectionsModule.forRoot({
          projections: views.map((view) => view.projection),
          eventStore: EVENT_STORE,
          engine: config.projections,
        }),
        ViewReaderModule,
        ReplayThreadsModule,
        ProjectionsAdminModule.forRoot(views),
        // One module per area of the domain, each with its commands and its views.
        EmployersModule,
        CasesModule,
        OfficesModule,
        HistoryModule,
        AccessLogModule,
        ClientsAdminModule,
        WebAppModule,
      ],
    };
  }
}
