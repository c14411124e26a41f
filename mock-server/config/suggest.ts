/** Config keys use the same typo matching as every other name koomock suggests. */
export { closestName as closestKey } from '../core/suggest.js';
