/** Registers the export commands (filled in by the export issue). */
import type { Command } from 'commander';

export function registerExportCommands(_program: Command, _state: { exitCode: number }): void {}
