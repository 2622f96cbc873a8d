/** Why a release build must stop because of its update feed, or null (release-checks.mjs). */
export function releaseFeedProblem(env: Record<string, string | undefined>): string | null;
export default function beforePack(): Promise<void>;
