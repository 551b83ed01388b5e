/**
 * The sandbox's seed data. The ids are fixed so that tests, demos and the e2e fixtures can name
 * a workspace without listing first, and so that a reset always gives the same ids back.
 */
export interface SeedWorkspace {
  readonly id: string;
  readonly projectName: string;
  readonly projectNumber: string;
  readonly billingcostcentre: string;
  readonly isDefault: boolean;
}

/** "My Company" is the default workspace that root `/contacts`, `/resources` and `/imports` use. */
export const DEFAULT_WORKSPACE_ID = '5A17B0C0FFEE0001';

export const SEED_WORKSPACES: readonly SeedWorkspace[] = [
  {
    id: DEFAULT_WORKSPACE_ID,
    projectName: 'My Company',
    projectNumber: '',
    billingcostcentre: '',
    isDefault: true,
  },
  {
    id: '5A17B0C0FFEE0002',
    projectName: 'Sales Team',
    projectNumber: 'SALES-01',
    billingcostcentre: '',
    isDefault: false,
  },
  {
    id: '5A17B0C0FFEE0003',
    projectName: 'Support Desk',
    projectNumber: 'SUP-01',
    billingcostcentre: '',
    isDefault: false,
  },
];
