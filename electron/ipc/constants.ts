/** The single Electron IPC channel that carries every contract request. */
export const IPC_INVOKE = 'sourcebook:invoke';

/**
 * The renderer's Content-Security-Policy, sent by both transports: nothing but the app's
 * own files, no inline script, no remote origin of any kind.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
