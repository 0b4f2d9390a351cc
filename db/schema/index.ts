export * from "./outlets";
export * from "./articles";
export * from "./comparisons";
export * from "./analyses";
export * from "./jobs";
export * from "./settings";
export * from "./auth";
export * from "./corrections";
