import type { ScenarioId } from '../config';
import type { Scenario } from '../scenario';
import { adminSetup } from './admin-setup';
import { dashboard } from './dashboard';
import { lostPhone } from './lost-phone';
import { notAllowed } from './not-allowed';
import { registerHere } from './register-here';
import { registerPhone } from './register-phone';
import { signIn } from './sign-in';
import { stepUp } from './step-up';
import { tapOnboarding } from './tap-onboarding';

export const scenarios: Record<ScenarioId, Scenario> = {
  'admin-setup': adminSetup,
  'register-here': registerHere,
  'register-phone': registerPhone,
  'sign-in': signIn,
  'tap-onboarding': tapOnboarding,
  'step-up': stepUp,
  'not-allowed': notAllowed,
  'lost-phone': lostPhone,
  // After the scenarios: the dashboard then shows what they did.
  dashboard,
};
