import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import type { AnyProjection } from './projection.js';
import { ProjectionEngine } from './projection-engine.js';
import type { ProjectionEngineSettings } from './projection-engine-settings.js';

export interface ProjectionsModuleOptions {
  projections: readonly AnyProjection[];
  /** The token the app provides its EventStore under (libs cannot import the app's). */
  eventStore: InjectionToken;
  /** Modules that provide `eventStore` (or `dataSource`) when they are not global. */
  imports?: DynamicModule['imports'];
  /** Default: TypeORM's DataSource, as @nestjs/typeorm provides it. */
  dataSource?: InjectionToken;
  /** Default true; false leaves starting to the caller (`engine.start()`). */
  autoStart?: boolean;
  engine?: ProjectionEngineSettings;
}

const AUTO_START = Symbol('PROJECTIONS_AUTO_START');

@Injectable()
class ProjectionsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(AUTO_START) private readonly autoStart: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.autoStart) await this.engine.start();
  }

  // Before the DataSource and the event store close in their onApplicationShutdown.
  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}

/** The Nest face of the engine: provides `ProjectionEngine`, starts it on bootstrap, stops it on shutdown. */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AUTO_START, useValue: options.autoStart ?? true },
        {
          provide: ProjectionEngine,
          inject: [options.dataSource ?? DataSource, options.eventStore],
          useFactory: (dataSource: DataSource, eventStore: EventStore) =>
            new ProjectionEngine({
              ...options.engine,
              dataSource,
              eventStore,
              projections: options.projections,
              logger: new Logger('Projections'),
            }),
        },
        ProjectionsLifecycle,
      ],
      exports: [ProjectionEngine],
    };
  }
}
