import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters and page in the address (`?status=failed&halaman=2`), so a reload or a shared link shows the same
 * list. Changing a filter goes back to the first page.
 */
export function useListAddress() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) || undefined;
  const set = (changes: Record<string, string | number | null | undefined>, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(name);
          else next.set(name, String(value));
        }
        if (!('halaman' in changes)) next.delete('halaman');
        return next;
      },
      { replace },
    );
  const page = Math.max(1, Math.floor(Number(get('halaman') ?? 1)) || 1);
  return { get, set, page };
}
