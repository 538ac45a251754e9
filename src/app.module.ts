import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, CLOCK, rewindable, systemClock } from './common/clock';
import { HttpErrorFilter } from './common/http-error.filter';
import { ViewContextInterceptor } from './common/view-context.interceptor';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ContentModule } from './content/content.module';
import { databaseOptions } from './database/database-options';
import { SqliteTuning } from './database/sqlite-tuning';
import { HealthController } from './health/health.controller';
import { CoursesModule } from './courses/courses.module';
import { ExamsModule } from './exams/exams.module';
import { IdentityModule } from './identity/identity.module';
import { RotationsModule } from './rotations/rotations.module';
import { ScoringModule } from './scoring/scoring.module';
import { SimulationsModule } from './simulations/simulations.module';
import { LearningRecordsModule } from './learning-records/learning-records.module';
import { ReportsModule } from './reports/reports.module';
import { CertificationsModule } from './certifications/certifications.module';
import { DemoModule } from './demo/demo.module';

export interface AppModuleOptions {
  config: AppConfig;
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: rewindable(options.clock ?? systemClock) },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        TypeOrmModule.forRoot(databaseOptions(options.config)),
        ContentModule,
        IdentityModule,
        ScoringModule,
        LearningRecordsModule,
        CoursesModule,
        ExamsModule,
        SimulationsModule,
        ReportsModule,
        CertificationsModule,
        RotationsModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: ViewContextInterceptor },
        SqliteTuning,
      ],
    };
  }
}
