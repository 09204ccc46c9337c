// Moved to core (src/core/package-root.ts), which needs it to tell agents how to start the bridge;
// host code keeps importing it from here.
export { packageRoot } from '../core/package-root.ts';
