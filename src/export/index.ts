/** export barrel (re-exports only). */
export {};
