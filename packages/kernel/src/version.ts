import pkg from '../package.json' with { type: 'json' };

/** The kernel's version; plugins declare a semver range against it. */
export const KERNEL_VERSION: string = pkg.version;
