import { Identity1763900000000 } from './1763900000000-identity';

// Listed explicitly (not globbed) so the same set runs from src in tests and from dist.
export const MIGRATIONS = [Identity1763900000000];
