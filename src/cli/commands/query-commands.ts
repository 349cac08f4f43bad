/** Registers the query commands (filled in by the query issue). */
import type { Command } from 'commander';

export function registerQueryCommands(_program: Command, _state: { exitCode: number }): void {}
