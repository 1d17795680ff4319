/**
 * `read`, remembered for the values lately asked for: requests repeat the same few URLs, routes and
 * names. Emptied when full, so it stays small whatever callers send.
 */
export function boundedMemo<T>(read: (key: string) => T, capacity = 1_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= capacity) known.clear();
      value = read(key);
      known.set(key, value);
    }
    return value;
  };
}
