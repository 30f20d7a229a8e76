// The law as data: both templates load through their zod schema, and every statutory name carries
// its legal basis and explanation (hover and completion depend on it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEMPLATES, getTemplate, templateSchema, walkNodes } from '../../server/src/statute';

test('both templates are registered and valid', () => {
  assert.deepEqual(TEMPLATES.map((t) => t.id).sort(), ['ogi-annual-2019', 'ogi-annual-2021']);
  for (const t of TEMPLATES) assert.doesNotThrow(() => templateSchema.parse(t));
});

test('a malformed template module is rejected at load', () => {
  const broken = structuredClone(getTemplate('ogi-annual-2021')!) as unknown as { sections: unknown[] };
  broken.sections.pop();
  assert.throws(() => templateSchema.parse(broken));
});

test('every row, group and column has a legal basis and a meaning in both languages', () => {
  for (const t of TEMPLATES) {
    for (const s of t.sections) {
      assert.ok(s.note.basis && s.note.meaning && s.note.meaningEn, `${t.id} ${s.number}`);
      if (!s.table) continue;
      for (const { def, columns } of walkNodes(s.table)) {
        assert.ok(def.note?.basis && def.note.meaning && def.note.meaningEn, `${t.id} ${def.key}`);
        if (s.number !== '二') for (const c of columns) assert.ok(c.note?.basis, `${t.id} column ${c.key}`);
      }
    }
  }
});

test('the templates differ where the statute changed them', () => {
  const keys = (id: string, n: string) =>
    walkNodes(getTemplate(id)!.sections.find((s) => s.number === n)!.table!).map((x) => x.path.join('/'));
  assert.ok(keys('ogi-annual-2019', '二').includes('第二十条第（一）项/规范性文件'));
  assert.ok(keys('ogi-annual-2021', '二').includes('第二十条第（一）项/行政规范性文件'));
  assert.ok(!keys('ogi-annual-2021', '二').some((k) => k.startsWith('第二十条第（九）项')));
  assert.ok(keys('ogi-annual-2021', '三').includes('本年度办理结果/其他处理/其他'));
  assert.ok(!keys('ogi-annual-2019', '三').includes('本年度办理结果/其他处理/其他'));
  assert.equal(keys('ogi-annual-2019', '三').filter((k) => k.startsWith('本年度办理结果/不予公开/')).length, 8);
});
