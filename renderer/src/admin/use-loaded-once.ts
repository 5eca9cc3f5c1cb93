// Loads an admin page's data when it opens, and again when `load` or `version` changes; a reply that comes after the
// page has gone is dropped. `load` must be stable (useCallback).
import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/api/result.js';

export function useLoadedOnce<T>(load: () => Promise<Result<T>>, version = 0): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current && result.ok) setValue(result.value);
    });
    return () => {
      current = false;
    };
  }, [load, version]);
  return value;
}
