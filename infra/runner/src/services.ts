import * as identity from '@tongxin/identity';
import * as reporting from '@tongxin/reporting';
import * as roster from '@tongxin/roster';
import * as scoring from '@tongxin/scoring';
import * as tasks from '@tongxin/tasks';

/** The five services, in migration order. */
export const services = [identity, roster, reporting, tasks, scoring] as const;
export const serviceMigrations = services.map((s) => s.migrations);
export const serviceNames = ['identity', 'roster', 'reporting', 'tasks', 'scoring'] as const;
