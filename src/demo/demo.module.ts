import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { CertificationsModule } from '../certifications/certifications.module';
import { CoursesModule } from '../courses/courses.module';
import { ExamsModule } from '../exams/exams.module';
import { IdentityModule } from '../identity/identity.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { DemoActivityService } from './demo-activity.service';
import { DemoLearner } from './demo-learner.service';

/** The demo cohort's activity, seeded at start-up through the other features' services. */
@Module({
  imports: [IdentityModule, CoursesModule, ExamsModule, SimulationsModule, CertificationsModule],
  providers: [DemoLearner, DemoActivityService],
})
export class DemoModule implements OnApplicationBootstrap {
  constructor(private readonly activity: DemoActivityService) {}

  // Runs after the bootstrap of the modules imported here: the demo accounts exist and the
  // scenario library is loaded. Does nothing unless DEMO_ACTIVITY and DEMO_ACCOUNTS are on.
  async onApplicationBootstrap(): Promise<void> {
    await this.activity.ensure();
  }
}
