export * from "./activity";
export * from "./enums";
export * from "./login-throttle";
export * from "./okr";
export * from "./organizations";
export * from "./teams";
