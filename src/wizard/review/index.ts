export { RejectedReportButton } from './rejected-report-button';
export { RowAccounting } from './row-accounting';
export { ReviewStep } from './review-step';
