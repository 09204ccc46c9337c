// Vite's additions to import.meta (glob imports), which the shell uses to mount the views that
// other features provide.
/// <reference types="vite/client" />
