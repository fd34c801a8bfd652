/**
 * The progress line on a terminal: pages done, pages per minute, time left. Off when stderr is
 * not a terminal (a log file, a cluster's pod log), where a line rewritten in place is noise.
 */
export function progressLine(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let done = 0;
  const show = stream.isTTY === true;
  return {
    pageDone() {
      done++;
      if (!show) return;
      const minutes = (Date.now() - started) / 60_000;
      const perMinute = done / Math.max(minutes, 1 / 600);
      stream.write(`\r\x1b[K${done}/${total} pages · ${perMinute.toFixed(1)} pages/min · ${timeLeft((total - done) / perMinute)} left`);
    },
    end() {
      if (show) stream.write('\r\x1b[K');
    },
  };
}

export function timeLeft(minutes: number): string {
  if (!Number.isFinite(minutes)) return '?';
  if (minutes < 1) return `${Math.ceil(minutes * 60)} s`;
  if (minutes < 120) return `${Math.ceil(minutes)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}
