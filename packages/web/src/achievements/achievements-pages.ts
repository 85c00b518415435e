import type { WebModule } from '../kit/web-module.js';

/** Stub: the achievements pages are being written. */
export const registerAchievementPages: WebModule = () => undefined;
