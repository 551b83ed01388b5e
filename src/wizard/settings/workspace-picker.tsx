import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { WorkspaceChoice } from './workspaces';

interface Props {
  readonly choices: readonly WorkspaceChoice[];
  readonly selected: string;
  readonly disabled: boolean;
  readonly registration: UseFormRegisterReturn<'workspaceId'>;
}

/** A workspace list with a search box, for accounts with many workspaces. */
export function WorkspacePicker({ choices, selected, disabled, registration }: Props) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = choices.filter(
    (choice) => choice.id === selected || !needle || choice.name.toLowerCase().includes(needle),
  );
  return (
    <div className="workspace">
      {choices.length > 6 && (
        <label>
          Find a workspace
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
      )}
      <label htmlFor="workspace">Workspace</label>
      <select id="workspace" {...registration} disabled={disabled}>
        {shown.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
