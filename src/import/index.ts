/** import barrel (re-exports only). */
export {};
