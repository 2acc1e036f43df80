// Email: configuration, templates, signed unsubscribe links and the route that honours them.
export { appBaseUrl, emailConfigured, type MailConfig, mailConfig } from "./config";
export { type EmailNotification, type RenderedEmail, renderNotificationEmail, unsubscribeUrl } from "./render";
export { createMailTransport } from "./transport";
export { unsubscribe } from "./unsubscribe";
export { handleUnsubscribe } from "./unsubscribe-route";
export { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";
