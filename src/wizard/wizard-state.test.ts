import { describe, expect, it } from 'vitest';
import type { FileSummary } from '../worker/protocol';
import { STEPS, initialWizardState, wizardReducer, type WizardState } from './wizard-state';

const file: FileSummary = {
  fileName: 'contacts.csv',
  byteLength: 10,
  complete: true,
  looksMerged: false,
  headerRow: 1,
  hasHeader: true,
  overrides: {},
  headers: ['firstName'],
  rowCount: 1,
  previewRows: [['Ann']],
  previewRowNumbers: [2],
  problems: [],
  problemCount: 0,
  detections: [],
};
const mapping = { firstName: { kind: 'column', column: 'firstName' } } as const;
const settings = {
  importMode: 'replace',
  format: 'csv',
  ratePerSecond: 5,
  workspaceId: '',
  workspaceName: 'My Company',
} as const;

describe('wizardReducer', () => {
  it('walks the steps in order', () => {
    let state: WizardState = initialWizardState;
    state = wizardReducer(state, { type: 'file-read', file });
    expect(state.step).toBe('preview');
    state = wizardReducer(state, { type: 'preview-confirmed' });
    expect(state.step).toBe('mapping');
    state = wizardReducer(state, { type: 'mapping-confirmed', mapping });
    expect(state).toMatchObject({ step: 'review', mapping });
    state = wizardReducer(state, { type: 'review-confirmed' });
    expect(state).toMatchObject({ step: 'settings', mapping });
  });

  it('keeps the mapping and settings when going back and forth', () => {
    let state: WizardState = {
      step: 'settings',
      file,
      mapping,
      customFields: ['StaffId'],
      settings,
    };
    state = wizardReducer(state, { type: 'back' });
    expect(state).toMatchObject({ step: 'review', mapping, settings, customFields: ['StaffId'] });
    state = wizardReducer(state, { type: 'back' });
    expect(state).toMatchObject({ step: 'mapping', mapping, settings, customFields: ['StaffId'] });
    state = wizardReducer(state, { type: 'back' });
    expect(state).toMatchObject({ step: 'preview', mapping, customFields: ['StaffId'] });
    state = wizardReducer(state, { type: 'preview-confirmed' });
    expect(state).toMatchObject({ step: 'mapping', mapping, customFields: ['StaffId'] });
    state = wizardReducer(state, { type: 'mapping-confirmed', mapping });
    expect(state).toMatchObject({ step: 'review', mapping });
    state = wizardReducer(state, { type: 'review-confirmed' });
    expect(state).toMatchObject({ step: 'settings', mapping });
  });

  it('lists the review step between matching and settings', () => {
    expect(STEPS.map((step) => step.name)).toEqual([
      'upload',
      'preview',
      'mapping',
      'review',
      'settings',
      'result',
    ]);
    expect(STEPS.find((step) => step.name === 'review')?.label).toBe('Review rows');
  });

  it('ignores events that do not belong to the current step', () => {
    const state: WizardState = { step: 'preview', file };
    expect(wizardReducer(state, { type: 'mapping-confirmed', mapping })).toBe(state);
    expect(wizardReducer(state, { type: 'review-confirmed' })).toBe(state);
    expect(wizardReducer(initialWizardState, { type: 'back' })).toBe(initialWizardState);
  });

  it('a new file starts a fresh preview', () => {
    const state = wizardReducer(
      { step: 'settings', file, mapping, customFields: [], settings },
      { type: 'file-read', file },
    );
    expect(state).toEqual({ step: 'preview', file });
  });
});
