import { ContentKind } from './content-kind';

// Every kind of authored content the service loads at boot and `npm run content:check` checks.
export const CONTENT_KINDS: ContentKind<unknown>[] = [];
