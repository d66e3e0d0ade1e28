// The figures a bulletin quotes, from decided files and a scale: files and volumes reviewed,
// the grade distribution, 合格率 (all but the fail band), 优秀率 (the excellent band) and
// 优良率 ((excellent + good) / reviewed), each a percentage to one decimal. Pure.
import { rate } from '../points.js';
import { gradeOf, type Grade } from '../scales/grading.js';

export interface DecidedFile {
  unitId: string;
  volumes: number;
  finalTotal: number;
  finalVetoed: boolean;
}

export interface Figures {
  files: number;
  volumes: number;
  grades: { label: string; band: Grade['band']; count: number }[];
  passRate: number;
  excellentRate: number;
  combinedRate: number;
}

export function figuresOf(files: DecidedFile[], grades: Grade[]): Figures {
  const counts = new Map(grades.map((g) => [g.label, 0]));
  let pass = 0;
  let excellent = 0;
  let combined = 0;
  for (const f of files) {
    const g = gradeOf(grades, f.finalTotal, f.finalVetoed);
    counts.set(g.label, (counts.get(g.label) ?? 0) + 1);
    if (g.band !== 'fail') pass += 1;
    if (g.band === 'excellent') excellent += 1;
    if (g.band === 'excellent' || g.band === 'good') combined += 1;
  }
  const total = files.length;
  return {
    files: total,
    volumes: files.reduce((s, f) => s + f.volumes, 0),
    grades: grades.map((g) => ({ label: g.label, band: g.band, count: counts.get(g.label) ?? 0 })),
    passRate: rate(pass, total),
    excellentRate: rate(excellent, total),
    combinedRate: rate(combined, total),
  };
}
