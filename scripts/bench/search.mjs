// Search: per-keystroke latency over the whole catalogue. Each query is typed one character
// at a time; a keystroke's latency runs from the input event to the last DOM mutation it
// causes (results, highlights, count).
import { launch, newPage, appReady, median, percentile, keystrokeLatencies } from './util.mjs';

export const QUERIES = [
  'kartu kuning', 'jht', 'jaminan hari tua', 'jaminan hari tau', '53/dpttk', 'tka', 'imta',
  'tenaga kerja asing', 'pkb', 'perjanjian kerja bersama', 'sp/sb', 'serikat pekerja', 'lks',
  'bipartit', 'blk', 'cuti', 'pangkat', 'rotan', 'transmigrasi', 'perselisihan',
  'peraturan perusahaan', 'npd', 'tpp', 'desain', 'tamu', 'pencari kerja', 'pencaker',
  'pelatihan', 'sertifikat', 'ktp', 'ijazah', 'surat permohonan', 'kepala dinas', 'mediator',
  'hampangen', 'kawasan industri', 'magang', 'kenaikan', 'tambahan penghasilan', 'nota dana',
  'rencana kerja', 'pencadangan tanah', 'kepala desa', 'legalisir', 'prototype', 'investor',
  'bahan baku', 'penolakan', 'retribusi', 'ak-1',
];

export async function measureSearch({ server }) {
  const browser = await launch();
  const page = await newPage(browser);
  await page.goto(server.url);
  await appReady(page);
  const latencies = await keystrokeLatencies(page, 'cari', QUERIES, 30);
  await browser.close();
  return { queries: QUERIES.length, keystrokes: latencies.length, median: median(latencies), p95: percentile(latencies, 95), max: Math.max(...latencies) };
}
