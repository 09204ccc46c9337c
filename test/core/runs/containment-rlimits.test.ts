// Containment under the rlimit fallback, forced; see containment-suite.ts for what it does not hold.
import { containmentSuite } from './containment-suite.ts';

containmentSuite('rlimits');
