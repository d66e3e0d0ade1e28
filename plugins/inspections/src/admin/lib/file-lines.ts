// Candidate files pasted as lines: 案号, 案件类别, 卷数, then optionally 案卷名称 and 承办人,
// separated by tabs (a spreadsheet's copy) or commas (either width). Pure.
export interface PastedFile {
  caseNo: string;
  caseType: string;
  volumes: number;
  title?: string;
  handlerName?: string;
}

export interface PasteResult {
  files: PastedFile[];
  /** 1-based numbers of the lines that could not be read. */
  badLines: number[];
}

export function parseFileLines(text: string): PasteResult {
  const files: PastedFile[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(/\t|,|，/).map((c) => c.trim());
    const [caseNo, caseType, volumesText, title, handlerName] = cells;
    const volumes = Number(volumesText);
    if (!caseNo || !caseType || !/^\d+$/.test(volumesText ?? '') || volumes < 1) {
      badLines.push(i + 1);
      return;
    }
    files.push({ caseNo, caseType, volumes, ...(title ? { title } : {}), ...(handlerName ? { handlerName } : {}) });
  });
  return { files, badLines };
}

/** Sampling strata as lines `案件类别 数量` (space, tab or comma). */
export function parseStrata(text: string): { strata: { caseType: string; count: number }[]; badLines: number[] } {
  const strata: { caseType: string; count: number }[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^(.+?)[\s,，]+(\d+)\s*$/.exec(line.trim());
    if (!m) {
      badLines.push(i + 1);
      return;
    }
    strata.push({ caseType: m[1]!.trim(), count: Number(m[2]) });
  });
  return { strata, badLines };
}

/** Case numbers, one a line or separated by commas / 、. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[\r\n,，、]+/).map((s) => s.trim()).filter(Boolean))];
}
