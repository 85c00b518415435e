/**
 * Bulk awards from a CSV file: upload (`/console/{org}/achievements/{id}/bulk`) → the dry run's
 * preview with per-row errors → confirm → progress → summary with an error report
 * (`/console/{org}/bulk-jobs/{jobId}`), the organisation's bulk awards (`/console/{org}/bulk-jobs`)
 * and the template CSV (`/console/{org}/bulk-template.csv`).
 */
import type { WebModule } from '../kit/web-module.js';
import { registerBulkErrorReport } from './bulk-error-report.js';
import { registerBulkJobPage } from './bulk-job-page.js';
import { registerBulkJobsPage } from './bulk-jobs-page.js';
import { registerBulkUploadPage } from './bulk-upload-page.js';

export const registerBulkPages: WebModule = (app, web) => {
  registerBulkUploadPage(app, web);
  registerBulkJobsPage(app, web);
  registerBulkJobPage(app, web);
  registerBulkErrorReport(app, web);
};
