import { useState } from 'react';
import { parseCustomFieldName } from '../../domain/mapping/custom-fields';

interface Props {
  readonly existing: readonly string[];
  readonly onAdd: (name: string) => void;
}

/** Adds a target for one of the company's custom contact fields (set up with Whispir beforehand). */
export function CustomFieldAdder({ existing, onAdd }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const add = () => {
    const parsed = parseCustomFieldName(input, existing);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(undefined);
    setInput('');
    onAdd(parsed.name);
  };
  return (
    <div className="custom-field-adder">
      <h4>Custom field</h4>
      <p className="muted small">
        Only fields your Whispir administrator has set up for your company; type the name exactly as
        it is there.
      </p>
      <label htmlFor="custom-field-name">Custom field name</label>
      <div className="inline">
        <input
          id="custom-field-name"
          type="text"
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'custom-field-error' : undefined}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          Add custom field
        </button>
      </div>
      {error && (
        // Said at once (role="alert"): a name refused with Enter gives no other sign.
        <p id="custom-field-error" role="alert" className="error-text small">
          {error}
        </p>
      )}
    </div>
  );
}
