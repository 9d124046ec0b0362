import { identity } from '@tongxin/api-client';

/** The wizard's state as `setup.get` returns it (inferred from identity's AppRouter). */
export type SetupState = Awaited<ReturnType<typeof identity.setup.get.query>>;
export type Checklist = SetupState['checklist'];

/** What every step's body gets: the state, and a way to read it again after a change. */
export interface StepProps {
  state: SetupState;
  onChanged: () => void;
}
