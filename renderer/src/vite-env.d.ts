// Vite's asset imports (`?url`), used for the decoder's .wasm file, which the app serves itself.
/// <reference types="vite/client" />
