/** The inline stylesheet of the HTML report (CSP allows inline styles only; no fonts, images or scripts). */
export const HTML_STYLE = `
:root { color-scheme: light dark; --ok: #17803d; --bad: #c4261d; --warn: #a15c00; --muted: #667085; --line: #d0d5dd; --bg2: #f5f6f8; }
@media (prefers-color-scheme: dark) { :root { --ok: #4cc27a; --bad: #ff6b61; --warn: #e0a23a; --muted: #98a2b3; --line: #3a3f4b; --bg2: #1d2128; } }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
h4 { font-size: .9rem; margin: .6rem 0 .2rem; color: var(--muted); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--bg2); border: 1px solid var(--line); border-radius: 4px; padding: .5rem; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24rem; overflow: auto; }
.verdict { display: inline-block; font-weight: 700; padding: .1rem .6rem; border-radius: 4px; color: #fff; margin: 0 0 .5rem; }
.run.passed .verdict { background: var(--ok); }
.run.failed .verdict, .run.empty .verdict { background: var(--bad); }
.summary-line { font-size: 1.05rem; font-weight: 600; margin: 0 0 .8rem; }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0 0 1rem; }
.counts div { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; min-width: 8rem; }
.counts dt { color: var(--muted); font-size: .8rem; }
.counts dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
.counts .bad dd { color: var(--bad); }
.counts .warn dd { color: var(--warn); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.filter-label { display: inline-block; margin: .5rem 0 1rem; cursor: pointer; }
#only-failed:checked ~ main .scenario.passed, #only-failed:checked ~ main .scenario.skipped { display: none; }
.scenario { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .8rem; padding: 0 1rem; }
.scenario > summary { cursor: pointer; padding: .6rem 0; font-weight: 600; }
.scenario.failed { border-left: 4px solid var(--bad); }
.scenario.passed { border-left: 4px solid var(--ok); }
.scenario.skipped { border-left: 4px solid var(--muted); }
.muted { color: var(--muted); font-weight: 400; }
.mark { display: inline-block; width: 1.2em; font-weight: 700; }
.passed > .mark, tr.passed .mark, .step.passed > h3 .mark, .scenario.passed > summary .mark { color: var(--ok); }
tr.failed .mark, .step.failed > h3 .mark, .scenario.failed > summary .mark { color: var(--bad); }
tr.warn .mark { color: var(--warn); }
.step.skipped > h3 { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0 0 .6rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { font-size: .8rem; color: var(--muted); font-weight: 600; text-transform: capitalize; }
table.checks { table-layout: fixed; }
.checks th:nth-child(1) { width: 2rem; }
.checks th:nth-child(2) { width: 22%; }
.checks th:nth-child(3) { width: 20%; }
.checks th:nth-child(4) { width: 30%; }
.checks code { overflow-wrap: normal; word-break: keep-all; }
.attempt-list td:last-child { width: 55%; }
tr.passed td { color: var(--muted); }
tr.passed td:nth-child(2) { color: inherit; }
tr.failed { background: color-mix(in srgb, var(--bad) 8%, transparent); }
tr.warn { background: color-mix(in srgb, var(--warn) 8%, transparent); }
.attempts > summary { cursor: pointer; color: var(--muted); margin: .3rem 0; }
.advice { color: var(--muted); margin-top: .3rem; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; }
`;
