import type { Workspace } from '../../domain/whispir/api-schemas';

export const DEFAULT_WORKSPACE_NAME = 'My Company';
const STORAGE_KEY = 'whispir-import.workspace';

export interface WorkspaceChoice {
  /** '' = the default workspace, reached through the root paths. */
  readonly id: string;
  readonly name: string;
}

/** "My Company" first (as the root-path default), then the other workspaces by name. */
export function workspaceChoices(workspaces: readonly Workspace[]): WorkspaceChoice[] {
  const others = workspaces
    .filter((workspace) => workspace.projectName !== DEFAULT_WORKSPACE_NAME)
    .map((workspace) => ({ id: workspace.id, name: workspace.projectName }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: '', name: `${DEFAULT_WORKSPACE_NAME} (default)` }, ...others];
}

/** The workspace picked last time (an id, not a secret), or the default. */
export function rememberedWorkspace(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage may be disabled; remembering is a convenience only.
  }
}
