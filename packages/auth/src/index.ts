export { clientAddress, NO_TRUSTED_PROXIES, parseTrustedProxies, type TrustedProxies } from "./client-address";
export { type CredentialsResult, checkCredentials, checkCurrentPassword } from "./credentials";
export { type AuthDependencies, createAuthOptions } from "./options";
export { hashPassword, verifyPassword } from "./password";
export { passwordPolicyError } from "./password-policy";
export { authSecret, MissingSecretError } from "./secret";
export {
  endEverySession,
  openSession,
  readClaims,
  resolveSessionUser,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  SESSION_TOUCH_SECONDS,
  type SessionClaims,
  type SessionOrigin,
  type SessionUser,
} from "./session";
export { describeUserAgent } from "./user-agent";
