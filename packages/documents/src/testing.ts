// Test helper: opens a rendered .docx and reads its parts. Not exported from the package.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

export interface OpenedDocx {
  files: string[];
  /**
   * The text of each paragraph of word/document.xml as a reader sees it: runs joined (table
   * cells included), without the invisible word joiners that keep document numbers together.
   */
  paragraphs: string[];
  /** All paragraphs joined by newlines. */
  text: string;
  /** The text of the footers. */
  footerText: string;
  /** The raw XML of word/document.xml (word joiners included). */
  xml: string;
}

function paragraphsOf(xml: string): string[] {
  const dom = new DOMParser().parseFromString(xml, 'text/xml');
  const out: string[] = [];
  const ps = dom.getElementsByTagName('w:p');
  for (let i = 0; i < ps.length; i++) {
    const p = ps.item(i)!;
    const runs = p.getElementsByTagName('w:t');
    let text = '';
    for (let j = 0; j < runs.length; j++) text += runs.item(j)!.textContent ?? '';
    out.push(text.replaceAll('\u2060', ''));
  }
  return out;
}

export async function openDocx(buffer: Buffer): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = paragraphsOf(xml);
  let footerText = '';
  for (const name of files.filter((f) => /^word\/footer\d*\.xml$/.test(f))) {
    footerText += paragraphsOf(await zip.file(name)!.async('string')).join('\n');
  }
  return { files, paragraphs, text: paragraphs.join('\n'), footerText, xml };
}
