/** Shapes of the admin API answers the console reads (docs/admin-api.md). */
export interface Check {
  id: string;
  ok: boolean;
  severity?: 'error' | 'warn';
  expected?: string;
  received?: string;
  hint?: string;
  /** The signature debugger's record on a failed inbound signature check. */
  diagnosis?: { scheme: string; canonical: string; mistakes: { id: string; en: string; zh: string }[] };
}

export interface Summary {
  id: number;
  direction: 'inbound' | 'outbound';
  operation: string;
  startedAt: number;
  durationMs: number;
  status?: number;
  resultCode?: string;
  verdict: 'passed' | 'failed' | 'warning';
  orderId?: string;
  instanceId?: string;
  scenario?: string;
}

export interface Exchange {
  id: number;
  direction: 'inbound' | 'outbound';
  operation: string;
  request: Record<string, unknown>;
  response?: Record<string, unknown>;
  startedAt: number;
  durationMs: number;
  verdicts: Check[];
  scenario?: string;
  step?: string;
}

export interface Signing {
  scheme: 'v2' | 'kit';
  key: string;
  payload: string;
  timestamp: string;
  nonce: string;
  stringToSign: string;
  signature: string;
}

export interface ReportCheck extends Check {
  step?: string;
}

export interface ScenarioReport {
  id: string;
  title: string;
  titleZh?: string;
  status: string;
  steps: { id: string; title: string; titleZh?: string; status: string }[];
  checks: ReportCheck[];
}

export interface RunReport {
  scenarios: ScenarioReport[];
  summary: Record<string, number>;
}

export interface SendResult {
  status: string;
  result: Record<string, unknown> | null;
  exchangeIds: number[];
  report: RunReport;
}

export interface FieldInfo {
  name: string;
  required: boolean;
  kind: string;
  values?: (string | number)[];
  members?: FieldInfo[];
}
