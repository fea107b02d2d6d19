/**
 * The Node flags the `huitong` command runs with: its first line (`#!/usr/bin/env -S node …`) and
 * `npm start` give them. Semi-spaces of 64 MB (Node's default is 16 MB): the short-lived objects a
 * request leaves behind die young rather than in a scavenge every few hundred requests. They have
 * to be given on the command line; set from inside the process they change nothing.
 *
 * @example
 * spawn(process.execPath, [...NODE_FLAGS, 'dist/cli.js', 'serve'])
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'] as const
