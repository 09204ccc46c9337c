// Containment under bubblewrap (the default where it works); see containment-suite.ts.
import { containmentSuite } from './containment-suite.ts';

containmentSuite('bubblewrap');
