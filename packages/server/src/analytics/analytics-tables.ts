/** The analytics domain's tables (stub: being written). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalyticsTables {}
