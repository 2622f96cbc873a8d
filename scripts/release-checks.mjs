// electron-builder `beforePack` hook (electron-builder.yml): stops a build whose update feed is
// not https before anything is packaged. The installed app refuses an http OUTPOST_UPDATE_URL
// in its environment (src-main/update-feed.ts); this keeps one out of app-update.yml, where
// the app would otherwise trust it. Plain JavaScript because electron-builder loads it itself.

/**
 * @param {Record<string, string | undefined>} env
 * @returns {string | null} why the build must stop, or null
 */
export function releaseFeedProblem(env) {
  const raw = env.OUTPOST_UPDATE_URL?.trim();
  const example = 'e.g. OUTPOST_UPDATE_URL=https://updates.example.com/outpost/ npm run dist';
  if (!raw)
    return `OUTPOST_UPDATE_URL is not set: the app would not know where to look for updates (${example}).`;
  let url;
  try {
    url = new URL(raw);
  } catch {
    return `OUTPOST_UPDATE_URL is not a web address (${example}).`;
  }
  if (url.protocol !== 'https:') {
    return `OUTPOST_UPDATE_URL must be an https:// address, not ${url.protocol}// (${example}).`;
  }
  if (url.username || url.password) {
    return 'OUTPOST_UPDATE_URL must not contain a user name or password: every installed copy would carry it.';
  }
  return null;
}

export default async function beforePack() {
  const problem = releaseFeedProblem(process.env);
  if (problem) throw new Error(problem);
}
