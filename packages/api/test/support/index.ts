export * from "./assertions";
export * from "./callers";
export * from "./demo";
export * from "./factories";
