/** Which target versions `--ros-version` and a config's "rosVersion" accept: RouterOS 6.x and 7.x. */
import { parseVersion } from '../core/version.js';

/** The major versions the schema describes; anything else is a typo (`71.5`) or nonsense (`0.1`). */
const SUPPORTED_MAJORS = new Set([6, 7]);

export const ROS_VERSION_HINT = 'a RouterOS 6.x or 7.x version such as 7.15, 7.16.2, 7.1rc2 or 6.49.7';

/**
 * Undefined if `text` is an acceptable target version, else what is wrong with it. A bare major (`7`) is refused:
 * it would mean 7.0 and hide everything added since.
 */
export function rosVersionProblem(text: string): string | undefined {
  const version = parseVersion(text);
  if (!version) return `expected ${ROS_VERSION_HINT}, not ${JSON.stringify(text)}`;
  if (!/\d\.\d/.test(text)) return `give the minor version too (${ROS_VERSION_HINT}), not just ${JSON.stringify(text)}`;
  if (!SUPPORTED_MAJORS.has(version.major)) return `RouterOS ${version.major}.x does not exist or is not supported; expected ${ROS_VERSION_HINT}, not ${JSON.stringify(text)}`;
  return undefined;
}
