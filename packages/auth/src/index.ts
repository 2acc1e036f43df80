export { checkCredentials } from "./credentials";
export { type AuthDependencies, createAuthOptions } from "./options";
export { hashPassword, verifyPassword } from "./password";
export { authSecret, MissingSecretError } from "./secret";
export {
  readClaims,
  resolveSessionUser,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  type SessionClaims,
  type SessionUser,
} from "./session";
