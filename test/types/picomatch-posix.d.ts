// picomatch (the reference the logger globs are tested against) ships `posix.js` without its own
// declaration; it has the same shape as the main entry.
declare module 'picomatch/posix' {
  import picomatch from 'picomatch';
  export default picomatch;
}
