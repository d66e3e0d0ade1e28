// Inputs shared by every template.
import type { DateInput, DocNoInput, IssuingOrgan, Urgency } from '../layout.js';

export interface DocumentBase {
  /** The issuing organ: name, abbreviation and optional mark, supplied by the county. */
  organ: IssuingOrgan;
  /** 发文字号: ready-made, or its parts formatted with the organ's abbreviation. */
  docNo: DocNoInput;
  /** 成文日期. */
  date: DateInput;
  /** 发文机关署名; defaults to the organ's name. */
  signature?: string;
  /** 抄送机关. */
  copyTo?: readonly string[];
  /** 附件 titles. */
  attachments?: readonly string[];
  urgency?: Urgency;
}

/** A case as the documents cite it: its title and its registration number. */
export interface CaseRef {
  title: string;
  docNo: string;
}
