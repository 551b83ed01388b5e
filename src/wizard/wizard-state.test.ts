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

  it('lists the review between matching and settings, and sending before the result', () => {
    expect(STEPS.map((step) => step.name)).toEqual([
      'upload',
      'preview',
      'mapping',
      'review',
      'settings',
      'sending',
      'result',
    ]);
    expect(STEPS.find((step) => step.name === 'review')?.label).toBe('Review rows');
  });

  it('sends from the settings, and holds the person on the sending step once anything may be sent', () => {
    const plan = {
      format: 'csv',
      mimeType: 'text/csv',
      fieldMapping: { firstName: 'firstName' },
      rowCount: 1,
      parts: [],
      accounting: { total: 1, sent: 1, skipped: 0, rejected: 0 },
      emptyFields: [],
    } as const;
    let state: WizardState = { step: 'settings', file, mapping, customFields: [], settings };
    state = wizardReducer(state, { type: 'send', settings, plan });
    expect(state).toMatchObject({ step: 'sending', settings, plan, locked: false });
    // Before anything is stored or sent, Back returns to the settings.
    expect(wizardReducer(state, { type: 'back' })).toMatchObject({ step: 'settings', settings });
    state = wizardReducer(state, { type: 'sending-locked', locked: true });
    expect(wizardReducer(state, { type: 'back' })).toBe(state);
    const outcome = { rowsSent: 1, fieldMapping: {}, parts: [] };
    state = wizardReducer(state, { type: 'imported', outcome });
    expect(state).toMatchObject({ step: 'result', settings, outcome });
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
