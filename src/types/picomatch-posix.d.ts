// picomatch ships `posix.js` (no Windows path handling, no Node built-ins) without its own
// declaration; it has the same shape as the main entry.
declare module 'picomatch/posix' {
  import picomatch from 'picomatch';
  export default picomatch;
}
