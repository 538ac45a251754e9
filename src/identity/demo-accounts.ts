import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Role } from './role';
import { UsersService } from './users.service';

export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  roles: Role[];
  team?: string;
  managedTeams?: string[];
  employeeNumber: string;
}[] = [
  {
    email: 'trainee@academy.local',
    displayName: 'Tara Trainee',
    roles: ['trainee'],
    team: 'North',
    employeeNumber: 'DEMO-001',
  },
  {
    email: 'trainer@academy.local',
    displayName: 'Theo Trainer',
    roles: ['trainer'],
    managedTeams: ['North', 'South'],
    employeeNumber: 'DEMO-002',
  },
  {
    email: 'supervisor@academy.local',
    displayName: 'Sam Supervisor',
    roles: ['supervisor'],
    team: 'North',
    managedTeams: ['North'],
    employeeNumber: 'DEMO-003',
  },
  {
    email: 'hr@academy.local',
    displayName: 'Harper HR',
    roles: ['hr'],
    employeeNumber: 'DEMO-004',
  },
  {
    email: 'admin@academy.local',
    displayName: 'Ada Admin',
    roles: ['admin'],
    employeeNumber: 'DEMO-005',
  },
];

/** Creates the demo accounts that do not exist yet (outside production, or when DEMO_ACCOUNTS=true). */
@Injectable()
export class DemoAccounts {
  private readonly logger = new Logger(DemoAccounts.name);

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensure(): Promise<string[]> {
    if (!this.config.demoAccounts) return [];
    const created: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      if (await this.users.findByEmail(account.email)) continue;
      await this.users.create(null, { ...account, password: this.config.demoPassword });
      created.push(account.email);
    }
    if (created.length) this.logger.log(`created demo accounts: ${created.join(', ')}`);
    return created;
  }
}
