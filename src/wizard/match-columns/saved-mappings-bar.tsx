import { useDeferredValue, useMemo, useRef, useState } from 'react';
import {
  parseSavedMappings,
  rankSavedMappings,
  serializeSavedMappings,
  type SavedMapping,
} from '../../domain/mapping/saved-mappings';
import { downloadFile } from '../download';
import { loadSavedMappings, storeSavedMappings, upsertSavedMapping } from './saved-mappings-store';

interface Props {
  readonly headers: readonly string[];
  /** The mapping applied on arrival, not offered again while it stands. */
  readonly applied?: SavedMapping;
  readonly current: () => Omit<SavedMapping, 'name' | 'savedAt' | 'version'>;
  readonly onApply: (saved: SavedMapping) => void;
  readonly onMessage: (message: string) => void;
}

const NO_HEADERS: readonly string[] = [];

const dateLabel = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Offers mappings saved before for this kind of file, and saves, exports and imports them. */
export function SavedMappingsBar({ headers, applied, current, onApply, onMessage }: Props) {
  const [saved, setSaved] = useState(loadSavedMappings);
  const [name, setName] = useState('');
  const importRef = useRef<HTMLInputElement>(null);
  // Ranking reads every header (some 65 ms for 10,000 columns), so it runs after the step has
  // shown, in a render of its own, and not at all when nothing was saved.
  const rankedHeaders = useDeferredValue(headers, NO_HEADERS);
  const ranked = useMemo(
    () =>
      saved.length === 0 || rankedHeaders.length === 0
        ? []
        : rankSavedMappings(saved, rankedHeaders)
            .filter(
              (entry) =>
                entry.saved.name !== applied?.name || entry.saved.savedAt !== applied.savedAt,
            )
            .slice(0, 3),
    [saved, rankedHeaders, applied],
  );

  const update = (next: SavedMapping[]) => {
    setSaved(next);
    storeSavedMappings(next);
  };

  const saveAs = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    update(
      upsertSavedMapping(saved, {
        version: 1,
        name: trimmed,
        savedAt: new Date().toISOString(),
        ...current(),
      }),
    );
    setName('');
    onMessage(`Saved the mapping as “${trimmed}”.`);
  };

  const exportAll = () => {
    downloadFile('whispir-mappings.json', serializeSavedMappings(saved), 'application/json');
  };

  const importFile = async (file: File) => {
    const parsed = parseSavedMappings(await file.text());
    if (!parsed.ok) {
      onMessage(`“${file.name}” could not be imported: ${parsed.problem.message}`);
      return;
    }
    let next = saved;
    for (const entry of parsed.data) next = upsertSavedMapping(next, entry);
    update(next);
    const skipped = parsed.skipped.length
      ? ` ${parsed.skipped.length} entries were not valid and were left out.`
      : '';
    onMessage(
      `Imported ${parsed.data.length} saved mapping${parsed.data.length === 1 ? '' : 's'}.${skipped}`,
    );
  };

  return (
    <section aria-labelledby="saved-mappings" className="saved-mappings">
      <h3 id="saved-mappings" className="visually-hidden">
        Saved mappings
      </h3>
      {ranked.length > 0 && (
        <ul className="saved-offers">
          {ranked.map((entry) => (
            <li key={`${entry.saved.name}-${entry.saved.savedAt}`}>
              <button type="button" onClick={() => onApply(entry.saved)}>
                Use the mapping “{entry.saved.name}” from {dateLabel(entry.saved.savedAt)}:{' '}
                {entry.matched} of {entry.total} columns match
              </button>
              {entry.missingColumns.length > 0 && (
                <span className="muted small">
                  {' '}
                  (not in this file: {entry.missingColumns.join(', ')})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Save, export or import mappings</summary>
        <div className="saved-actions">
          <label>
            Name for this mapping
            <input type="text" value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="button" onClick={saveAs} disabled={!name.trim()}>
            Save mapping
          </button>
          <button type="button" onClick={exportAll} disabled={saved.length === 0}>
            Export saved mappings (JSON)
          </button>
          <button type="button" onClick={() => importRef.current?.click()}>
            Import mappings…
          </button>
          <input
            ref={importRef}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="Mappings file to import"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
              event.target.value = '';
            }}
          />
        </div>
      </details>
    </section>
  );
}
