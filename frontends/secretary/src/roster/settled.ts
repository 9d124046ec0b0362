import type { Resource } from 'solid-js';

/**
 * The resource's latest value, or undefined while it has failed: reading a failed resource
 * throws, which would take the whole view down instead of showing its own message.
 */
export function settled<T>(resource: Resource<T>): T | undefined {
  return resource.error ? undefined : resource.latest;
}
