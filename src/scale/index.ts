/** scale barrel (re-exports only). */
export {};
