/**
 * What a client is told while the database cannot be reached; the HTTP answer
 * is 503 with Retry-After. Its own module, so the web tier's proxy can show it
 * without loading the API.
 */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The service is briefly unavailable (its database cannot be reached). Try again in a few seconds.";
