/**
 * Every group of pages. A new group adds one line.
 */
import type { WebModule } from './kit/web-module.js';
import { registerHomePages } from './home/home-pages.js';

export const WEB_MODULES: readonly WebModule[] = [registerHomePages];
