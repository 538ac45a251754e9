import { UserStatus } from './dto/user.dto';

// Each status as a WHERE clause with its parameters (booleans bound, so both databases agree).
export const STATUS_FILTERS: Record<UserStatus, [string, Record<string, boolean>]> = {
  active: ['u.active = :active', { active: true }],
  inactive: ['u.active = :active', { active: false }],
  'temporary-password': [
    'u.active = :active AND u.must_change_password = :temporary',
    { active: true, temporary: true },
  ],
  'never-signed-in': ['u.active = :active AND u.last_login_at IS NULL', { active: true }],
  'password-help': [
    'u.active = :active AND u.password_help_requested_at IS NOT NULL',
    { active: true },
  ],
  erased: ['u.erased_at IS NOT NULL', {}],
};
