/**
 * Whether this document is on screen: an IntersectionObserver on the page itself. Inside
 * an iframe, the implicit root is the top-level viewport, so this reports whether the
 * host page shows the embed — the signal article figures need to start and pause.
 * A hidden tab counts as off screen too.
 */
export function watchVisibility(onChange: (visible: boolean) => void): () => void {
  let intersecting = false;
  let last: boolean | null = null;
  const emit = () => {
    const v = intersecting && document.visibilityState === 'visible';
    if (v !== last) {
      last = v;
      onChange(v);
    }
  };
  const io = new IntersectionObserver(
    (entries) => {
      intersecting = entries.some((e) => e.isIntersecting);
      emit();
    },
    { threshold: 0 },
  );
  io.observe(document.documentElement);
  document.addEventListener('visibilitychange', emit);
  return () => {
    io.disconnect();
    document.removeEventListener('visibilitychange', emit);
  };
}
