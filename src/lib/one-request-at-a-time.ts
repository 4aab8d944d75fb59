/**
 * The relying party keeps one pending challenge per session and ceremony: a new options request
 * replaces the last challenge. So the SPA sends a ceremony's options requests one after another,
 * and an earlier request (the autofill request started on page load, an automatic passkey
 * upgrade) can never land after, and replace, the challenge of a later one.
 *
 * Wraps `send` so that each call starts only once the previous one has settled (resolved or
 * rejected); a failed request does not block the next.
 */
export function oneRequestAtATime<Args extends unknown[], Result>(
  send: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const request = last.then(() => send(...args));
    last = request.catch(() => undefined);
    return request;
  };
}
