// Loads a staff page's data when it opens (and again on reload()); a reply that comes after the page has gone is
// dropped. `load` must be stable (useCallback) or every render would load again.
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../shared/api/result.js';

export function useLoaded<T>(load: () => Promise<Result<T>>): { value: T | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current && result.ok) setValue(result.value);
    });
    return () => {
      current = false;
    };
  }, [load, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { value, reload };
}
