import { AuditEntry } from '../identity/audit-entry.entity';
import { User } from '../identity/user.entity';

// Every entity the data source knows; features add theirs here.
export const ENTITIES = [User, AuditEntry];
