// Writes the Word and Excel fixtures of tests/fixtures/office/ with a real office suite (LibreOffice,
// headless), from texts in the repository: the shipped plan laid out as a 任务分工表 (a table with a header
// row, group rows across the table, a 牵头单位 merged down two rows and a cell of one unit per line), the
// same as a numbered list (Word's own list numbers), and every corpus text as a .docx of paragraphs.
// The files are committed; CI reads them and needs no office suite. Run again only to change them:
//   node scripts/office_fixtures.mjs        (needs soffice: Debian's libreoffice-writer-nogui and -calc-nogui)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "tests/fixtures/office");
const work = mkdtempSync(join(tmpdir(), "lanbai-office-"));
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// The tasks of the shipped source text: number, text and the three role fields of its annotation.
const source = readFileSync(join(root, "public/gansu-2020-shuangqu-yaodian-part1.txt"), "utf8");
const rows = [];
for (const line of source.split("\n")) {
  const group = line.match(/^\((一|二|三)\)(.+)$/);
  if (group) rows.push({ group: `（${group[1]}）${group[2].trim()}` });
  const task = line.match(/^(\d+)\.(.+)\(牵头单位:([^;]+);实施单位:([^;)]+)(?:;配合单位:([^)]+))?\)\s*$/);
  if (task) rows.push({ n: task[1], text: task[2], lead: task[3], impl: task[4], coop: task[5] ?? "" });
}
if (rows.filter((r) => r.n).length !== 10) throw new Error("expected the 10 tasks of the shipped text");

function tableHtml() {
  const cells = [];
  const tasks = rows.filter((r) => r.n);
  for (const r of rows) {
    if (r.group) {
      cells.push(`<tr><td colspan="6">${escape(r.group)}</td></tr>`);
      continue;
    }
    // Tasks 6 and 7 share their lead units: one cell merged down both rows, as offices lay it out.
    const lead = r.n === "6" ? `<td rowspan="2">${escape(r.lead)}</td>` : r.n === "7" ? "" : `<td>${escape(r.lead)}</td>`;
    // Task 10's implementing units one per line in a tall cell.
    const impl = r.n === "10" ? r.impl.split(/[、,，]/).map(escape).join("<br>") : escape(r.impl);
    cells.push(`<tr><td>${r.n}</td><td>${escape(r.text)}</td>${lead}<td>${impl}</td><td>${escape(r.coop)}</td><td>2020年12月底前</td></tr>`);
  }
  if (tasks[5].lead !== tasks[6].lead) throw new Error("tasks 6 and 7 no longer share their lead");
  return `<!doctype html><html><head><meta charset="utf-8"><title>任务分工表</title></head><body>
<p>2020年双区建设工作要点任务分工表</p>
<p>为抓好工作要点落实，现将重点任务分解如下。</p>
<table border="1"><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>实施单位</td><td>配合单位</td><td>完成时限</td></tr>
${cells.join("\n")}
</table></body></html>`;
}

function listHtml() {
  const items = [];
  for (const r of rows) {
    if (r.group) {
      if (items.length) items.push("</ol>");
      items.push(`<p>${escape(r.group)}</p><ol start="${Number(rows.find((x) => x.n && rows.indexOf(x) > rows.indexOf(r)).n)}">`);
      continue;
    }
    const coop = r.coop ? `;配合单位:${escape(r.coop)}` : "";
    items.push(`<li>${escape(r.text)}(牵头单位:${escape(r.lead)};实施单位:${escape(r.impl)}${coop})</li>`);
  }
  items.push("</ol>");
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><p>2020年双区建设工作要点</p>${items.join("\n")}</body></html>`;
}

function soffice(args, file) {
  execFileSync("soffice", ["--headless", "--norestore", ...args, "--outdir", work, file], { stdio: "pipe" });
}

function convert(html, base, targets) {
  const file = join(work, `${base}.html`);
  writeFileSync(file, html);
  for (const [ext, filter, infilter] of targets) {
    soffice(["--infilter=" + infilter, "--convert-to", `${ext}:${filter}`], file);
    renameSync(join(work, `${base}.${ext}`), join(out, `${base}.${ext}`));
  }
}

const writer = "HTML (StarWriter)";
const calc = "calc_HTML_WebQuery";
convert(tableHtml(), "gansu-2020-fengong", [
  ["docx", "MS Word 2007 XML", writer],
  ["doc", "MS Word 97", writer],
]);
convert(tableHtml(), "gansu-2020-taizhang", [
  ["xlsx", "Calc MS Excel 2007 XML", calc],
  ["xls", "MS Excel 97", calc],
]);
convert(listHtml(), "gansu-2020-list", [["docx", "MS Word 2007 XML", writer]]);

// Every corpus text as a Word document of paragraphs, to show a .docx reads as its text does.
const corpus = join(root, "tests/fixtures/plans/corpus");
for (const name of readdirSync(corpus).filter((f) => f.endsWith(".txt") && f !== "split.txt").sort()) {
  const base = name.replace(/\.txt$/, "");
  copyFileSync(join(corpus, name), join(work, name));
  soffice(["--infilter=Text (encoded):UTF8", "--convert-to", "docx:MS Word 2007 XML"], join(work, name));
  renameSync(join(work, `${base}.docx`), join(out, "corpus", `${base}.docx`));
}
console.log(`wrote the fixtures in ${out}`);
