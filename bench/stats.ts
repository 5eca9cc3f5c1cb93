// Percentiles and the one output format benchmarks use: `BENCH <name> <value> <unit>`.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export function report(name: string, value: number, unit: string): void {
  console.log(`BENCH ${name} ${value.toFixed(2)} ${unit}`);
}
