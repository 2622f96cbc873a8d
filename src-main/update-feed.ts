/**
 * Checks the update feed address set in OUTPOST_UPDATE_URL (issue 9, item 11).
 *
 * The feed's latest.yml names the installer and its sha512, so whoever can rewrite the feed in
 * transit chooses what this computer installs; on Linux, where electron-updater checks no
 * signature, that hash is the only check. Hence https only, outside development. A user name or
 * password in the address is refused too: electron-updater logs feed URLs and they would end up
 * in log files and error dialogs.
 */

export type FeedCheck = { ok: true; url: string } | { ok: false; reason: string };

export interface FeedCheckOptions {
  /** Plain http is only for a developer's own machine (app.isPackaged === false). */
  allowHttp: boolean;
}

const ASK_ADMIN = 'Ask your administrator to correct OUTPOST_UPDATE_URL on this computer.';

export function checkFeedUrl(raw: string, options: FeedCheckOptions): FeedCheck {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not echoed: it may be anything, a password included.
    return refuse('The update address is not a web address.');
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(options.allowHttp && url.protocol === 'http:')) {
    return refuse(
      url.protocol === 'http:'
        ? `The update address ${url.host} is not secure (http://). Only https:// addresses are used.`
        : `The update address must start with https://, not "${url.protocol}".`,
    );
  }
  if (url.username || url.password) {
    return refuse('The update address must not contain a user name or password.');
  }
  return { ok: true, url: url.href };
}

function refuse(what: string): FeedCheck {
  return { ok: false, reason: `${what} Updates are switched off. ${ASK_ADMIN}` };
}
